// Any table as the CSV and XLSX files the app exports: notes (each layer's data source, the
// sample-data warning) first, a blank line, then the header and rows. CSV cells go through csvCell
// (RFC 4180, formula-safe); XLSX text is written as string cells, so no text ever becomes a formula,
// and only the columns the table declares as numbers are written as number cells.
import { csvCell } from '../io/csv';

export interface RowTable {
  header: string[];
  rows: string[][];
  /**
   * Per column, the Excel number format of a column of numbers ('' for the spreadsheet's own): its
   * cells are then number cells, an empty cell stays empty. null for text; without it all is text.
   */
  numberFormats?: readonly (string | null)[];
}

/** The cell shapes write-excel-file takes: text never becomes a formula, numbers stay numbers. */
export type XlsxCell =
  | { value: string; type: StringConstructor; fontWeight?: 'bold' }
  | { value: number; type: NumberConstructor; format?: string }
  | null;
/** A cell of a table that is all text. */
export type TextCell = Extract<XlsxCell, { type: StringConstructor }> | null;

export function tableToCsv({ header, rows }: RowTable, options: { byteOrderMark?: boolean } = {}): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return (options.byteOrderMark ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

/** CSV with a BOM (Excel in China then reads the Chinese). */
export function textTableCsv(table: RowTable, notes: readonly string[] = []): string {
  const noteLines = notes.length > 0 ? notes.map(csvCell).join('\r\n') + '\r\n\r\n' : '';
  return '\uFEFF' + noteLines + tableToCsv(table);
}

/** The rows write-excel-file takes: notes, a blank row, a bold header, then the cells ('' → empty). */
export function textTableXlsx(table: RowTable, notes: readonly string[] = []): XlsxCell[][] {
  const formats = table.numberFormats ?? [];
  const cell = (value: string, column: number): XlsxCell => {
    if (value === '') return null;
    const format = formats[column];
    const number = typeof format === 'string' ? Number(value) : NaN;
    if (!Number.isFinite(number)) return { value, type: String };
    return format ? { value: number, type: Number, format } : { value: number, type: Number };
  };
  const sheet: XlsxCell[][] = notes.map((note) => [cell(note, -1)]);
  if (notes.length > 0) sheet.push([]);
  sheet.push(table.header.map((value) => ({ value, type: String, fontWeight: 'bold' })));
  for (const row of table.rows) sheet.push(row.map(cell));
  return sheet;
}
