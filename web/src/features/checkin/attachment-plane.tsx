// The attachment plane, hand-drawn in SVG: worry about closeness (anxiety) up the side, keeping
// your distance (avoidance) along the bottom, split at the scale's midpoint into four areas with
// kind names. The chosen result is a large dot; earlier ones are small dots joined by arrows
// in the order they were taken. For screen readers the SVG is one image whose title and
// description say all of that in words; the results table beside it holds the numbers.
//
// The four areas share two neutral shades, in a checkerboard, so that no area looks like the
// "good" one. Colours come from classes in checkin.css (no style attributes: the CSP forbids them).
import { useId } from 'preact/hooks';
import type { Checkin, Region, Scale } from '../../api/checkins';
import { regionLabel, regionWords } from './region-words';
import { formatDate } from './sign-words';

interface AttachmentPlaneProps {
  /** Results to draw, oldest first; the last is the one emphasised. */
  points: Checkin[];
  scale: Pick<Scale, 'min' | 'max'>;
  timeZone?: string;
  /** The image's name; the learner's own results unless said (the console names the client's). */
  title?: string;
}

const left = 60;
const top = 12;
const size = 288;
const right = left + size;
const bottom = top + size;

export function formatScore(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(1);
}

export function AttachmentPlane({ points, scale, timeZone, title = 'Your results on the attachment plane' }: AttachmentPlaneProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const arrowId = `${id}-arrow`;
  const span = scale.max - scale.min || 1;
  const mid = (scale.min + scale.max) / 2;
  const clamp = (v: number) => Math.min(scale.max, Math.max(scale.min, v));
  const x = (avoidance: number) => left + ((clamp(avoidance) - scale.min) / span) * size;
  const y = (anxiety: number) => bottom - ((clamp(anxiety) - scale.min) / span) * size;

  const drawn = points.filter((p) => isNumber(p.scores.anxiety) && isNumber(p.scores.avoidance));
  const coords = drawn.map((p) => ({ x: x(p.scores.avoidance!), y: y(p.scores.anxiety!) }));
  const current = coords[coords.length - 1];
  const midX = x(mid);
  const midY = y(mid);

  return (
    <svg
      class="plane"
      viewBox="0 0 360 360"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      focusable="false"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{describe(drawn, scale, timeZone)}</desc>
      <defs>
        <marker id={arrowId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0 10 5 0 10z" class="plane-arrow" />
        </marker>
      </defs>

      <g aria-hidden="true">
        <rect class="plane-area plane-area-a" x={left} y={top} width={midX - left} height={midY - top} />
        <rect class="plane-area plane-area-b" x={midX} y={top} width={right - midX} height={midY - top} />
        <rect class="plane-area plane-area-b" x={left} y={midY} width={midX - left} height={bottom - midY} />
        <rect class="plane-area plane-area-a" x={midX} y={midY} width={right - midX} height={bottom - midY} />
        <line class="plane-mid" x1={midX} y1={top} x2={midX} y2={bottom} />
        <line class="plane-mid" x1={left} y1={midY} x2={right} y2={midY} />
        <rect class="plane-frame" x={left} y={top} width={size} height={size} />

        <AreaLabel region="anxious_preoccupied" x={left + 8} y={top + 20} anchor="start" />
        <AreaLabel region="fearful" x={right - 8} y={top + 20} anchor="end" />
        <AreaLabel region="secure" x={left + 8} y={bottom - 36} anchor="start" />
        <AreaLabel region="avoidant_dismissing" x={right - 8} y={bottom - 36} anchor="end" />

        {[scale.min, mid, scale.max].map((v) => (
          <g key={`t${v}`}>
            <text class="plane-tick" x={x(v)} y={bottom + 16} text-anchor="middle">
              {trim(v)}
            </text>
            <text class="plane-tick" x={left - 8} y={y(v) + 4} text-anchor="end">
              {trim(v)}
            </text>
          </g>
        ))}
        <text class="plane-axis" x={left + size / 2} y={bottom + 40} text-anchor="middle">
          Keeping your distance (avoidance) →
        </text>
        <text
          class="plane-axis"
          x={0}
          y={0}
          text-anchor="middle"
          transform={`translate(18 ${top + size / 2}) rotate(-90)`}
        >
          Worry about closeness (anxiety) →
        </text>

        {coords.slice(1).map((to, i) => {
          const from = coords[i]!;
          const end = shorten(from, to, i === coords.length - 2 ? 12 : 6);
          if (!end) return null;
          return (
            <line
              key={`s${i}`}
              class="plane-path"
              x1={from.x}
              y1={from.y}
              x2={end.x}
              y2={end.y}
              marker-end={`url(#${arrowId})`}
            />
          );
        })}
        {coords.slice(0, -1).map((p, i) => (
          <circle key={`p${i}`} class="plane-earlier" cx={p.x} cy={p.y} r={4.5} />
        ))}
        {current ? (
          <g>
            <circle class="plane-current-ring" cx={current.x} cy={current.y} r={11} />
            <circle class="plane-current" cx={current.x} cy={current.y} r={7} />
          </g>
        ) : null}
      </g>
    </svg>
  );
}

function AreaLabel({ region, x, y, anchor }: { region: Region; x: number; y: number; anchor: 'start' | 'end' }) {
  const words = regionWords[region];
  return (
    <text class="plane-label" x={x} y={y} text-anchor={anchor}>
      <tspan class="plane-label-name">{words.name}</tspan>
      {words.gistLines.map((line) => (
        <tspan key={line} class="plane-label-gist" x={x} dy={14}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The end of a segment pulled back by `gap`, so its arrowhead stops short of the dot. */
function shorten(from: { x: number; y: number }, to: { x: number; y: number }, gap: number) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length <= gap + 2) return undefined;
  const keep = (length - gap) / length;
  return { x: from.x + dx * keep, y: from.y + dy * keep };
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function trim(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The whole picture in words, for the SVG's <desc>. */
export function describe(points: Checkin[], scale: Pick<Scale, 'min' | 'max'>, timeZone?: string): string {
  const mid = trim((scale.min + scale.max) / 2);
  const frame =
    `Worry about closeness runs from ${scale.min} at the bottom to ${scale.max} at the top; keeping your distance ` +
    `runs from ${scale.min} on the left to ${scale.max} on the right. Lines at ${mid} divide four areas: ` +
    `secure at the bottom left, anxious at the top left, avoidant at the bottom right and fearful at the top right.`;
  const current = points[points.length - 1];
  if (!current) return `${frame} There are no results to show yet.`;
  const at = (p: Checkin) =>
    `${formatDate(p.taken_at, timeZone)}: worry ${formatScore(p.scores.anxiety)}, distance ${formatScore(p.scores.avoidance)}`;
  let text = `${frame} This result, ${at(current)}, is in the area called ${regionLabel(current.region)}.`;
  const earlier = points.slice(0, -1);
  if (earlier.length === 1) text += ` One earlier result is joined to it by an arrow: ${at(earlier[0]!)}.`;
  else if (earlier.length > 1)
    text += ` ${earlier.length} earlier results are joined by arrows in the order they were taken, oldest first: ${earlier.map(at).join('; ')}.`;
  return text;
}
