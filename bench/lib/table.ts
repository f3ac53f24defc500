/** One line of the results table. */
export interface Row {
  section: string;
  figure: string;
  value: string;
  target: string;
  /** null: reported without a target. */
  met: boolean | null;
  /** How far from the target, when not met. */
  miss?: string;
}

export function status(row: Row): string {
  if (row.met === null) return '';
  return row.met ? 'met' : `NOT MET${row.miss ? ` (${row.miss})` : ''}`;
}

/** The table as plain text for the terminal. */
export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((row) => [row.section, row.figure, row.value, row.target, status(row)]);
  const header = ['#', 'figure', 'value', 'target', 'status'];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const render = (line: string[]): string => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [render(header), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.map(render)].join('\n');
}

/** The same table in Markdown (for docs/benchmarks.md). */
export function markdownTable(rows: readonly Row[]): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const lines = rows.map((row) => `| ${[row.section, row.figure, row.value, row.target, status(row)].map(escape).join(' | ')} |`);
  return ['| # | figure | value | target | status |', '|---|---|---|---|---|', ...lines].join('\n');
}

/** "over by 32 %" style distance from a bound. */
export function overBy(value: number, limit: number): string {
  return `${((value / limit - 1) * 100).toFixed(0)} % over`;
}

export function underBy(value: number, floor: number): string {
  return `${((1 - value / floor) * 100).toFixed(0)} % short`;
}
