// What an imported file may hold, checked before (or while) the work is done, so that no file can
// exhaust memory or freeze the page: each limit refused with a problem naming the limit and the
// value seen (problems.ts), in the user's language.
//
// Rules:
// - The file's size, a ZIP's declared sizes and a DBF's declared record and field counts are checked
//   before anything is unpacked or parsed; inflated sizes again while inflating (a declared size can
//   lie); rows and columns while a CSV is parsed, so the parse stops at the first row past a limit.
// - A cell longer than MAX_CELL_CHARS is a row problem, not a file failure: the row is rejected, the
//   cell kept clipped to CLIPPED_CELL_CHARS, so the long text never reaches a preview, the page or
//   the rejected-rows download. A header cell that long fails the file (a column cannot be named so).
// - 512 MB of file keeps the decoded text under V8's longest string (2^29 − 24 characters).
import type { ImportedTable } from './importedTable';
import { fail, type Problem } from './problems';

export const MAX_FILE_BYTES = 512_000_000;
export const MAX_COLUMNS = 500;
export const MAX_ROWS = 2_000_000;
export const MAX_CELL_CHARS = 10_000;
/** What is kept of a cell over MAX_CELL_CHARS, ending in "…". */
export const CLIPPED_CELL_CHARS = 100;
/** Any one part of a ZIP (a zipped Shapefile's .shp or .dbf), unpacked. */
export const MAX_ZIP_ENTRY_BYTES = 512_000_000;
/** All the parts of a ZIP read for one import, together. */
export const MAX_ZIP_TOTAL_BYTES = 1_000_000_000;
/** An XLSX workbook's parts together, as the archive declares them (its reader trusts the declaration). */
export const MAX_XLSX_UNPACKED_BYTES = 200_000_000;
/** An XLSX sheet's rows × columns, every gap included (its reader builds them all). */
export const MAX_SHEET_CELLS = 20_000_000;
/** A .prj or .cpg: a line of text. */
export const MAX_SIDECAR_BYTES = 1_000_000;

/** Megabytes for messages: two significant digits under 10 MB (0.001 MB for 1,000 bytes), whole above. */
export const megabytes = (bytes: number) =>
  bytes >= 1e7 ? Math.round(bytes / 1e6) : Number((bytes / 1e6).toPrecision(2));

export const clipText = (text: string, chars: number) =>
  text.length > chars ? `${text.slice(0, chars - 1)}…` : text;

export function refuseLargeFile(file: string, bytes: number): void {
  if (bytes > MAX_FILE_BYTES)
    fail(file, 'file-too-large', { sizeMb: megabytes(bytes), limitMb: megabytes(MAX_FILE_BYTES) });
}

/** `row` is the user's row number of the first row found too wide, when it is not the header. */
export function refuseWide(file: string, columns: number, row?: number): void {
  if (columns > MAX_COLUMNS)
    fail(file, 'too-many-columns', { columns, limit: MAX_COLUMNS, ...(row === undefined ? {} : { row }) });
}

/** `estimated`: the count is an estimate (a CSV stops being parsed at the first row past the limit). */
export function refuseLong(file: string, rows: number, estimated = false): void {
  if (rows > MAX_ROWS) fail(file, 'too-many-rows', { rows, limit: MAX_ROWS, estimated: estimated ? 1 : 0 });
}

/**
 * Clips `row`'s cells over MAX_CELL_CHARS in place, each with a 'cell-too-long' problem; fails the
 * file when the row has more cells than MAX_COLUMNS.
 */
export function boundRow(
  file: string,
  row: string[],
  rowNumber: number,
  header: readonly string[],
  problems: Problem[],
): void {
  refuseWide(file, row.length, rowNumber);
  for (let c = 0; c < row.length; c++) {
    const length = row[c].length;
    if (length <= MAX_CELL_CHARS) continue;
    row[c] = clipText(row[c], CLIPPED_CELL_CHARS);
    problems.push({
      code: 'cell-too-long',
      row: rowNumber,
      column: header[c] ?? `${c + 1}`,
      params: { length, limit: MAX_CELL_CHARS },
    });
  }
}

/** Fails the file for a header wider than MAX_COLUMNS or a column name over MAX_CELL_CHARS. */
export function boundHeader(file: string, header: readonly string[]): void {
  refuseWide(file, header.length);
  const long = header.findIndex((name) => name.length > MAX_CELL_CHARS);
  if (long !== -1)
    fail(file, 'header-too-long', { column: long + 1, length: header[long].length, limit: MAX_CELL_CHARS });
}

/** The table within every limit: see boundHeader, boundRow and refuseLong. */
export function boundTable(table: ImportedTable, file: string): ImportedTable {
  boundHeader(file, table.header);
  refuseLong(file, table.rows.length);
  const problems: Problem[] = [];
  table.rows.forEach((row, i) => boundRow(file, row, table.rowNumbers[i], table.header, problems));
  return problems.length === 0 ? table : { ...table, rowProblems: [...table.rowProblems, ...problems] };
}
