// Writes result rows as CSV (RFC 4180 quoting, UTF-8) or JSON (an array of objects).
import { csvCell } from '../core/io/csv';

export type Format = 'csv' | 'json';
type Value = string | number | boolean | null;

const csvValue = (value: Value) => csvCell(value === null ? '' : String(value));

export function formatRows(rows: Array<Record<string, Value>>, format: Format): string {
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    [
      columns.map(csvCell).join(','),
      ...rows.map((r) => columns.map((c) => csvValue(r[c] ?? null)).join(',')),
    ].join('\n') + '\n'
  );
}

/** Rounds for display without losing integers: densities to 4 decimals, metres to 0.1 m. */
export const round = (value: number | null, decimals: number) =>
  value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;
