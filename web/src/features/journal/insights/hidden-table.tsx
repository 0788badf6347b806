// The numbers behind a chart as a table only screen readers meet (the chart itself is one
// image to them): a caption, column headings, and each row named by its first cell.
export interface TableRow {
  key: string;
  cells: (string | number)[];
}

interface HiddenTableProps {
  caption: string;
  head: string[];
  rows: TableRow[];
}

export function HiddenTable({ caption, head, rows }: HiddenTableProps) {
  return (
    <table class="visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
