// The journal's pages, loaded together on first use (app.tsx lazy-loads this module), so the
// first screen of the app does not carry them.
export { JournalPage } from './journal-page';
export { JournalEditPage, JournalNewPage } from './entry-form-page';
export { JournalEntryPage } from './entry-view-page';
