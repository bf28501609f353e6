// What every reader returns: the file's rows as strings (io/table.ts's Table) plus what the reader
// learnt on the way, and the one way cell values of any type become text.
//
// Rules:
// - Values become text the way a spreadsheet shows them: numbers at 15 significant digits (so a
//   stored 106.71234000000001 reads 106.71234), dates as yyyy-mm-dd, nothing as ''.
// - A row the reader could not make whole (a polygon feature where points are expected) is kept,
//   with a problem in rowProblems: it is rejected later, never dropped.
import type { Table } from '../io/table';
import type { CsvRows } from './csvRows';
import type { Problem } from './problems';

export type FileFormat = 'csv' | 'xlsx' | 'geojson' | 'kml' | 'shapefile';

export interface ImportedTable extends Table {
  format: FileFormat;
  /** Text encoding found, for text files and Shapefile attribute tables. */
  encoding?: string;
  /** The coordinate system's name from a Shapefile's .prj, when there is one. */
  crs?: string;
  /** Problems the reader found in rows; each names a row number present in rowNumbers. */
  rowProblems: Problem[];
  /**
   * CSV read on the fast path: the rows as places in the text. `rows` is then built only when first
   * used; whatever reads many rows reads them here instead (tableRow, rowCells.ts).
   */
  csv?: CsvRows;
}

/** Row `i` of a table, made from the text when the table keeps its rows there. */
export const tableRow = (table: ImportedTable, i: number): string[] =>
  table.csv ? table.csv.cells(i) : table.rows[i];

/** Cell `c` of row `i` ('' past the row's end), alone made from the text when the table keeps its rows there. */
export const tableCell = (table: Pick<ImportedTable, 'rows' | 'csv'>, i: number, c: number): string =>
  table.csv ? table.csv.cell(i, c) : (table.rows[i][c] ?? '');

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  // Integers keep every digit: 12-digit village codes stored as numbers must survive intact.
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  return String(Number(value.toPrecision(15)));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date as yyyy-mm-dd, read in UTC (spreadsheet dates carry no zone) or local time (DBF dates). */
export function formatDate(date: Date, zone: 'utc' | 'local'): string {
  if (Number.isNaN(date.getTime())) return '';
  return zone === 'utc'
    ? `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
    : `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function cellText(value: unknown, dateZone: 'utc' | 'local' = 'utc'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return formatDate(value, dateZone);
  return JSON.stringify(value);
}
