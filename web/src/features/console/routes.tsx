// The console's routes, for app.tsx: every page lazy-loaded from one chunk (pages.ts), so only
// the practitioner ever downloads it. app.tsx maps the list into <Route>s inside its <Router>;
// the more specific paths come first.
import type { ComponentType } from 'preact';
import { lazy } from 'preact-iso';

const pages = () => import('./pages');

const SchedulePage = lazy(() => pages().then((m) => m.SchedulePage));
const SessionTypesPage = lazy(() => pages().then((m) => m.SessionTypesPage));
const NewSessionTypePage = lazy(() => pages().then((m) => m.NewSessionTypePage));
const EditSessionTypePage = lazy(() => pages().then((m) => m.EditSessionTypePage));

const BookingSettingsPage = lazy(() => pages().then((m) => m.BookingSettingsPage));

const SessionsPage = lazy(() => pages().then((m) => m.SessionsPage));

const all = [SessionsPage, SchedulePage, SessionTypesPage, NewSessionTypePage, EditSessionTypePage, BookingSettingsPage];

export interface ConsoleRoute {
  path: string;
  component: ComponentType<Record<string, unknown>>;
}

export const consoleRoutes: readonly ConsoleRoute[] = [
  { path: '/console/sessions', component: SessionsPage },
  { path: '/console/schedule', component: SchedulePage },
  // Before /console/session-types/:id/edit; "new" is no id.
  { path: '/console/session-types/new', component: NewSessionTypePage },
  { path: '/console/session-types/:id/edit', component: EditSessionTypePage },
  { path: '/console/session-types', component: SessionTypesPage },
  { path: '/console/booking-settings', component: BookingSettingsPage },
];

/** Loads the console's pages now (for unit tests). */
export function preloadConsolePages(): Promise<unknown> {
  return Promise.all(all.map((page) => page.preload()));
}
