// Where the console's pages live, in the order its own navigation lists them.

export const consolePaths = {
  overview: '/console',
  sessions: '/console/sessions',
  schedule: '/console/schedule',
  sessionTypes: '/console/session-types',
  newSessionType: '/console/session-types/new',
  bookingSettings: '/console/booking-settings',
  waitlist: '/console/waitlist',
  questionnaires: '/console/questionnaires',
  clients: '/console/clients',
  audit: '/console/audit',
  content: '/console/content',
  contentFile: '/console/content/file',
} as const;

/** One client's page. */
export function clientPath(id: string): string {
  return `${consolePaths.clients}/${encodeURIComponent(id)}`;
}

/** The editor for one content file (its path relative to the content folder). */
export function contentFilePath(file: string): string {
  return `${consolePaths.contentFile}?path=${encodeURIComponent(file)}`;
}

export function editSessionTypePath(id: string): string {
  return `${consolePaths.sessionTypes}/${encodeURIComponent(id)}/edit`;
}

/** The console's own navigation: label and path. */
export const consoleSections: readonly { path: string; label: string }[] = [
  { path: consolePaths.overview, label: 'Overview' },
  { path: consolePaths.sessions, label: 'Sessions' },
  { path: consolePaths.clients, label: 'Clients' },
  { path: consolePaths.schedule, label: 'Hours' },
  { path: consolePaths.sessionTypes, label: 'Session types' },
  { path: consolePaths.bookingSettings, label: 'Booking settings' },
  { path: consolePaths.waitlist, label: 'Waitlist' },
  { path: consolePaths.questionnaires, label: 'Questionnaires' },
  { path: consolePaths.content, label: 'Course content' },
  { path: consolePaths.audit, label: 'Audit log' },
];
