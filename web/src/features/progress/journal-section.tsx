// The journal in numbers only: how many trigger logs, and over the weeks shown which signs and
// states they named, as the journal's own bar list with a sentence and a hidden table. Never a
// word the learner wrote. Below the insights' minimum, how many it takes, kindly.
import { signName } from '../checkin/sign-words';
import { BarList, shares } from '../journal/insights/bar-list';
import { ClippedTable } from './clipped-table';
import { logsWords, notYetWords } from '../journal/insights/insight-words';
import { stateName } from '../journal/journal-words';
import type { JournalPart } from './progress-data';
import { journalSummary } from './progress-model';

export function JournalSection({ part }: { part: JournalPart }) {
  const summary = journalSummary(part.insights);
  if (summary.allTime === 0) {
    return (
      <p>
        When you write trigger logs in your journal, how many and which signs they named will be counted here. Only the
        counts: what you write stays in your journal. <a class="progress-screen-only" href="/journal">Open your journal</a>
      </p>
    );
  }
  if (!summary.ready) {
    return (
      <p>
        {notYetWords(summary.allTime, summary.minimum)} <a class="progress-screen-only" href="/journal">Open your journal</a>
      </p>
    );
  }
  const span = `the last ${summary.weeks} weeks`;
  const signShares = shares(summary.signs.map((s) => s.count));
  return (
    <>
      <p>
        You have written {logsWords(summary.allTime)} in all, {summary.inWeeks} of them in {span}. Only counts are shown
        here; what you wrote stays in your journal.
      </p>
      <h3>Signs your trigger logs named, {span}</h3>
      {summary.signs.length === 0 ? (
        <p>None of the trigger logs in these weeks named a sign.</p>
      ) : (
        <>
          <BarList
            label={`Bar chart: the signs named in your trigger logs over ${span}, most often first`}
            rows={summary.signs.map((s, i) => ({
              key: s.id,
              name: signName(s.id),
              value: logsWords(s.count),
              share: signShares[i] ?? 0,
            }))}
          />
          <ClippedTable
            caption={`Trigger logs naming each sign, ${span}`}
            head={['Sign', 'Trigger logs']}
            rows={summary.signs.map((s) => ({ key: s.id, cells: [signName(s.id), s.count] }))}
          />
        </>
      )}
      {summary.states.length > 0 ? (
        <p>
          How you noted your state in them: {summary.states.map((s) => `${stateName(s.id).toLowerCase()} in ${s.count}`).join(', ')}.
        </p>
      ) : null}
      <p>
        <a class="progress-screen-only" href="/journal/insights">More patterns in your journal</a>
      </p>
    </>
  );
}
