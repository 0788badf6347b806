// /console/session-types: the kinds of session she offers, each with a way to change or archive
// it, then the archived ones, which she can offer again. Adding and changing happen on their own
// pages (session-type-pages.tsx), which come back here saying what was saved.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import {
  archiveSessionType,
  listSessionTypes,
  updateSessionType,
  type SessionType,
} from '../../api/console-scheduling';
import { ApiError } from '../../api/problem';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { ConfirmAction } from './confirm-action';
import { ConsolePage } from './console-page';
import { consolePaths, editSessionTypePath } from './console-paths';
import { minutesWords } from './console-words';
import { LoadProblem, Loading } from './load-problem';
import { useNews } from '../../components/use-news';

export function SessionTypesPage() {
  return (
    <ConsolePage heading="Session types" lede="The kinds of session clients can book with you.">
      {() => <SessionTypes />}
    </ConsolePage>
  );
}

/** "50 minutes · £90 · new clients welcome". */
export function typeSummary(type: SessionType): string {
  return [
    minutesWords(type.duration_minutes),
    type.price || undefined,
    type.new_clients ? 'new clients welcome' : 'only for clients who have had a session',
  ]
    .filter(Boolean)
    .join(' · ');
}

function SessionTypes() {
  const { client } = useSession();
  const { query } = useLocation();
  const [loaded, reload] = useLoad((signal) => listSessionTypes(client, { signal }), [client]);
  const { news, say, ref } = useNews();
  // After a change, the list as the server now has it (without going back to "Loading…").
  const [fresh, setFresh] = useState<SessionType[]>();
  if (loaded.status === 'loading') return <Loading what="your session types" />;
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={reload} what="your session types" />;
  const types = fresh ?? loaded.value.session_types;
  const active = types.filter((t) => t.active);
  const archived = types.filter((t) => !t.active);
  const saved = query.saved ? types.find((t) => t.id === query.saved) : undefined;

  // The change is made: if the list cannot be read again just now, make the change here.
  const refresh = async (id: string, active: boolean) => {
    try {
      setFresh((await listSessionTypes(client)).session_types);
    } catch {
      setFresh((now) => (now ?? types).map((t) => (t.id === id ? { ...t, active } : t)));
    }
  };

  const archive = async (type: SessionType) => {
    try {
      await archiveSessionType(type.id, client);
    } catch (error) {
      // Already gone is what she asked for.
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
    await refresh(type.id, false);
    say(`“${type.name}” is archived. Clients can no longer book it; sessions already booked stay as they are.`);
  };
  const offerAgain = async (type: SessionType) => {
    const { id: _id, ...input } = type;
    await updateSessionType(type.id, { ...input, active: true }, client);
    await refresh(type.id, true);
    say(`“${type.name}” is offered again.`);
  };

  return (
    <>
      <p role="status" tabIndex={-1} ref={ref} class={news || saved ? 'form-note' : 'visually-hidden'}>
        {news || (saved ? `“${saved.name}” is saved.` : '')}
      </p>
      <p>
        <a class="action-button console-link-button" href={consolePaths.newSessionType}>
          Add a session type
        </a>
      </p>
      {active.length === 0 ? (
        <p>You don’t offer any session types yet. Add one, so clients have something to book.</p>
      ) : (
        <ul class="console-list" aria-label="Offered">
          {active.map((type) => (
            <li key={type.id} class="console-card">
              <h2 class="console-card-title">{type.name}</h2>
              <p class="console-card-meta">{typeSummary(type)}</p>
              {type.description ? <p>{type.description}</p> : null}
              <p class="form-hint">
                {type.intake.length === 0
                  ? 'No questions before booking.'
                  : type.intake.length === 1
                    ? '1 question before booking.'
                    : `${type.intake.length} questions before booking.`}
              </p>
              <div class="console-buttons">
                <a class="form-secondary console-link-button" href={editSessionTypePath(type.id)}>
                  Change{' '}<span class="visually-hidden">{type.name}</span>
                </a>
                <ConfirmAction
                  id={`archive-${type.id}`}
                  label="Archive"
                  context={type.name}
                  question={`Archive “${type.name}”?`}
                  yes="Yes, archive it"
                  no="No, keep offering it"
                  notDone="It was not archived."
                  onConfirm={() => archive(type)}
                >
                  <p>Clients will no longer be able to book it. Sessions already booked keep it and go ahead as planned.</p>
                </ConfirmAction>
              </div>
            </li>
          ))}
        </ul>
      )}
      {archived.length > 0 ? (
        <section aria-labelledby="archived-title">
          <h2 id="archived-title">Archived</h2>
          <ul class="console-list">
            {archived.map((type) => (
              <li key={type.id} class="console-card console-card-cancelled">
                <h3>{type.name}</h3>
                <p class="console-card-meta">{typeSummary(type)}</p>
                <ConfirmAction
                  id={`restore-${type.id}`}
                  label="Offer it again"
                  context={type.name}
                  question={`Offer “${type.name}” again?`}
                  yes="Yes, offer it again"
                  no="No, leave it archived"
                  notDone="It is still archived."
                  level={4}
                  onConfirm={() => offerAgain(type)}
                >
                  <p>Clients will be able to book it within your hours straight away.</p>
                </ConfirmAction>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
