// The "Console" entry of the main navigation (components/site-nav.tsx), shown only to the
// practitioner once her signing in is complete; for everyone else it renders nothing. It carries
// its own small icon (a desk diary) drawn like the others on a 24px grid, so this feature needs
// no change to the shared icon set. Kept out of the console's lazily loaded chunk: it is tiny.
import { useLocation } from 'preact-iso';
import { fullySignedIn } from '../../api/me';
import { useSession } from '../account/session';
import { consolePaths } from './console-paths';

/** Whether the practitioner, fully signed in, is who is using the app. */
export function usePractitioner(): boolean {
  const { state } = useSession();
  return state.status === 'signed-in' && state.me.role === 'practitioner' && fullySignedIn(state.me);
}

export function ConsoleNavItem() {
  const { path } = useLocation();
  if (!usePractitioner()) return null;
  const current = path === consolePaths.overview || path.startsWith(`${consolePaths.overview}/`);
  return (
    <li>
      <a class="site-nav-link" href={consolePaths.overview} aria-current={current ? 'page' : undefined}>
        <svg
          class="icon site-nav-icon"
          viewBox="0 0 24 24"
          width="24"
          height="24"
          fill="none"
          stroke="currentColor"
          stroke-width="1.75"
          stroke-linecap="round"
          stroke-linejoin="round"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M6 3.5h12a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-15a1 1 0 0 1 1-1z" />
          <path d="M9 3.5v17" />
          <path d="M12 8h4" />
          <path d="M12 11.5h4" />
        </svg>
        <span class="site-nav-label">Console</span>
      </a>
    </li>
  );
}
