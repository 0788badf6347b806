// /sharing: what the learner shows each practitioner (issue #10). For each practitioner on the
// site: what they can see now, the four choices with what each would show, Save, and "Stop
// sharing everything". Sharing is an offer, never a step: nothing here is needed to book, and
// the words never press. Signed out, a kind explanation; a practitioner is pointed to her
// console. The journal's first page loads once for every practitioner's list of entries.
import { useRef } from 'preact/hooks';
import type { Me } from '../../api/me';
import { listEntries } from '../../api/journal';
import { getShares } from '../../api/shares';
import { Page } from '../../components/page';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { LoadProblem } from '../course/load-problem';
import { browserTimeZone } from '../journal/journal-format';
import { WithLearner } from '../journal/use-learner';
import { entryPageSize } from './entry-picker';
import { RecentLooks } from './recent-looks';
import { ShareForm } from './share-form';
import '../../components/form.css';
import './sharing.css';

export const sharingPath = '/sharing';

const lede = 'You decide what, if anything, your therapist can see. Nothing is shared unless you choose it here, and you can change your mind at any time.';

export function SharingPage() {
  const { state } = useSession();
  // Once the page has been open for someone, it stays open if the session ends under it, so the
  // ticks are not lost (the save then says how to log in again).
  const opened = useRef(false);
  if (state.status === 'signed-in') opened.current = true;
  return (
    <Page heading="Sharing" lede={lede}>
      {state.status === 'signed-out' && !opened.current ? (
        <SignedOutIntro />
      ) : (
        <WithLearner>{(me) => (me.role === 'learner' ? <SharingView key={me.id} /> : <NotForYou me={me} />)}</WithLearner>
      )}
    </Page>
  );
}

function SignedOutIntro() {
  return (
    <div class="form-panel">
      <p>
        When you are logged in, this page is where you choose whether your therapist can see any of what you record here:
        your check-in results, a summary of your practice, your course progress, or journal entries you pick one by one.
      </p>
      <p>Nothing is shared unless you choose it, and you can stop sharing at any time.</p>
      <p>
        <a href={`/login?next=${encodeURIComponent(sharingPath)}`}>Log in</a> or <a href="/signup">create an account</a>.
      </p>
    </div>
  );
}

function NotForYou({ me }: { me: Me }) {
  return (
    <div class="form-note">
      <p>This page is where clients choose what to share with you. What each of them shares is on their page in the console.</p>
      <p>{me.role === 'practitioner' ? <a href="/console/clients">Go to your clients</a> : <a href="/">Back to Home</a>}</p>
    </div>
  );
}

function SharingView() {
  const { client } = useSession();
  const timeZone = browserTimeZone();
  const [shares, retryShares] = useLoad((signal) => getShares(client, { signal }), [client]);
  const [journal, retryJournal] = useLoad((signal) => listEntries({ limit: entryPageSize }, client, { signal }), [client]);

  if (shares.status === 'loading') {
    return (
      <p role="status" class="form-muted">
        Opening what you share…
      </p>
    );
  }
  if (shares.status === 'error') return <LoadProblem error={shares.error} retry={retryShares} what="what you share" />;
  const { practitioners } = shares.value;
  if (practitioners.length === 0) {
    return (
      <div class="form-panel">
        <p>There is no therapist on this site to share with yet, so nothing you record can be seen by anyone but you.</p>
      </div>
    );
  }
  return (
    <div class="sharing">
      {practitioners.map((p) => (
        <ShareForm key={p.practitioner.id} initial={p} journal={journal} retryJournal={retryJournal} timeZone={timeZone} />
      ))}
      <RecentLooks timeZone={timeZone} />
    </div>
  );
}
