// /console/session-types/new and /console/session-types/:id/edit: the session-type form on a page
// of its own. After saving, back to the list, which says what was saved.
import { useLocation, useRoute } from 'preact-iso';
import { listSessionTypes, type SessionType } from '../../api/console-scheduling';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { ConsolePage } from './console-page';
import { consolePaths } from './console-paths';
import { LoadProblem, Loading } from './load-problem';
import { SessionTypeForm } from './session-type-form';

function useBackToList() {
  const { route } = useLocation();
  return (type: SessionType) => route(`${consolePaths.sessionTypes}?saved=${encodeURIComponent(type.id)}`);
}

export function NewSessionTypePage() {
  const done = useBackToList();
  return (
    <ConsolePage heading="Add a session type" lede="A kind of session clients can book: its length, its rules and its questions.">
      {() => <SessionTypeForm onSaved={done} />}
    </ConsolePage>
  );
}

export function EditSessionTypePage() {
  return (
    <ConsolePage heading="Change a session type" lede="Changes apply to sessions booked from now on.">
      {() => <EditSessionType />}
    </ConsolePage>
  );
}

function EditSessionType() {
  const { client } = useSession();
  const { params } = useRoute();
  const done = useBackToList();
  const id = params.id ?? '';
  const [loaded, retry] = useLoad((signal) => listSessionTypes(client, { signal }), [client]);

  if (loaded.status === 'loading') return <Loading what="the session type" />;
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={retry} what="the session type" />;
  const type = loaded.value.session_types.find((t) => t.id === id);
  if (!type) {
    return (
      <div class="form-panel" role="status">
        <p>We couldn’t find that session type. It may have been removed in another window.</p>
        <p>
          <a href={consolePaths.sessionTypes}>Back to your session types</a>
        </p>
      </div>
    );
  }
  return <SessionTypeForm key={type.id} type={type} onSaved={done} />;
}
