// The journal's hidden table (numbers for screen readers) inside a clipping box. A table ignores
// the 1px width of .visually-hidden and grows to its content, and that invisible width still
// widens the page on a phone; a 1px positioned box with overflow hidden contains it.
import { HiddenTable } from '../journal/insights/hidden-table';

export function ClippedTable(props: Parameters<typeof HiddenTable>[0]) {
  return (
    <div class="visually-hidden">
      <HiddenTable {...props} />
    </div>
  );
}
