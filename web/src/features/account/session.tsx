// The app's idea of who is signed in, loaded once from GET /api/v1/me when the app starts (401
// means signed out) and replaced after logging in or out, so the header and the pages that need
// a session agree without asking the server again. Held in memory only: nothing about the
// person goes to localStorage or sessionStorage; a reload asks the server afresh.
//
// The provider also carries the API client the account pages use, so unit tests can give the
// whole tree a fake server.
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client';
import { defaultClient } from '../../api/default-client';
import { getMe, type Me } from '../../api/me';
import { ApiError } from '../../api/problem';
import { forgetKeptLessons } from '../course/lesson-cache';

export type SessionState =
  | { status: 'loading' }
  /** The server could not be asked (offline, or it is down): we do not know. */
  | { status: 'unreachable' }
  | { status: 'signed-out' }
  /** A session exists; it may still owe its two-factor code (see api/me.ts owesCode). */
  | { status: 'signed-in'; me: Me };

export interface Session {
  state: SessionState;
  client: ApiClient;
  /** Asks the server again (GET /api/v1/me). */
  refresh: () => Promise<void>;
  /** After a log-in, a two-factor step or a profile change: the person as the server sent them. */
  signedIn: (me: Me) => void;
  /** After logging out, a password reset, or a 401 from any request. */
  signedOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

interface SessionProviderProps {
  /** For tests; the app uses the shared same-origin client. */
  client?: ApiClient;
  children: ComponentChildren;
}

export function SessionProvider({ client: given, children }: SessionProviderProps) {
  const client = useMemo(() => given ?? defaultClient(), [given]);
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  // Answers that arrive after a newer change (a log-in while the first GET was in flight) are
  // stale: each change bumps the generation, and only the latest request may set the state.
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    let next: SessionState;
    try {
      next = { status: 'signed-in', me: await getMe(client) };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) next = { status: 'signed-out' };
      else next = { status: 'unreachable' };
    }
    if (mine !== generation.current) return;
    // Keep a known person through a failed refresh: a dropped connection is not a log-out.
    setState((current) => (next.status === 'unreachable' && current.status === 'signed-in' ? current : next));
  }, [client]);

  const signedIn = useCallback((me: Me) => {
    generation.current += 1;
    setState({ status: 'signed-in', me });
  }, []);

  const signedOut = useCallback(() => {
    generation.current += 1;
    setState({ status: 'signed-out' });
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Lessons kept for offline reading belong to whoever is signed in: a signed-out device keeps
  // none (course/lesson-cache.ts).
  useEffect(() => {
    if (state.status === 'signed-out') void forgetKeptLessons();
  }, [state.status]);

  const value = useMemo(
    () => ({ state, client, refresh, signedIn, signedOut }),
    [state, client, refresh, signedIn, signedOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it');
  return session;
}
