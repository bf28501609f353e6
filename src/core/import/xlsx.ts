// An XLSX workbook's first sheet to a table, read by read-excel-file once the workbook has been
// checked against limits.ts: read-excel-file unpacks the whole archive into buffers of the sizes it
// declares, and pads every row to the widest and every gap between rows, so one cell at ZZ200000
// would become 140 million cells. What it would build is measured first.
//
// Rules:
// - The parts' declared sizes together stay under MAX_XLSX_UNPACKED_BYTES (fflate, inside
//   read-excel-file, allocates exactly those sizes, so they bound its memory).
// - The first sheet (the workbook's first <sheet>, as read-excel-file takes it) is unpacked here and
//   its cell references scanned: the rows and columns it spans must fit MAX_ROWS, MAX_COLUMNS and
//   MAX_SHEET_CELLS before read-excel-file starts.
// - A title line above the header (a merged "2024年5G基站清单" cell) is common: the header is the
//   first row with two or more filled cells, unless the whole sheet is one column wide.
import { readSheet } from 'read-excel-file/universal';
import { cellText, type ImportedTable } from './importedTable';
import {
  MAX_SHEET_CELLS,
  MAX_SIDECAR_BYTES,
  MAX_XLSX_UNPACKED_BYTES,
  megabytes,
  refuseLong,
  refuseWide,
} from './limits';
import { fail } from './problems';
import type { ZipEntry } from './unzip';

const text = async (entry: ZipEntry | undefined, limit = MAX_SIDECAR_BYTES * 10) =>
  entry ? new TextDecoder().decode(await entry.read(limit)) : '';

/** The first sheet's part, found through the workbook and its relationships; null when unclear. */
async function firstSheet(entries: ZipEntry[]): Promise<ZipEntry | null> {
  const byName = (name: string) => entries.find((e) => e.name === name);
  const workbook = await text(byName('xl/workbook.xml'));
  const sheetTag = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbook)?.[0];
  const id = sheetTag && /\s(?:\w+:)?id="([^"]+)"/.exec(sheetTag)?.[1];
  if (!id) return null;
  const relationships = await text(byName('xl/_rels/workbook.xml.rels'));
  for (const [tag] of relationships.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (/\sId="([^"]+)"/.exec(tag)?.[1] !== id) continue;
    const target = /\sTarget="([^"]+)"/.exec(tag)?.[1];
    if (!target) return null;
    return byName(target.startsWith('/') ? target.slice(1) : `xl/${target}`) ?? null;
  }
  return null;
}

/** The rows and columns a sheet's XML spans, as read-excel-file would lay its cells out. */
export function sheetExtent(xml: string): { rows: number; columns: number } {
  let rows = 0,
    columns = 0,
    row = 0,
    column = 0;
  for (const [, tag, attributes] of xml.matchAll(/<(?:\w+:)?(row|c)(\s[^>]*)?\/?>/g)) {
    const reference = attributes && /\sr="([A-Za-z]*)(\d*)"/.exec(attributes);
    if (tag === 'row') {
      row = reference?.[2] ? Number(reference[2]) : row + 1;
      column = 0;
    } else {
      const letters = reference?.[1]?.toUpperCase() ?? '';
      column = letters ? [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : column + 1;
      if (reference?.[2]) row = Math.max(row, Number(reference[2]));
    }
    rows = Math.max(rows, row);
    columns = Math.max(columns, column);
  }
  return { rows, columns };
}

export async function readXlsx(bytes: Uint8Array, file: string, entries: ZipEntry[]): Promise<ImportedTable> {
  const declared = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (declared > MAX_XLSX_UNPACKED_BYTES)
    fail(file, 'xlsx-too-large', {
      sizeMb: megabytes(declared),
      limitMb: megabytes(MAX_XLSX_UNPACKED_BYTES),
    });
  const sheets = await firstSheet(entries).then((sheet) =>
    sheet ? [sheet] : entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)),
  );
  for (const sheet of sheets) {
    const { rows, columns } = sheetExtent(await text(sheet, MAX_XLSX_UNPACKED_BYTES));
    refuseWide(file, columns);
    refuseLong(file, rows);
    if (rows * columns > MAX_SHEET_CELLS)
      fail(file, 'too-many-cells', { rows, columns, cells: rows * columns, limit: MAX_SHEET_CELLS });
  }
  let sheet: unknown[][];
  try {
    sheet = await readSheet(bytes.slice().buffer);
  } catch (e) {
    return fail(file, 'invalid-xlsx', { problem: 'damaged' }, (e as Error)?.message ?? String(e));
  }
  const texts = sheet.map((row) => row.map((value) => cellText(value, 'utc').trim()));
  const filled = (row: string[]) => row.reduce((n, cell) => n + (cell === '' ? 0 : 1), 0);
  const widest = texts.reduce((n, row) => Math.max(n, filled(row)), 0);
  const headerIndex = texts.findIndex((row) => filled(row) >= Math.min(2, widest) && filled(row) > 0);
  if (headerIndex === -1) fail(file, 'no-header');
  const header = texts[headerIndex];
  const rows: string[][] = [],
    rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < texts.length; i++) {
    if (filled(texts[i]) === 0) continue;
    rows.push(texts[i]);
    rowNumbers.push(i + 1);
  }
  return { header, rows, rowNumbers, format: 'xlsx', rowProblems: [] };
}
