// The console's pages, loaded together on first use (routes.tsx lazy-loads this module), so the
// app's first screen, and every learner, never carries them.
export { SchedulePage } from './schedule-page';
export { SessionTypesPage } from './session-types-page';
export { EditSessionTypePage, NewSessionTypePage } from './session-type-pages';
export { BookingSettingsPage } from './booking-settings-page';
export { SessionsPage } from './sessions-page';
export { ConsoleOverviewPage } from './overview-page';
export { WaitlistPage } from './waitlist-page';
export { QuestionnairesPage } from './questionnaires-page';
export { ClientsPage } from './clients-page';
export { ClientPage } from './client-page';
export { AuditPage } from './audit-page';
export { ContentPage } from './content-page';
export { ContentFilePage } from './content-file-page';
