// The eight signs over time: the first eight-signs result beside the latest. Before any result,
// a few words on how this will fill; with one, that one on its own.
import type { CheckinPart } from './progress-data';
import { signsOverTime } from './progress-model';
import { SignsCompare } from './signs-compare';

export function SignsSection({ part, timeZone }: { part: CheckinPart; timeZone: string }) {
  const compare = signsOverTime(part.signs);
  if (!compare) {
    return (
      <p>
        When you answer the questions on the past two weeks, how often each of the eight signs showed up will appear
        here, and later check-ins will show how that changes. <a class="progress-screen-only" href="/check-in">About the check-in</a>
      </p>
    );
  }
  const count = part.signs.length;
  return (
    <>
      <p>
        {count === 1
          ? 'One check-in so far. After the next one, the first and the latest will sit side by side here.'
          : `Your first and your latest of ${count} check-ins on the eight signs, side by side.`}{' '}
        Each shows how often a sign came up in the two weeks before it.
      </p>
      <SignsCompare compare={compare} scale={part.signsScale} timeZone={timeZone} />
    </>
  );
}
