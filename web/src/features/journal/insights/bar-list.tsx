// A sorted list of horizontal bars: each row's name and value in words, with the bar beneath as
// a picture of the same number. The whole list is one image to assistive technology (role img,
// named by `label`); the figure around it gives the sentence and the table gives the numbers.
// Length and the words carry the meaning, never colour. Bars are SVG rects sized by attribute
// (the CSP allows no style attributes); they stretch with the screen, down to a 320 px phone.

export interface BarRow {
  key: string;
  name: string;
  /** The value in words, shown beside the name ("9 logs"). */
  value: string;
  /** The bar's length, 0–1; null draws no bar (nothing to measure yet). */
  share: number | null;
}

interface BarListProps {
  label: string;
  rows: BarRow[];
}

export function BarList({ label, rows }: BarListProps) {
  return (
    <div class="insight-bars" role="img" aria-label={label}>
      {rows.map((row) => (
        <div key={row.key} class="insight-bar">
          <div class="insight-bar-text">
            <span class="insight-bar-name">{row.name}</span>
            <span class="insight-bar-value">{row.value}</span>
          </div>
          <svg class="insight-bar-graphic" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="insight-bar-track" x="0" y="0" width="100" height="8" rx="4" />
            {row.share !== null && row.share > 0 ? (
              <rect class="insight-bar-fill" x="0" y="0" width={Math.max(row.share * 100, 3)} height="8" rx="4" />
            ) : null}
          </svg>
        </div>
      ))}
    </div>
  );
}

/** Each count as a share of the largest (at least `floor`, so one small count is not a full bar). */
export function shares(counts: number[], floor = 1): number[] {
  const most = Math.max(floor, ...counts);
  return counts.map((count) => Math.max(0, count) / most);
}
