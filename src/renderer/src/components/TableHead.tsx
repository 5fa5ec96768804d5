/**
 * A table's row of column headings. The columns from `numbersFrom` on (up to `numbersTo`, when a
 * column of buttons follows them) hold counts and amounts and are right-aligned (`num`) like
 * their cells. The report-like tables (a report, its split
 * by person, a shift's takings, the sale limits) all head their columns this way.
 */
export function TableHead({
  columns,
  numbersFrom = columns.length,
  numbersTo = columns.length,
}: {
  columns: readonly string[];
  numbersFrom?: number;
  numbersTo?: number;
}) {
  return (
    <thead>
      <tr>
        {columns.map((label, index) => (
          <th
            key={index}
            scope="col"
            className={index >= numbersFrom && index < numbersTo ? 'num' : undefined}
          >
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
