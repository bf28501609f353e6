// Any table of text as the CSV and XLSX files the app exports: notes (such as the sample-data
// warning) first, a blank line, then the header and rows. Every XLSX cell is a string cell, so no
// text ever becomes a formula; CSV cells go through csvCell (RFC 4180, formula-safe).
import { tableToCsv, type RowTable } from './datasetTable';
import { csvCell } from '../io/csv';

export type TextCell = { value: string; type: StringConstructor; fontWeight?: 'bold' } | null;

/** CSV with a BOM (Excel in China then reads the Chinese). */
export function textTableCsv(table: RowTable, notes: readonly string[] = []): string {
  const noteLines = notes.length > 0 ? notes.map(csvCell).join('\r\n') + '\r\n\r\n' : '';
  return '\uFEFF' + noteLines + tableToCsv(table);
}

/** The rows write-excel-file takes: notes, a blank row, a bold header, then text cells ('' → empty). */
export function textTableXlsx(table: RowTable, notes: readonly string[] = []): TextCell[][] {
  const text = (value: string): TextCell => (value === '' ? null : { value, type: String });
  const sheet: TextCell[][] = notes.map((note) => [text(note)]);
  if (notes.length > 0) sheet.push([]);
  sheet.push(table.header.map((value) => ({ value, type: String, fontWeight: 'bold' })));
  for (const row of table.rows) sheet.push(row.map(text));
  return sheet;
}
