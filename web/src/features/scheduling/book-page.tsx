// /sessions/book: booking a session (book-flow.tsx), for a signed-in client. The session types
// and the practitioner's terms are fetched once for the whole flow.
import type { Me } from '../../api/me';
import { listSessionTypes } from '../../api/scheduling';
import { Page } from '../../components/page';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { LoadProblem } from '../course/load-problem';
import { WithLearner } from '../journal/use-learner';
import { BookFlow } from './book-flow';
import { PractitionerNote } from './practitioner-note';
import '../../components/form.css';
import './scheduling.css';

export function BookPage() {
  return (
    <Page heading="Book a session" lede="A few short steps. Nothing is booked until you confirm at the end.">
      <WithLearner>{(me) => (me.role === 'practitioner' ? <PractitionerNote /> : <Booking key={me.id} me={me} />)}</WithLearner>
    </Page>
  );
}

function Booking({ me }: { me: Me }) {
  const { client } = useSession();
  const [loaded, retry] = useLoad((signal) => listSessionTypes(client, { signal }), [client]);
  if (loaded.status === 'loading') {
    return (
      <p role="status" class="form-muted">
        Getting the kinds of session ready…
      </p>
    );
  }
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={retry} what="the kinds of session" />;
  return <BookFlow me={me} answer={loaded.value} />;
}
