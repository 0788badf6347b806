// The app: routes inside the shell. Every route renders one Page (one h1, its own title).
// The account pages load on first use, so the first screen stays small and fast.
import { LocationProvider, Route, Router, lazy } from 'preact-iso';
import type { ApiClient } from './api/client';
import { AppShell } from './components/app-shell';
import { AboutPage } from './features/about/about-page';
import { SessionProvider } from './features/account/session';
import { CoursePage } from './features/course/course-page';
import { HomePage } from './features/home/home-page';
import { NotFoundPage } from './features/not-found/not-found-page';
import { PracticeQueueSync } from './features/practices/practice-queue-sync';
import { PracticesPage } from './features/practices/practices-page';
import { PrivacyPage } from './features/privacy/privacy-page';
import { ProgressPage } from './features/progress/progress-page';
import { SetupPage } from './features/setup/setup-page';
import { consoleRoutes } from './features/console/routes';

const lessonPage = () => import('./features/course/lesson-page');
const LessonPage = lazy(() => lessonPage().then((m) => m.LessonPage));
// The practice player (issue #7): loaded on first use; the service worker precaches it for offline.
const PracticePage = lazy(() => import('./features/practices/practice-page').then((m) => m.PracticePage));
const PracticeHistoryPage = lazy(() => import('./features/practices/history-page').then((m) => m.PracticeHistoryPage));
// The journal (issue #8): private, signed-in only, loaded on first use.
const journal = () => import('./features/journal/pages');
const JournalPage = lazy(() => journal().then((m) => m.JournalPage));
const JournalNewPage = lazy(() => journal().then((m) => m.JournalNewPage));
const JournalEntryPage = lazy(() => journal().then((m) => m.JournalEntryPage));
const JournalEditPage = lazy(() => journal().then((m) => m.JournalEditPage));
// Patterns across trigger logs, and "pause before reacting" (issue #8): loaded on first use too.
const JournalInsightsPage = lazy(() => import('./features/journal/insights/insights-page').then((m) => m.InsightsPage));
const PauseBeforeReactingPage = lazy(() => import('./features/journal/pause/pause-page').then((m) => m.PausePage));
const journalPages = [JournalPage, JournalNewPage, JournalEntryPage, JournalEditPage];
// Sessions and booking (issue #9): signed-in clients' pages, loaded on first use.
const scheduling = () => import('./features/scheduling/pages');
const SessionsPage = lazy(() => scheduling().then((m) => m.SessionsPage));
const BookPage = lazy(() => scheduling().then((m) => m.BookPage));
const BookingPage = lazy(() => scheduling().then((m) => m.BookingPage));
const ReschedulePage = lazy(() => scheduling().then((m) => m.ReschedulePage));
const schedulingPages = [SessionsPage, BookPage, BookingPage, ReschedulePage];
// What a learner shares with the practitioner (issue #10): loaded on first use.
const SharingPage = lazy(() => import('./features/sharing/sharing-page').then((m) => m.SharingPage));

/** Loads the sharing page now (used by unit tests). */
export async function preloadSharingPage(): Promise<void> {
  // Not the component itself: vitest takes a function resolved from beforeAll for a teardown.
  await SharingPage.preload();
}

/** Loads the sessions and booking pages now (used by unit tests). */
export function preloadSchedulingPages(): Promise<unknown> {
  return Promise.all(schedulingPages.map((page) => page.preload()));
}

/** Loads the journal pages now (used by unit tests). */
export function preloadJournalPages(): Promise<unknown> {
  return Promise.all(journalPages.map((page) => page.preload()));
}

const account = () => import('./features/account/pages');
const SignupPage = lazy(() => account().then((m) => m.SignupPage));
const VerifyPage = lazy(() => account().then((m) => m.VerifyPage));
const LoginPage = lazy(() => account().then((m) => m.LoginPage));
const LoginCodePage = lazy(() => account().then((m) => m.LoginCodePage));
const ForgotPasswordPage = lazy(() => account().then((m) => m.ForgotPasswordPage));
const ResetPasswordPage = lazy(() => account().then((m) => m.ResetPasswordPage));
const ConfirmEmailPage = lazy(() => account().then((m) => m.ConfirmEmailPage));
const AccountPage = lazy(() => account().then((m) => m.AccountPage));
const TwoFactorPage = lazy(() => account().then((m) => m.TwoFactorPage));
const GoodbyePage = lazy(() => account().then((m) => m.GoodbyePage));
// The check-in (issue #4): also loaded on first use.
const checkin = () => import('./features/checkin/pages');
const CheckInStartPage = lazy(() => checkin().then((m) => m.CheckInStartPage));
const AttachmentCheckInPage = lazy(() => checkin().then((m) => m.AttachmentCheckInPage));
const SignsCheckInPage = lazy(() => checkin().then((m) => m.SignsCheckInPage));
const LatestResultsPage = lazy(() => checkin().then((m) => m.LatestResultsPage));
const ResultPage = lazy(() => checkin().then((m) => m.ResultPage));
const checkinPages = [CheckInStartPage, AttachmentCheckInPage, SignsCheckInPage, LatestResultsPage, ResultPage];

