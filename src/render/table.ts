// One formatter, two shapes: a table for people on a TTY, tab-separated values when piped
// (no header, no colour, full values: what cut/awk/sort want). --json is handled by the caller.
import type { IO, Style } from '../io.js';

export interface Column<R> {
  header: string;
  value: (row: R) => string;
  /** Optional colouring for the TTY table only. */
  color?: (text: string, row: R, style: Style) => string;
  align?: 'left' | 'right';
}

export async function printTable<R>(io: IO, style: Style, columns: Array<Column<R>>, rows: R[]): Promise<void> {
  if (!io.stdoutIsTTY) {
    for (const row of rows) io.stdout.write(`${columns.map((c) => c.value(row).replace(/[\t\n]/g, ' ')).join('\t')}\n`);
    return;
  }
  const { default: Table } = await import('cli-table3');
  const table = new Table({
    head: columns.map((c) => style.bold(c.header)),
    colAligns: columns.map((c) => c.align ?? 'left'),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    wordWrap: true,
  });
  for (const row of rows) table.push(columns.map((c) => (c.color ? c.color(c.value(row), row, style) : c.value(row))));
  io.stdout.write(`${table.toString()}\n`);
}

export function printJson(io: IO, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
