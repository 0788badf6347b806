// /console/waitlist: who is waiting for a session type that has no free time, in the order they
// joined. When a time opens up, the server mails them in this order; nobody is booked for them.
import {
  clientName,
  listSessionTypes,
  listWaitlist,
  type SessionType,
  type WaitlistEntry,
} from '../../api/console-scheduling';
import type { Me } from '../../api/me';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { ConsolePage } from './console-page';
import { longDate } from './console-words';
import { LoadProblem, Loading } from './load-problem';

export function WaitlistPage() {
  return (
    <ConsolePage heading="Waitlist" lede="People waiting for a time to open up, in the order they joined.">
      {(me) => <Waitlist me={me} />}
    </ConsolePage>
  );
}

/** The session type's name: from the entry, else from her types, else its id. */
export function typeName(entry: WaitlistEntry, types: readonly SessionType[]): string {
  if (typeof entry.session_type !== 'string') return entry.session_type.name;
  return types.find((t) => t.id === entry.session_type)?.name ?? entry.session_type;
}

function Waitlist({ me }: { me: Me }) {
  const { client } = useSession();
  const [loaded, retry] = useLoad(
    async (signal) => {
      const [waitlist, types] = await Promise.all([
        listWaitlist(client, { signal }),
        // Only to name the types: the list is still worth showing without them.
        listSessionTypes(client, { signal }).catch(() => ({ session_types: [] as SessionType[] })),
      ]);
      return { entries: waitlist.entries, types: types.session_types };
    },
    [client],
  );

  if (loaded.status === 'loading') return <Loading what="the waitlist" />;
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={retry} what="the waitlist" />;
  const { entries, types } = loaded.value;
  return (
    <>
      <p>
        When a time opens up (a session is cancelled, or you add hours), everyone waiting for that kind of session is
        sent an email with a link to book, in this order. Nobody is booked for them, and each stays on the list until
        they book or leave it.
      </p>
      {entries.length === 0 ? (
        <p>No one is waiting at the moment.</p>
      ) : (
        <ol class="console-list console-waitlist">
          {entries.map((entry) => (
            <li key={entry.id} class="console-card">
              <h2 class="console-card-title">{clientName(entry) ?? 'A client'}</h2>
              <p class="console-card-meta">
                Waiting for {typeName(entry, types)} since {longDate(entry.joined_at, me.time_zone)}.
                {entry.notified_at ? ` Emailed about a free time on ${longDate(entry.notified_at, me.time_zone)}.` : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
