// What a client shares with the practitioner, kind by kind, read-only: check-in results
// (client-checkins.tsx), the practice summary, course progress and the journal entries they
// chose, each under its own heading, and "Not shared" for the rest. Numbers are the server's;
// words describe what the client recorded, never a diagnosis.
import type { ComponentChildren } from 'preact';
import type { SharedData } from '../../api/console-clients';
import type { PracticeStatsReport } from '../../api/practice-sessions';
import type { CourseSummary } from '../../api/course';
import { EntryDetails } from '../journal/entry-details';
import { whenWords } from '../journal/journal-format';
import { kindName } from '../journal/journal-words';
import { minutesWords, pointsNumber, ratedNeeded, timesWords } from '../practices/history-words';
import { PracticeTable } from '../progress/practice-section';
import { kindWords } from '../sharing/sharing-words';
import { ClientCheckins } from './client-checkins';

interface ClientSharedProps {
  shared: SharedData;
  name: string;
  zone: string;
}

export function ClientShared({ shared, name, zone }: ClientSharedProps) {
  return (
    <>
      <Kind id="shared-checkins" heading={kindWords.checkins.name} shared={shared.checkins !== null}>
        {shared.checkins ? <ClientCheckins checkins={shared.checkins.checkins} name={name} zone={zone} /> : null}
      </Kind>
      <Kind id="shared-practice" heading={kindWords.practice.name} shared={shared.practice !== null}>
        {shared.practice ? <Practice stats={shared.practice} name={name} /> : null}
      </Kind>
      <Kind id="shared-course" heading={kindWords.course.name} shared={shared.course !== null}>
        {shared.course ? <Course courses={shared.course.courses} /> : null}
      </Kind>
      <Kind id="shared-journal" heading={kindWords.journal_entries.name} shared={shared.journal_entries.length > 0}>
        <ol class="console-entries">
          {shared.journal_entries.map((entry) => (
            <li key={entry.id} class="console-card console-entry">
              <h4>
                {kindName(entry.kind)}, {whenWords(entry.occurred_at, zone)}
              </h4>
              <EntryDetails entry={entry} timeZone={zone} level={5} />
            </li>
          ))}
        </ol>
      </Kind>
    </>
  );
}

function Kind({ id, heading, shared, children }: { id: string; heading: string; shared: boolean; children: ComponentChildren }) {
  return (
    <section class="console-shared-kind" aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {shared ? children : <p class="console-not-shared">Not shared.</p>}
    </section>
  );
}

function Practice({ stats, name }: { stats: PracticeStatsReport; name: string }) {
  const { totals } = stats;
  if (totals.sessions === 0) return <p>{name} shares a practice summary, and has no practice recorded yet.</p>;
  const { n, mean_before: before, mean_after: after } = totals.distress;
  const weeks = stats.weeks.reduce((sum, w) => sum + w.minutes, 0);
  return (
    <>
      <p>
        {timesWords(totals.sessions)}, {minutesWords(totals.minutes)} in all;{' '}
        {minutesWords(weeks)} in the last {stats.weeks.length} weeks.
      </p>
      <p>
        {before === null || after === null
          ? `Average distress before and after shows once ${ratedNeeded} practices are rated both times (${n} so far).`
          : `Across ${n} practices rated before and after, distress was on average ${before} out of 10 before and ${after} after.`}
      </p>
      <PracticeTable
        practices={stats.practices}
        changeHeading="Distress, after minus before"
        change={(p) => changeFigure(p.distress.mean_change, p.distress.n)}
      />
    </>
  );
}

/** "−1.5 on average (4 rated)"; "Too few rated (2)". */
export function changeFigure(meanChange: number | null, rated: number): string {
  if (meanChange === null) return `Too few rated (${rated})`;
  const sign = meanChange < 0 ? '−' : meanChange > 0 ? '+' : '';
  return `${sign}${pointsNumber(meanChange)} on average (${rated} rated)`;
}

function Course({ courses }: { courses: CourseSummary[] }) {
  if (courses.length === 0) return <p>There is no course on this site yet.</p>;
  return (
    <ul class="console-courses">
      {courses.map((c) => (
        <li key={c.id}>
          <strong>{c.title}</strong>: {c.completed_count} of {c.lesson_count} {c.lesson_count === 1 ? 'lesson' : 'lessons'}{' '}
          completed
          {c.complete ? ' (all done)' : ''}.
        </li>
      ))}
    </ul>
  );
}
