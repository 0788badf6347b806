// /console/clients/:id: one client, for the practitioner: who they are, what they share with her
// now (client-shared.tsx; "Not shared" for the rest), and every session they booked with her.
// Opening the page reads what they share, so the server records it in the audit log first, and
// the page says so; a client who stops sharing something is gone from here at her next look.
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { getClient, type ClientDetail } from '../../api/console-clients';
import type { ConsoleBooking } from '../../api/console-scheduling';
import type { Me } from '../../api/me';
import { ApiError } from '../../api/problem';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { ClientShared } from './client-shared';
import { zoneWords } from './client-words';
import { ConsolePage } from './console-page';
import { consolePaths } from './console-paths';
import { longDate } from './console-words';
import { LoadProblem, Loading } from './load-problem';
import { practiceZone } from './practice-zone';
import { SessionCard } from './session-card';
import { SessionNotes } from './session-notes';
import { useNews } from '../../components/use-news';
import '../checkin/checkin.css';
import '../progress/progress.css';
import '../journal/journal.css';

export function ClientPage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const [name, setName] = useState<string>();
  return (
    <ConsolePage heading={name ?? 'Client'} title={name ? `${name} · Clients` : 'Client'}>
      {(me) => <Client key={id} me={me} id={id} onName={setName} />}
    </ConsolePage>
  );
}

interface ClientProps {
  me: Me;
  id: string;
  onName: (name: string | undefined) => void;
}

function Client({ me, id, onName }: ClientProps) {
  const { client } = useSession();
  const [loaded, retry] = useLoad(async (signal) => {
    const [zone, detail] = await Promise.all([practiceZone(me, client, signal), getClient(id, client, { signal })]);
    onName(detail.client.name);
    return { zone, detail };
  }, [client, id]);

  if (loaded.status === 'loading') return <Loading what="this client’s page" />;
  if (loaded.status === 'error') {
    if (loaded.error instanceof ApiError && loaded.error.status === 404) {
      return (
        <div class="form-panel">
          <p>
            This person isn’t one of your clients: clients are people who have booked a session with you or share
            something with you.
          </p>
          <p>
            <a href={consolePaths.clients}>All your clients</a>
          </p>
        </div>
      );
    }
    return <LoadProblem error={loaded.error} retry={retry} what="this client’s page" />;
  }
  return <ClientView detail={loaded.value.detail} zone={loaded.value.zone} />;
}

/** "Yes, as they last chose it on 2 November 2026" while something is shared (the date of their last change, not of the first share); "Nothing at the moment" otherwise. */
function sharingWords(shared: ClientDetail['shared'], since: string | null, zone: string): string {
  const any = shared.checkins !== null || shared.practice !== null || shared.course !== null || shared.journal_entries.length > 0;
  if (!any) return 'Nothing at the moment';
  return since ? `Yes, as they last chose it on ${longDate(since, zone)}` : 'Yes';
}

function ClientView({ detail, zone }: { detail: ClientDetail; zone: string }) {
  const { client: who, shared, shared_since: since } = detail;
  const [now] = useState(() => new Date());
  const [changed, setChanged] = useState<Record<string, ConsoleBooking>>({});
  const { news, say, ref } = useNews();
  const sessions = detail.sessions.map((s) => changed[s.id] ?? s);

  return (
    <>
      <p class="form-note console-recorded">
        Opening this page is recorded in the audit log, with what it showed. {who.name} chooses what to share and can
        stop at any time; anything they stop sharing is gone from here at once.
      </p>
      <dl class="console-facts">
        <div>
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${who.email}`}>{who.email}</a>
          </dd>
        </div>
        <div>
          <dt>Time zone</dt>
          <dd>{zoneWords(who.time_zone)}</dd>
        </div>
        <div>
          <dt>Sharing</dt>
          <dd>{sharingWords(shared, since, zone)}</dd>
        </div>
      </dl>

      <section class="console-client-section" aria-labelledby="client-shared">
        <h2 id="client-shared">What {who.name} shares with you</h2>
        <ClientShared shared={shared} name={who.name} zone={zone} />
      </section>

      <div class="console-client-section">
        <SessionNotes clientId={who.id} bookings={sessions} timeZone={zone} />
      </div>

      <section class="console-client-section" aria-labelledby="client-sessions">
        <h2 id="client-sessions">Sessions</h2>
        <p role="status" tabIndex={-1} ref={ref} class={news ? 'form-note' : 'visually-hidden'}>
          {news}
        </p>
        {sessions.length === 0 ? (
          <p>No sessions booked with you.</p>
        ) : (
          <>
            <p class="form-hint">Newest first. Times are in {zoneWords(zone)}.</p>
            <ul class="console-list">
              {sessions.map((b) => (
                <SessionCard
                  key={b.id}
                  booking={b}
                  zone={zone}
                  now={now}
                  dated
                  onChanged={(booking, words) => {
                    setChanged((before) => ({ ...before, [booking.id]: booking }));
                    say(words);
                  }}
                />
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
