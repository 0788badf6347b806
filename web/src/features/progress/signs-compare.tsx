// The eight signs, first result against latest: each sign's name, then a row for each result
// with its date and its frequency in words and numbers ("Often, 3 of 4"), and a bar for the eye
// (the first drawn hollow, the latest filled, so colour is never the only difference). To
// assistive technology the chart is one image named by a sentence worked out from the numbers;
// a hidden table holds them all. Bars are SVG rects sized by attribute (the CSP allows no style
// attributes).
import type { Scale } from '../../api/checkins';
import { frequencyWords } from '../checkin/sign-bars';
import { formatDate, signName } from '../checkin/sign-words';
import { ClippedTable } from './clipped-table';
import type { SignsOverTime } from './progress-model';

type SignScale = Pick<Scale, 'min' | 'max' | 'labels'>;

interface SignsCompareProps {
  compare: SignsOverTime;
  scale: SignScale;
  timeZone: string;
  /** Whose check-ins, in the chart's sentence: "your" (the learner's own) unless said. */
  whose?: string;
}

export function SignsCompare({ compare, scale, timeZone, whose = 'your' }: SignsCompareProps) {
  const single = compare.first.id === compare.latest.id;
  const firstDate = formatDate(compare.first.taken_at, timeZone);
  const latestDate = formatDate(compare.latest.taken_at, timeZone);
  return (
    <figure class="progress-signs">
      <div class="progress-signs-chart" role="img" aria-label={signsSentence(compare, scale, timeZone, whose)}>
        {compare.rows.map((row) => (
          <div key={row.id} class="progress-sign">
            <p class="progress-sign-name">{signName(row.id)}</p>
            {single ? null : <Bar kind="first" label={`First, ${firstDate}`} score={row.first} scale={scale} />}
            <Bar kind="latest" label={single ? latestDate : `Latest, ${latestDate}`} score={row.latest} scale={scale} />
          </div>
        ))}
      </div>
      <ClippedTable
        caption={single ? `How often each sign showed up, ${latestDate}` : 'How often each sign showed up, first and latest'}
        head={single ? ['Sign', latestDate] : ['Sign', `First, ${firstDate}`, `Latest, ${latestDate}`]}
        rows={compare.rows.map((row) => ({
          key: row.id,
          cells: single
            ? [signName(row.id), scoreWords(row.latest, scale)]
            : [signName(row.id), scoreWords(row.first, scale), scoreWords(row.latest, scale)],
        }))}
      />
    </figure>
  );
}

function Bar({ kind, label, score, scale }: { kind: 'first' | 'latest'; label: string; score: number | null; scale: SignScale }) {
  const share = score === null ? 0 : Math.min(1, Math.max(0, (score - scale.min) / (scale.max - scale.min || 1)));
  return (
    <div class={`progress-sign-row progress-sign-${kind}`}>
      <span class="progress-sign-when">{label}</span>
      <span class="progress-sign-value">{scoreWords(score, scale)}</span>
      <svg class="progress-sign-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect class="progress-sign-track" x="0.5" y="0.5" width="99" height="7" rx="3.5" />
        {share > 0 ? <rect class="progress-sign-fill" x="0.5" y="0.5" width={Math.max(share * 99, 4)} height="7" rx="3.5" /> : null}
      </svg>
    </div>
  );
}

/** "Often, 3 of 4"; "—" when the sign was not in that result. */
export function scoreWords(score: number | null, scale: SignScale): string {
  if (score === null) return '—';
  const words = frequencyWords(score, scale);
  const number = Number.isInteger(score) ? String(score) : score.toFixed(1);
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}, ${number} of ${scale.max}` : `${number} of ${scale.max}`;
}

/** The chart in one sentence: which signs came up less, more or the same since the first result. */
export function signsSentence(compare: SignsOverTime, scale: SignScale, timeZone: string, whose = 'your'): string {
  const latestDate = formatDate(compare.latest.taken_at, timeZone);
  if (compare.first.id === compare.latest.id) {
    return `How often each of the eight signs showed up in the two weeks before ${whose} check-in on ${latestDate}, from ${scale.min} (${scale.labels[0] ?? 'never'}) to ${scale.max}. The table below gives each one.`;
  }
  const lower: string[] = [];
  const higher: string[] = [];
  let same = 0;
  for (const row of compare.rows) {
    if (row.first === null || row.latest === null) continue;
    if (row.latest < row.first) lower.push(signName(row.id).toLowerCase());
    else if (row.latest > row.first) higher.push(signName(row.id).toLowerCase());
    else same += 1;
  }
  const Whose = `${whose.charAt(0).toUpperCase()}${whose.slice(1)}`;
  const parts = [`${Whose} first eight-signs check-in, on ${formatDate(compare.first.taken_at, timeZone)}, beside ${whose} latest, on ${latestDate}.`];
  if (lower.length > 0) parts.push(`Showing up less often now: ${lower.join('; ')}.`);
  if (higher.length > 0) parts.push(`Showing up more often now: ${higher.join('; ')}.`);
  if (same > 0) parts.push(same === 1 ? 'One sign is the same.' : `${same} signs are the same.`);
  return parts.join(' ');
}
