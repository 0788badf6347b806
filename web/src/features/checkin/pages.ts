// The check-in pages, loaded together on first use (app.tsx lazy-loads this module), so the
// first screen of the app does not carry them. The Home card (plan-card.tsx) is not here: Home
// imports it directly.
export { AttachmentCheckInPage, SignsCheckInPage } from './questionnaire-page';
export { LatestResultsPage, ResultPage } from './results-page';
export { CheckInStartPage } from './start-page';
