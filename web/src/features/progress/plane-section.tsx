// Where the learner's check-ins fall on the attachment plane over time: the check-in's own plane
// with every result joined in order (the latest emphasised) and its own table of the same
// numbers. Before the first result, a few words on how this will fill.
import { AttachmentPlane } from '../checkin/attachment-plane';
import { regionWords } from '../checkin/region-words';
import { ResultsTable } from '../checkin/results-table';
import { formatDate } from '../checkin/sign-words';
import type { CheckinPart } from './progress-data';

export function PlaneSection({ part, timeZone }: { part: CheckinPart; timeZone: string }) {
  const results = part.attachment;
  const latest = results[results.length - 1];
  if (!latest) {
    return (
      <p>
        After your first check-in on closeness and distance, the place your answers fall will show here, and each
        check-in after that adds a step to the path. <a class="progress-screen-only" href="/check-in">About the check-in</a>
      </p>
    );
  }
  const first = results[0]!;
  const words = latest.region ? regionWords[latest.region] : undefined;
  return (
    <>
      <p>
        {spanWords(results.length, formatDate(first.taken_at, timeZone), formatDate(latest.taken_at, timeZone))}{' '}
        {words ? `The latest leans towards the area called ${words.name}, ${words.gist}.` : ''}
      </p>
      <p class="form-muted">
        These describe tendencies that can shift, not a diagnosis. Small moves up and down are normal; a steady direction
        over several check-ins says more.
      </p>
      <figure class="checkin-figure progress-plane">
        <AttachmentPlane points={results} scale={part.attachmentScale} timeZone={timeZone} />
        <figcaption class="checkin-legend">
          <span class="checkin-legend-current" aria-hidden="true" /> The large dot is your latest result.
          {results.length > 1 ? (
            <>
              {' '}
              <span class="checkin-legend-earlier" aria-hidden="true" /> Small dots are earlier results, joined by
              arrows in the order you took them.
            </>
          ) : null}
        </figcaption>
      </figure>
      <ResultsTable checkins={[...results].reverse()} currentId={latest.id} timeZone={timeZone} />
    </>
  );
}

/** "One check-in so far, on 3 March 2026."; "4 check-ins, from 3 March 2026 to 2 June 2026." */
export function spanWords(count: number, firstDate: string, latestDate: string): string {
  if (count === 1) return `One check-in so far, on ${latestDate}.`;
  if (firstDate === latestDate) return `${count} check-ins, all on ${latestDate}.`;
  return `${count} check-ins, from ${firstDate} to ${latestDate}.`;
}
