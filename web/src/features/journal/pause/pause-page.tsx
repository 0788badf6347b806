// /journal/pause and /journal/pause/:id: "pause before reacting", a calm guided way through a
// hard moment that leaves a trigger log behind (pause-flow.tsx). Signed out, the practices are
// still offered, with a note that logging in keeps what is written.
import { useLocation } from 'preact-iso';
import { Page } from '../../../components/page';
import { RequireSession } from '../../account/require-session';
import { useSession } from '../../account/session';
import { PauseFlow } from './pause-flow';
import { isEntryId, pausePath } from './pause-paths';
import '../../../components/form.css';
import '../../practices/practices.css';
import './pause.css';

export function PausePage({ id }: { id?: string }) {
  const { state } = useSession();
  const { query } = useLocation();
  return (
    <Page heading="Pause before reacting" lede="A few quiet minutes between a hard feeling and whatever you do next.">
      {state.status === 'signed-out' ? (
        <SignedOut />
      ) : id !== undefined && !isEntryId(id) ? (
        <NotAnEntry />
      ) : (
        <RequireSession need="full">
          {(me) => (
            <PauseFlow
              key={`${me.id}/${id ?? 'new'}`}
              me={me}
              entryId={id?.toLowerCase()}
              step={query.step}
              practised={query.practised}
            />
          )}
        </RequireSession>
      )}
    </Page>
  );
}

function SignedOut() {
  return (
    <div class="form-panel">
      <p>
        When something stirs you up, this walks you through noticing it, pausing with a short practice, and writing down
        what helped. You can pause right now without an account: <a href="/practices">choose a short practice</a>.
      </p>
      <p>
        To keep what you write in your journal, <a href={`/login?next=${encodeURIComponent(pausePath)}`}>log in</a> or{' '}
        <a href="/signup">create an account</a>.
      </p>
    </div>
  );
}

function NotAnEntry() {
  return (
    <div class="form-panel">
      <p>This address doesn’t lead to a pause. It may have been copied only in part.</p>
      <p>
        <a href={pausePath}>Start a new pause</a>
      </p>
    </div>
  );
}
