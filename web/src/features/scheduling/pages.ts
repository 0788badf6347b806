// The booking pages, loaded together on first use (app.tsx lazy-loads this module), so the first
// screen of the app does not carry them.
export { BookPage } from './book-page';
export { BookingPage } from './booking-page';
export { ReschedulePage } from './reschedule-page';
export { SessionsPage } from './sessions-page';
