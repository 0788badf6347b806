// /console/clients: everyone who has booked a session with her or shares something with her, by
// name: their time zone, what they share (small labels; no shared data itself, so opening this
// list records nothing), and their next session in her zone. Each leads to the client's page.
import { listClients, type ClientSummary } from '../../api/console-clients';
import type { Me } from '../../api/me';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { ConsolePage } from './console-page';
import { clientPath } from './console-paths';
import { dayAndTime } from './console-words';
import { sessionCounts, sharedLabels, zoneWords } from './client-words';
import { LoadProblem, Loading } from './load-problem';
import { practiceZone } from './practice-zone';

export function ClientsPage() {
  return (
    <ConsolePage heading="Clients" lede="Everyone who has booked a session with you or shares something with you.">
      {(me) => <Clients me={me} />}
    </ConsolePage>
  );
}

function Clients({ me }: { me: Me }) {
  const { client } = useSession();
  const [loaded, retry] = useLoad(async (signal) => {
    const [zone, answer] = await Promise.all([practiceZone(me, client, signal), listClients(client, { signal })]);
    return { zone, clients: answer.clients };
  }, [client]);
  if (loaded.status === 'loading') return <Loading what="your clients" />;
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={retry} what="your clients" />;
  const { zone, clients } = loaded.value;
  if (clients.length === 0) {
    return (
      <p>
        No clients yet. People appear here once they book a session with you or choose to share something with you.
      </p>
    );
  }
  return (
    <>
      <p class="form-hint">
        What each person shares is theirs to choose, and they can stop at any time. Opening a client’s page is recorded in
        the audit log. Times are in {zoneWords(zone)}.
      </p>
      <ul class="console-list">
        {clients.map((c) => (
          <ClientCard key={c.id} summary={c} zone={zone} />
        ))}
      </ul>
    </>
  );
}

function ClientCard({ summary, zone }: { summary: ClientSummary; zone: string }) {
  const labels = sharedLabels(summary.shares);
  const next = summary.sessions.next_start;
  return (
    <li class="console-card">
      <h2 class="console-card-title console-client-name">
        <a href={clientPath(summary.id)}>{summary.name}</a>
      </h2>
      <p class="console-card-meta">Time zone: {zoneWords(summary.time_zone)}</p>
      <p class="console-shares">
        <span class="console-shares-lead">Shares:</span>{' '}
        {labels.length === 0 ? (
          <span class="console-share-none">nothing</span>
        ) : (
          labels.map((label) => (
            <span key={label} class="console-share-label">
              {label}
            </span>
          ))
        )}
      </p>
      <p class="console-card-meta">
        {next ? `Next session: ${dayAndTime(next, zone)}. ` : ''}
        {sessionCounts(summary.sessions)}.
      </p>
    </li>
  );
}
