// The app: routes inside the shell. Every route renders one Page (one h1, its own title).
import { LocationProvider, Route, Router } from 'preact-iso';
import { AppShell } from './components/app-shell';
import { AboutPage } from './features/about/about-page';
import { CoursePage } from './features/course/course-page';
import { HomePage } from './features/home/home-page';
import { JournalPage } from './features/journal/journal-page';
import { NotFoundPage } from './features/not-found/not-found-page';
import { PracticesPage } from './features/practices/practices-page';
import { PrivacyPage } from './features/privacy/privacy-page';
import { ProgressPage } from './features/progress/progress-page';
import { SessionsPage } from './features/scheduling/sessions-page';
import { SetupPage } from './features/setup/setup-page';

// After an in-app navigation (not on first load), move focus to the new page's heading, so
// keyboard and screen reader users start at the top of the new content instead of on the
// link they just used. preventScroll: the router has already scrolled to the top.
function focusPageHeading(): void {
  document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
}

export function App() {
  return (
    <LocationProvider>
      <AppShell>
        <Router onRouteChange={focusPageHeading}>
          <Route path="/" component={HomePage} />
          <Route path="/course" component={CoursePage} />
          <Route path="/practices" component={PracticesPage} />
          <Route path="/journal" component={JournalPage} />
          <Route path="/progress" component={ProgressPage} />
          <Route path="/sessions" component={SessionsPage} />
          <Route path="/about" component={AboutPage} />
          <Route path="/privacy" component={PrivacyPage} />
          {/* First-run setup: reached from the server's log, so not in the navigation. */}
          <Route path="/setup" component={SetupPage} />
          <Route default component={NotFoundPage} />
        </Router>
      </AppShell>
    </LocationProvider>
  );
}
