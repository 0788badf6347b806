// "Signed-in browsers" on /account: each browser signed in as this person (when it signed in,
// when it was last used), this one marked, with a way to sign any other out, or all of them at
// once — for a lost phone or a shared computer. From GET /api/v1/me/sessions.
import { endOtherSessions, endSession, listSessions } from '../../api/me';
import { useLoad } from '../../components/use-load';
import { useNews } from '../../components/use-news';
import { whenWords } from '../journal/journal-format';
import { useSession } from './session';

export function SignedInBrowsers({ timeZone }: { timeZone: string }) {
  const { client } = useSession();
  const [sessions, reload] = useLoad((signal) => listSessions(client, { signal }), [client]);
  const { news, say, ref } = useNews();

  const signOut = async (id?: string) => {
    try {
      if (id) await endSession(id, client);
      else await endOtherSessions(client);
      say(id ? 'That browser is signed out.' : 'Every other browser is signed out.');
    } catch {
      say('That didn’t work just now. Please try again.');
    }
    reload();
  };

  return (
    <section class="form-panel" aria-labelledby="account-browsers-title">
      <h2 id="account-browsers-title">Signed-in browsers</h2>
      <p class="form-hint">If you have lost a phone or used a shared computer, you can sign it out here.</p>
      <p role="status" tabIndex={-1} ref={ref} class={news ? 'form-note' : 'visually-hidden'}>
        {news}
      </p>
      {sessions.status === 'loading' ? (
        <p class="form-muted">Opening the list…</p>
      ) : sessions.status === 'error' ? (
        <p role="alert">
          The list couldn’t be opened just now.{' '}
          <button type="button" class="link-button" onClick={reload}>
            Try again
          </button>
        </p>
      ) : (
        <>
          <ul class="account-browsers" aria-label="Browsers signed in as you">
            {sessions.value.sessions.map((s) => (
              <li key={s.id}>
                <span>
                  {s.current ? <strong>This browser. </strong> : null}
                  Signed in on {whenWords(s.created_at, timeZone)}; last used on {whenWords(s.last_seen_at, timeZone)}.
                </span>
                {s.current ? null : (
                  <button
                    type="button"
                    class="link-button"
                    aria-label={`Sign out the browser signed in on ${whenWords(s.created_at, timeZone)}`}
                    onClick={() => void signOut(s.id)}
                  >
                    Sign out
                  </button>
                )}
              </li>
            ))}
          </ul>
          {sessions.value.sessions.some((s) => !s.current) ? (
            <p>
              <button type="button" class="action-button" onClick={() => void signOut()}>
                Sign out everywhere else
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
