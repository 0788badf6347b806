// "Who has looked": each time a practitioner opened what the learner shares, or the answers they
// gave when booking a session, from the audit log (GET /api/v1/shares/reads), newest first, with
// what it showed — so the promise that every look is recorded is one the learner can check.
// Loads on its own; a failure here never hides the choices above it.
import { getShareReads } from '../../api/shares';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { whenWords } from '../journal/journal-format';
import { bookingAnswersWords, detailWords } from './sharing-words';

/** How many looks the page shows. */
export const looksShown = 20;

export function RecentLooks({ timeZone }: { timeZone: string }) {
  const { client } = useSession();
  const [reads, retry] = useLoad((signal) => getShareReads(looksShown, client, { signal }), [client]);
  return (
    <section class="form-panel sharing-looks" aria-labelledby="sharing-looks-title">
      <h2 id="sharing-looks-title">Who has looked</h2>
      {reads.status === 'loading' ? (
        <p role="status" class="form-muted">
          Opening the record of who looked…
        </p>
      ) : reads.status === 'error' ? (
        <p role="alert">
          The record of who looked couldn’t be opened just now.{' '}
          <button type="button" class="link-button" onClick={retry}>
            Try again
          </button>
        </p>
      ) : reads.value.reads.length === 0 ? (
        <p>
          Nobody has looked at anything you share, or at the answers you gave when booking. When someone does, it will be
          listed here.
        </p>
      ) : (
        <>
          <p class="form-hint">
            Every time your therapist opens what you share, or the answers you gave when booking a session, it is recorded
            here, newest first.
          </p>
          <ul class="sharing-looks-list">
            {reads.value.reads.map((read) => (
              <li key={read.id}>
                <strong>{read.practitioner.name ?? 'A therapist whose account has since closed'}</strong> looked on{' '}
                {whenWords(read.at, timeZone)} and saw:{' '}
                {read.action === 'intake.read' ? bookingAnswersWords : detailWords(read.detail)}.
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
