// The console's routes, for app.tsx: every page lazy-loaded from one chunk (pages.ts), so only
// the practitioner ever downloads it. app.tsx maps the list into <Route>s inside its <Router>.
// preact-iso matches whole paths, so the order does not matter; "new" is listed before ":id"
// only to read well.
import type { ComponentType } from 'preact';
import { lazy } from 'preact-iso';

const pages = () => import('./pages');

const ConsoleOverviewPage = lazy(() => pages().then((m) => m.ConsoleOverviewPage));
const SessionsPage = lazy(() => pages().then((m) => m.SessionsPage));
const SchedulePage = lazy(() => pages().then((m) => m.SchedulePage));
const SessionTypesPage = lazy(() => pages().then((m) => m.SessionTypesPage));
const NewSessionTypePage = lazy(() => pages().then((m) => m.NewSessionTypePage));
const EditSessionTypePage = lazy(() => pages().then((m) => m.EditSessionTypePage));
const BookingSettingsPage = lazy(() => pages().then((m) => m.BookingSettingsPage));
const WaitlistPage = lazy(() => pages().then((m) => m.WaitlistPage));
const QuestionnairesPage = lazy(() => pages().then((m) => m.QuestionnairesPage));
const ClientsPage = lazy(() => pages().then((m) => m.ClientsPage));
const ClientPage = lazy(() => pages().then((m) => m.ClientPage));
const AuditPage = lazy(() => pages().then((m) => m.AuditPage));
const ContentPage = lazy(() => pages().then((m) => m.ContentPage));
const ContentFilePage = lazy(() => pages().then((m) => m.ContentFilePage));

const all = [
  ConsoleOverviewPage,
  SessionsPage,
  SchedulePage,
  SessionTypesPage,
  NewSessionTypePage,
  EditSessionTypePage,
  BookingSettingsPage,
  WaitlistPage,
  QuestionnairesPage,
  ClientsPage,
  ClientPage,
  AuditPage,
  ContentPage,
  ContentFilePage,
];

export interface ConsoleRoute {
  path: string;
  component: ComponentType<Record<string, unknown>>;
}

export const consoleRoutes: readonly ConsoleRoute[] = [
  { path: '/console', component: ConsoleOverviewPage },
  { path: '/console/sessions', component: SessionsPage },
  { path: '/console/schedule', component: SchedulePage },
  { path: '/console/session-types', component: SessionTypesPage },
  { path: '/console/session-types/new', component: NewSessionTypePage },
  { path: '/console/session-types/:id/edit', component: EditSessionTypePage },
  { path: '/console/booking-settings', component: BookingSettingsPage },
  { path: '/console/waitlist', component: WaitlistPage },
  { path: '/console/questionnaires', component: QuestionnairesPage },
  { path: '/console/clients', component: ClientsPage },
  { path: '/console/clients/:id', component: ClientPage },
  { path: '/console/audit', component: AuditPage },
  { path: '/console/content', component: ContentPage },
  { path: '/console/content/file', component: ContentFilePage },
];

/** Loads the console's pages now (for unit tests). */
export function preloadConsolePages(): Promise<unknown> {
  return Promise.all(all.map((page) => page.preload()));
}
