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
// - Text is decoded by io/decode.ts (UTF-8 or GB18030, decided from the bytes, or as the caller
//   forces): a file mixing encodings fails ('mixed-encoding'); a row holding bytes the encoding
//   cannot read keeps a problem ('invalid-bytes'), and so fails validation, instead of being garbled
//   silently; a header with such bytes fails the file unless the encoding was forced.
// - JSON and XML nesting deeper than MAX_NESTING fails ('too-deeply-nested') before any parser runs.
import { readSheet } from 'read-excel-file/universal';
import {
  decodeText,
  encodingLabel,
  EncodingError,
  type DecodedText,
  type ForcedEncoding,
} from '../io/decode';
import { InputError, parseCsv } from '../io/table';
import { platformXmlParser, readGeoJson, readKml, type XmlParser } from './features';
import { cellText, type FileFormat, type ImportedTable } from './importedTable';
import { jsonTooDeep, MAX_NESTING, xmlTooDeep } from './nesting';
import { fail, type Problem } from './problems';
import { readZippedShapefile } from './shapefile';
import { isZip, listZip, MAX_UNZIPPED_BYTES } from './unzip';

export interface ReaderDependencies {
  /** XML parser for KML; defaults to the platform's DOMParser (absent in Node: pass @xmldom/xmldom's). */
  parseXml?: XmlParser;
  /** Share of a CSV file parsed so far (0–1); other formats are read in one step. */
  onProgress?: (fraction: number) => void;
  /** Text encoding chosen by the user, instead of detecting it (text formats only). */
  encoding?: ForcedEncoding;
}

const extensionOf = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** Old binary Excel and other OLE compound files start with these bytes. */
const isOleCompound = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/**
 * Text holds no NUL and hardly any control characters; binary files are full of them (random
 * bytes: about one in eight). A few are allowed, so a name with a stray escape stays readable.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, 65_536);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) controls++;
  }
  return controls > Math.max(8, length * 0.01);
}

function decode(name: string, bytes: Uint8Array, forced: ForcedEncoding | undefined): DecodedText {
  try {
    return decodeText(bytes, forced);
  } catch (e) {
    if (!(e instanceof EncodingError)) throw e;
    return fail(name, 'mixed-encoding', {
      utf8Lines: e.utf8Lines,
      otherLines: e.otherLines,
      firstLine: e.firstOtherLine,
    });
  }
}

/** Rows whose text holds bytes the encoding could not read (U+FFFD) get an 'invalid-bytes' problem. */
function withInvalidBytes(table: ImportedTable, decoded: DecodedText, forced: boolean, file: string) {
  if (decoded.invalidLines.length === 0) return table;
  const encoding = encodingLabel(decoded.encoding);
  if (!forced && table.header.some((h) => h.includes('\uFFFD')))
    fail(file, 'invalid-header-bytes', { encoding });
  const rowProblems: Problem[] = [...table.rowProblems];
  table.rows.forEach((row, i) => {
    const c = row.findIndex((cell) => cell.includes('\uFFFD'));
    if (c !== -1)
      rowProblems.push({
        code: 'invalid-bytes',
        row: table.rowNumbers[i],
        column: table.header[c],
        params: { value: row[c], encoding },
      });
  });
  return { ...table, rowProblems };
}

function refuseDeepNesting(name: string, format: 'JSON' | 'XML', line: number | null): void {
  if (line !== null) fail(name, 'too-deeply-nested', { format, limit: MAX_NESTING, line });
}

const looksLikeHtml = (start: string) =>
  /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(start) ||
  /<html[\s>][\s\S]*<(head|body)[\s>]/i.test(start.slice(0, 4096));