/** Loads the check-in pages now (used by unit tests). */
export function preloadCheckinPages(): Promise<unknown> {
  return Promise.all(checkinPages.map((page) => page.preload()));
}

const accountPages = [
  SignupPage,
  VerifyPage,
  LoginPage,
  LoginCodePage,
  ForgotPasswordPage,
  ResetPasswordPage,
  ConfirmEmailPage,
  AccountPage,
  TwoFactorPage,
  GoodbyePage,
];

/** Loads the account pages now, so opening one later does not wait (used by unit tests). */
export function preloadAccountPages(): Promise<unknown> {
  return Promise.all(accountPages.map((page) => page.preload()));
}

// After an in-app navigation (not on first load), move focus to the new page's heading, so
// keyboard and screen reader users start at the top of the new content instead of on the
// link they just used. preventScroll: the router has already scrolled to the top.
function focusPageHeading(): void {
  document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
}

interface AppProps {
  /** For tests: the API client the whole app uses (the browser uses the same-origin one). */
  client?: ApiClient;
}

export function App({ client }: AppProps = {}) {
  return (
    <LocationProvider>
      <SessionProvider client={client}>
        {/* Sends practices finished offline once they can be (issue #7). */}
        <PracticeQueueSync />
        <AppShell>
          <Router onRouteChange={focusPageHeading}>
            <Route path="/" component={HomePage} />
            <Route path="/course" component={CoursePage} />
            <Route path="/course/lessons/:id" component={LessonPage} />
            <Route path="/practices" component={PracticesPage} />
            {/* Before /practices/:id, which would otherwise take "history" for a practice. */}
            <Route path="/practices/history" component={PracticeHistoryPage} />
            <Route path="/practices/:id" component={PracticePage} />
            <Route path="/journal" component={JournalPage} />
            {/* Before /journal/:id, which would otherwise take "new" for an entry. */}
            <Route path="/journal/new" component={JournalNewPage} />
            <Route path="/journal/insights" component={JournalInsightsPage} />
            <Route path="/journal/pause" component={PauseBeforeReactingPage} />
            <Route path="/journal/pause/:id" component={PauseBeforeReactingPage} />
            <Route path="/journal/:id" component={JournalEntryPage} />
            <Route path="/journal/:id/edit" component={JournalEditPage} />
            <Route path="/progress" component={ProgressPage} />
            <Route path="/sharing" component={SharingPage} />
            <Route path="/sessions" component={SessionsPage} />
            {/* Before /sessions/:id, which would otherwise take "book" for a session. */}
            <Route path="/sessions/book" component={BookPage} />
            <Route path="/sessions/:id" component={BookingPage} />
            <Route path="/sessions/:id/reschedule" component={ReschedulePage} />
            <Route path="/about" component={AboutPage} />
            <Route path="/privacy" component={PrivacyPage} />
            {/* First-run setup: reached from the server's log, so not in the navigation. */}
            <Route path="/setup" component={SetupPage} />
            {/* Accounts: reached from the banner and from links in mail. */}
            <Route path="/signup" component={SignupPage} />
            <Route path="/verify" component={VerifyPage} />
            <Route path="/login" component={LoginPage} />
            <Route path="/login/code" component={LoginCodePage} />
            <Route path="/forgot-password" component={ForgotPasswordPage} />
            <Route path="/reset-password" component={ResetPasswordPage} />
            <Route path="/confirm-email" component={ConfirmEmailPage} />
            <Route path="/account" component={AccountPage} />
            <Route path="/account/two-factor" component={TwoFactorPage} />
            <Route path="/goodbye" component={GoodbyePage} />
            {/* The check-in: reached from Home and from the course. */}
            <Route path="/check-in" component={CheckInStartPage} />
            <Route path="/check-in/attachment" component={AttachmentCheckInPage} />
            <Route path="/check-in/eight-signs" component={SignsCheckInPage} />
            <Route path="/check-in/results" component={LatestResultsPage} />
            <Route path="/check-in/results/:id" component={ResultPage} />
            {/* The practitioner's console (issue #9): one chunk, loaded on first use. */}
            {consoleRoutes.map((route) => (
              <Route key={route.path} path={route.path} component={route.component} />
            ))}
            <Route default component={NotFoundPage} />
          </Router>
        </AppShell>
      </SessionProvider>
    </LocationProvider>
  );
}
