// Any file a user drops in, to a table of strings: CSV/TXT (UTF-8, UTF-8 with BOM or GBK; comma,
// semicolon or tab), XLSX (first sheet), GeoJSON, KML, zipped Shapefile. Pure: bytes in, table
// out, so it runs in the worker, the CLI and tests alike.
//
// Rules:
// - The content decides before the name does: a ZIP is an XLSX only if it holds a workbook, an
//   HTML page saved as .csv is reported as a web page, binary junk as binary.
// - Every failure is an InputError with a `code` from problems.ts; whatever a third-party parser
//   throws is wrapped as 'unreadable-file', so callers need to handle one error type only.
// - A file with a header and no data rows fails ('no-rows'): importing nothing is never a success.
import { readSheet } from 'read-excel-file/universal';
import { decodeText } from '../io/decode';
import { InputError, parseCsv } from '../io/table';
import { platformXmlParser, readGeoJson, readKml, type XmlParser } from './features';
import { cellText, type FileFormat, type ImportedTable } from './importedTable';
import { fail } from './problems';
import { readZippedShapefile } from './shapefile';
import { isZip, listZip } from './unzip';

export interface ReaderDependencies {
  /** XML parser for KML; defaults to the platform's DOMParser (absent in Node: pass @xmldom/xmldom's). */
  parseXml?: XmlParser;
  /** Share of a CSV file parsed so far (0–1); other formats are read in one step. */
  onProgress?: (fraction: number) => void;
}

const extensionOf = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** Old binary Excel and other OLE compound files start with these bytes. */
const isOleCompound = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/**
 * Text holds no NUL and hardly any control characters or undecodable bytes; binary files are full
 * of them (random bytes: about one in eight is a control character).
 */
function looksBinary(text: string): boolean {
  const length = Math.min(text.length, 65_536);
  let suspicious = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd || c === 0x7f) suspicious++;
  }
  return suspicious > Math.max(0, length * 0.01);
}

const looksLikeHtml = (start: string) =>
  /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(start) ||
  /<html[\s>][\s\S]*<(head|body)[\s>]/i.test(start.slice(0, 4096));

async function readXlsx(bytes: Uint8Array, file: string): Promise<ImportedTable> {
  let sheet: unknown[][];
  try {
    sheet = await readSheet(bytes.slice().buffer);
  } catch (e) {
    return fail(file, 'invalid-xlsx', { reason: (e as Error)?.message ?? String(e) });
  }
  const texts = sheet.map((row) => row.map((value) => cellText(value, 'utc').trim()));
  const filled = (row: string[]) => row.reduce((n, cell) => n + (cell === '' ? 0 : 1), 0);
  const widest = texts.reduce((n, row) => Math.max(n, filled(row)), 0);
  // A title line above the header (a merged "2024年5G基站清单" cell) is common: the header is the first
  // row with two or more filled cells, unless the whole sheet is one column wide.
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

function zipHoldsWorkbook(bytes: Uint8Array): boolean {
  try {
    return listZip(bytes).some((e) => e.name === 'xl/workbook.xml' || e.name === '[Content_Types].xml');
  } catch {
    return false;
  }
}

async function dispatch(
  name: string,
  bytes: Uint8Array,
  deps: ReaderDependencies,
  attempt: { format: string },
): Promise<ImportedTable> {
  const extension = extensionOf(name);
  if (bytes.length === 0) fail(name, 'empty-file');
  if (isZip(bytes)) {
    if (extension === 'xlsx' || zipHoldsWorkbook(bytes)) {
      attempt.format = 'xlsx';
      return readXlsx(bytes, name);
    }
    attempt.format = 'shapefile';
    return readZippedShapefile(bytes, name);
  }
  if (isOleCompound(bytes)) fail(name, 'unsupported-format', { format: extension === 'xls' ? 'xls' : 'ole' });
  if (['xls', 'xlsx', 'zip'].includes(extension))
    fail(name, extension === 'zip' ? 'invalid-zip' : 'invalid-xlsx', { reason: 'not a ZIP archive' });
  if (['shp', 'dbf', 'shx', 'kmz', 'gpkg', 'mdb', 'pdf', 'docx', 'doc'].includes(extension))
    fail(name, 'unsupported-format', { format: extension });

  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') fail(name, 'empty-file');
  if (looksBinary(text)) fail(name, 'binary-file');
  const start = text.slice(0, 4096).replace(/^\uFEFF/, '');
  if (looksLikeHtml(start)) fail(name, 'html-page');
  const first = start.trimStart()[0];
  let format: FileFormat;
  if (extension === 'geojson' || extension === 'json') format = 'geojson';
  else if (extension === 'kml') format = 'kml';
  else if (extension === 'csv' || extension === 'txt' || extension === 'tsv') format = 'csv';
  else format = first === '{' ? 'geojson' : first === '<' ? 'kml' : 'csv';
  attempt.format = format;
  if (format === 'geojson') return { ...readGeoJson(text, name), encoding };
  if (format === 'kml') return { ...readKml(text, name, deps.parseXml ?? platformXmlParser()), encoding };
  return { ...parseCsv(text, name, deps.onProgress), format: 'csv', encoding, rowProblems: [] };
}

/** Reads a file's bytes into a table. Rejects only with InputError (`code` says why). */
export async function readFile(
  name: string,
  bytes: Uint8Array,
  deps: ReaderDependencies = {},
): Promise<ImportedTable> {
  const attempt = { format: extensionOf(name) || 'unknown' };
  let table: ImportedTable;
  try {
    table = await dispatch(name, bytes, deps, attempt);
  } catch (e) {
    if (e instanceof InputError) throw e;
    return fail(name, 'unreadable-file', {
      format: attempt.format,
      reason: (e as Error)?.message ?? String(e),
    });
  }
  if (table.header.every((h) => h.trim() === '')) fail(name, 'no-header');
  if (table.rows.length === 0) fail(name, 'no-rows');
  return table;
}
