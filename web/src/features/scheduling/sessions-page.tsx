// /sessions: the client's video sessions with their therapist. A clear way to book one, then
// the sessions coming up (with Join, and ways to move or cancel them), the waiting list, and
// past sessions, all in this device's time zone. Signed out: what this is, and how to begin.
import { Page } from '../../components/page';
import { RequireSession } from '../account/require-session';
import { useSession } from '../account/session';
import { browserTimeZone } from '../account/time-zones';
import { PractitionerNote } from './practitioner-note';
import { bookPath, sessionsPath } from './scheduling-paths';
import { SessionList } from './session-list';
import '../../components/form.css';
import './scheduling.css';

export function SessionsPage() {
  const { state, client } = useSession();
  return (
    <Page heading="Sessions" lede="Video sessions with your therapist, at a time that suits you, shown in your own time zone.">
      {state.status === 'signed-out' ? (
        <SignedOutIntro />
      ) : (
        <RequireSession need="full">
          {(me) =>
            me.role === 'practitioner' ? (
              <PractitionerNote />
            ) : (
              <div class="sched-home" key={me.id}>
                <p class="sched-start">
                  <a class="action-button" href={bookPath}>
                    Book a session
                  </a>
                </p>
                <SessionList client={client} timeZone={browserTimeZone()} />
              </div>
            )
          }
        </RequireSession>
      )}
    </Page>
  );
}

function SignedOutIntro() {
  return (
    <div class="form-panel">
      <p>
        Here you can book a video session with your therapist, see the times that are free in your own time zone, and
        join, move or cancel your sessions.
      </p>
      <p>
        <a href={`/login?next=${encodeURIComponent(sessionsPath)}`}>Log in</a> or <a href="/signup">create an account</a>{' '}
        to book a session.
      </p>
    </div>
  );
}
