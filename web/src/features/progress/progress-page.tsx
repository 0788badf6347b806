// /progress: the learner's own picture over time, to look at alone or to bring to a session.
// Five sections, each loading on its own: the attachment plane path, the eight signs first and
// latest, practice (minutes and the distress they rated), the course, and the journal in counts.
// Then printing (progress.css holds the print sheet) and the CSV and JSON downloads, made from
// what loaded. Signed out, a kind invitation; with nothing yet, words on how it will fill.
import type { Me } from '../../api/me';
import { Page } from '../../components/page';
import { RequireSession } from '../account/require-session';
import { useSession } from '../account/session';
import { browserTimeZone } from '../practices/history-words';
import { CourseSection } from './course-section';
import { DownloadButtons } from './download-buttons';
import { JournalSection } from './journal-section';
import { PlaneSection } from './plane-section';
import { PracticeSection } from './practice-section';
import { PrintHeader } from './print-header';
import type { ProgressSnapshot } from './progress-export';
import { SectionFrame } from './section-frame';
import { SignsSection } from './signs-section';
import { readyValue, useProgressParts } from './use-progress-parts';
import '../../components/form.css';
import '../checkin/checkin.css';
import '../practices/history.css';
import '../journal/insights/insights.css';
import './progress.css';

const lede = 'A gentle look at how things have moved for you over time. There are no scores to live up to: this is simply what you have recorded.';

export function ProgressPage() {
  const { state } = useSession();
  return (
    <Page heading="Progress" lede={lede}>
      {state.status === 'signed-out' ? (
        <SignedOutIntro />
      ) : (
        <RequireSession need="full">{(me) => <ProgressView me={me} />}</RequireSession>
      )}
    </Page>
  );
}

function SignedOutIntro() {
  return (
    <div class="form-panel">
      <p>
        When you are logged in, this page gathers what you have recorded: where your check-ins fall over time, the
        minutes you have practised, the lessons you have completed and what your journal counts. You can print it to
        bring to a session, or download it.
      </p>
      <p>
        <a href={`/login?next=${encodeURIComponent('/progress')}`}>Log in</a> or <a href="/signup">create an account</a>{' '}
        to start yours.
      </p>
    </div>
  );
}

function ProgressView({ me }: { me: Me }) {
  const timeZone = browserTimeZone();
  const parts = useProgressParts(timeZone);
  const checkinRetry = parts.checkins.retry;
  const missing = (
    [
      ['your check-ins', parts.checkins],
      ['practice', parts.practice],
      ['the course', parts.course],
      ['the journal', parts.journal],
    ] as const
  )
    .filter(([, part]) => part.loaded.status !== 'ready')
    .map(([name]) => name);
  const snapshot = (): ProgressSnapshot => ({
    preparedAt: new Date(),
    timeZone,
    checkins: readyValue(parts.checkins),
    practice: readyValue(parts.practice),
    course: readyValue(parts.course),
    journal: readyValue(parts.journal),
  });

  return (
    <div class="progress">
      <PrintHeader name={me.display_name} timeZone={timeZone} />
      <SectionFrame id="progress-plane" heading="Closeness and distance over time" what="your check-ins" {...parts.checkins}>
        {(part) => <PlaneSection part={part} timeZone={timeZone} />}
      </SectionFrame>
      <SectionFrame
        id="progress-signs"
        heading="The eight signs over time"
        what="your check-ins"
        loaded={parts.checkins.loaded}
        retry={checkinRetry}
      >
        {(part) => <SignsSection part={part} timeZone={timeZone} />}
      </SectionFrame>
      <SectionFrame id="progress-practice" heading="Practice" what="your practice" {...parts.practice}>
        {(part) => <PracticeSection part={part} />}
      </SectionFrame>
      <SectionFrame id="progress-course" heading="The course" what="your course progress" {...parts.course}>
        {(part) => <CourseSection part={part} />}
      </SectionFrame>
      <SectionFrame id="progress-journal" heading="Your journal, in numbers" what="your journal counts" {...parts.journal}>
        {(part) => <JournalSection part={part} />}
      </SectionFrame>
      <p class="progress-note">
        Everything here is what you recorded in Secure Base: your own answers and ratings. It can help you notice what is
        shifting, but it is not a measurement of health or a diagnosis.
      </p>
      <DownloadButtons snapshot={snapshot} missing={missing} />
      <p class="progress-screen-only">
        Only you can see this page. If you would like your therapist to see some of it, you choose what on{' '}
        <a href="/sharing">Sharing</a>, and you can stop at any time.
      </p>
    </div>
  );
}