async function readXlsx(bytes: Uint8Array, file: string): Promise<ImportedTable> {
  let sheet: unknown[][];
  // The workbook is unpacked by read-excel-file: what the archive declares is all that can be checked first.
  const declared = zipHoldsWorkbook(bytes) ? listZip(bytes).reduce((n, e) => n + e.uncompressedSize, 0) : 0;
  if (declared > MAX_UNZIPPED_BYTES)
    fail(file, 'invalid-xlsx', {
      reason: `it unpacks to ${Math.round(declared / 1e6)} MB, over ${MAX_UNZIPPED_BYTES / 1e6} MB`,
    });
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
  return readUnzipped(name, bytes, deps, attempt);
}

/** Every format but the zipped ones: synchronous. */
function readUnzipped(
  name: string,
  bytes: Uint8Array,
  deps: ReaderDependencies,
  attempt: { format: string },
): ImportedTable {
  const extension = extensionOf(name);
  if (isOleCompound(bytes)) fail(name, 'unsupported-format', { format: extension === 'xls' ? 'xls' : 'ole' });
  if (['xls', 'xlsx', 'zip'].includes(extension))
    fail(name, extension === 'zip' ? 'invalid-zip' : 'invalid-xlsx', { reason: 'not a ZIP archive' });
  if (['shp', 'dbf', 'shx', 'kmz', 'gpkg', 'mdb', 'pdf', 'docx', 'doc'].includes(extension))
    fail(name, 'unsupported-format', { format: extension });

  if (looksBinary(bytes)) fail(name, 'binary-file');
  const decoded = decode(name, bytes, deps.encoding);
  const { text, encoding } = decoded;
  if (text.trim() === '') fail(name, 'empty-file');
  const start = text.slice(0, 4096).replace(/^\uFEFF/, '');
  if (looksLikeHtml(start)) fail(name, 'html-page');
  const first = start.trimStart()[0];
  let format: FileFormat;
  if (extension === 'geojson' || extension === 'json') format = 'geojson';
  else if (extension === 'kml') format = 'kml';
  else if (extension === 'csv' || extension === 'txt' || extension === 'tsv') format = 'csv';
  else format = first === '{' ? 'geojson' : first === '<' ? 'kml' : 'csv';
  attempt.format = format;
  let table: ImportedTable;
  if (format === 'geojson') {
    refuseDeepNesting(name, 'JSON', jsonTooDeep(text));
    table = { ...readGeoJson(text, name), encoding };
  } else if (format === 'kml') {
    refuseDeepNesting(name, 'XML', xmlTooDeep(text));
    table = { ...readKml(text, name, deps.parseXml ?? platformXmlParser()), encoding };
  } else table = { ...parseCsv(text, name, deps.onProgress), format: 'csv', encoding, rowProblems: [] };
  return withInvalidBytes(table, decoded, deps.encoding !== undefined, name);
}

/** Whatever a reader threw, as an InputError ('unreadable-file' when it was not one). */
function unreadable(name: string, attempt: { format: string }, e: unknown): never {
  if (e instanceof InputError) throw e;
  return fail(name, 'unreadable-file', {
    format: attempt.format,
    reason: (e as Error)?.message ?? String(e),
  });
}

function checked(name: string, table: ImportedTable): ImportedTable {
  if (table.header.every((h) => h.trim() === '')) fail(name, 'no-header');
  if (table.rows.length === 0) fail(name, 'no-rows');
  return table;
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
    return unreadable(name, attempt, e);
  }
  return checked(name, table);
}

/**
 * readFile without waiting, for the formats read in one step (CSV/TXT, GeoJSON, KML). A ZIP
 * (XLSX, zipped Shapefile) is unzipped asynchronously: it fails here, as 'unsupported-format'.
 */
export function readFileNow(name: string, bytes: Uint8Array, deps: ReaderDependencies = {}): ImportedTable {
  const attempt = { format: extensionOf(name) || 'unknown' };
  let table: ImportedTable;
  try {
    if (bytes.length === 0) fail(name, 'empty-file');
    if (isZip(bytes))
      fail(name, 'unsupported-format', { format: 'ZIP (XLSX, Shapefile) read synchronously' });
    table = readUnzipped(name, bytes, deps, attempt);
  } catch (e) {
    return unreadable(name, attempt, e);
  }
  return checked(name, table);
}
