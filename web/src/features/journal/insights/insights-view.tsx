// The insights once there are enough trigger logs: week by week (stacked by state), the signs,
// the urges, what seemed to help and the time of day. Each is a section with a heading, one
// sentence in plain words worked out from the numbers, a small chart and the same numbers in a
// hidden table. Every number is the server's; nothing here decides what is true.
import type { JournalInsights } from '../../../api/journal';
import { dayPartName, helpedName, signName, urgeName } from '../journal-words';
import { BarList, shares, type BarRow } from './bar-list';
import { HiddenTable } from './hidden-table';
import {
  helpedRowWords,
  helpedSentence,
  points,
  readableCount,
  signsSentence,
  timeSentence,
  urgesSentence,
} from './insight-words';
import { StateWeeksChart } from './state-weeks-chart';

export const chartLabels = {
  signs: 'Bar chart: the signs you noted in your trigger logs, most often first',
  urges: 'Bar chart: the urges you noted, most often first',
  helped: 'Bar chart: what seemed to help, by the average drop in the intensity you rated',
  time: 'Bar chart: your trigger logs by time of day',
};

function logs(count: number): string {
  return count === 1 ? '1 log' : `${count} logs`;
}

export function InsightsView({ insights }: { insights: JournalInsights }) {
  return (
    <div class="insights">
      <section aria-labelledby="insights-weeks">
        <h2 id="insights-weeks">Week by week</h2>
        <StateWeeksChart weeks={insights.weeks} />
      </section>
      <section aria-labelledby="insights-signs">
        <h2 id="insights-signs">Signs that came up</h2>
        <CountChart
          sentence={signsSentence(insights)}
          label={chartLabels.signs}
          caption="How many trigger logs named each sign"
          head={['Sign', 'Trigger logs']}
          items={insights.signs.map((s) => ({ key: s.sign, name: signName(s.sign), count: s.count }))}
        />
      </section>
      <section aria-labelledby="insights-urges">
        <h2 id="insights-urges">Urges you noted</h2>
        <CountChart
          sentence={urgesSentence(insights)}
          label={chartLabels.urges}
          caption="How many trigger logs noted each urge"
          head={['Urge', 'Trigger logs']}
          items={insights.urges.map((u) => ({ key: u.urge, name: urgeName(u.urge), count: u.count }))}
        />
      </section>
      <section aria-labelledby="insights-helped">
        <h2 id="insights-helped">What seemed to help</h2>
        <HelpedChart insights={insights} />
      </section>
      <section aria-labelledby="insights-time">
        <h2 id="insights-time">Time of day</h2>
        <CountChart
          sentence={timeSentence(insights)}
          label={chartLabels.time}
          caption="How many trigger logs fell in each part of the day"
          head={['Part of the day', 'Trigger logs']}
          items={insights.time_of_day.map((p) => ({ key: p.part, name: dayPartName(p.part), count: p.count }))}
          // The parts of the day keep their order; a zero is worth showing there.
          keepEmpty
        />
      </section>
      <p class="insights-note form-muted">
        These patterns come only from what you wrote, over {logs(readableCount(insights))}. They can’t say why
        something happened; they may give you and your therapist something to wonder about together.
      </p>
    </div>
  );
}

interface CountChartProps {
  sentence: string;
  label: string;
  caption: string;
  head: string[];
  items: { key: string; name: string; count: number }[];
  keepEmpty?: boolean;
}

function CountChart({ sentence, label, caption, head, items, keepEmpty = false }: CountChartProps) {
  const shown = keepEmpty ? items : items.filter((item) => item.count > 0);
  const lengths = shares(shown.map((item) => item.count));
  const rows: BarRow[] = shown.map((item, i) => ({
    key: item.key,
    name: item.name,
    value: logs(item.count),
    share: lengths[i]!,
  }));
  return (
    <figure class="insight-figure">
      <figcaption class="insight-sentence">{sentence}</figcaption>
      {rows.length > 0 ? (
        <>
          <BarList label={label} rows={rows} />
          <HiddenTable
            caption={caption}
            head={head}
            rows={shown.map((item) => ({ key: item.key, cells: [item.name, item.count] }))}
          />
        </>
      ) : null}
    </figure>
  );
}

function HelpedChart({ insights }: { insights: JournalInsights }) {
  const items = insights.helped;
  const drops = items.map((item) => (item.mean_drop !== null && item.mean_drop > 0 ? item.mean_drop : 0));
  const lengths = shares(drops);
  const rows: BarRow[] = items.map((item, i) => ({
    key: item.helped,
    name: helpedName(item.helped),
    value: helpedRowWords(item),
    share: item.mean_drop === null ? null : lengths[i]!,
  }));
  return (
    <figure class="insight-figure">
      <figcaption class="insight-sentence">{helpedSentence(insights)}</figcaption>
      {rows.length > 0 ? (
        <>
          <BarList label={chartLabels.helped} rows={rows} />
          <HiddenTable
            caption="What seemed to help: the logs naming each, the logs rated before and after, and the average drop in intensity"
            head={['What helped', 'Trigger logs', 'Rated before and after', 'Average drop, out of 10']}
            rows={items.map((item) => ({
              key: item.helped,
              cells: [
                helpedName(item.helped),
                item.count,
                item.rated,
                item.mean_drop === null ? 'Not enough ratings yet' : points(item.mean_drop),
              ],
            }))}
          />
        </>
      ) : null}
    </figure>
  );
}
