// Any file a user drops in, to a table of strings: CSV/TXT (UTF-8, UTF-8 with BOM or GBK; comma,
// semicolon or tab), XLSX (first sheet), GeoJSON, KML, zipped Shapefile. Pure: bytes in, table
// out, so it runs in the worker, the CLI and tests alike.
//
// Rules:
// - The content decides before the name does: a ZIP is an XLSX only if it holds a workbook, an
//   HTML page saved as .csv is reported as a web page, binary junk as binary.
// - Every failure is an InputError with a `code` from problems.ts; whatever a third-party parser
//   throws is wrapped as 'unreadable-file' (its words kept as detail for logs only), so callers
//   need to handle one error type only.
// - A file with a header and no data rows fails ('no-rows'): importing nothing is never a success.
// - Text is decoded by io/decode.ts (UTF-8 or GB18030, decided from the bytes, or as the caller
//   forces): a file mixing encodings fails ('mixed-encoding', with its first such line read both
//   ways, for the person to choose); a row holding bytes the encoding cannot read, or a NUL, keeps
//   a problem ('invalid-bytes'), and so fails validation, instead of being garbled silently; a
//   header with such bytes fails the file unless the encoding was forced. A few stray NULs do not
//   make a text file binary.
// - JSON and XML nesting deeper than MAX_NESTING fails ('too-deeply-nested') before any parser runs.
// - Every limit of limits.ts holds for every format: the file's size before anything else, an
//   XLSX's declared unpacked size before it is unpacked, rows, columns and cell lengths as the
//   table is built (CSV) or before it is returned (others).
import {
  decodeText,
  encodingLabel,
  EncodingError,
  lineInEachEncoding,
  type DecodedText,
  type ForcedEncoding,
} from '../io/decode';
import { InputError } from '../io/table';
import { readCsv } from './csvReader';
import { platformXmlParser, readGeoJson, readKml, type XmlParser } from './features';
import { tableRow, type FileFormat, type ImportedTable } from './importedTable';
import { boundTable, clipText, CLIPPED_CELL_CHARS, refuseLargeFile } from './limits';
import { jsonTooDeep, MAX_NESTING, xmlTooDeep } from './nesting';
import { fail, type Problem } from './problems';
import { failZip, readZippedShapefile } from './shapefile';
import { isZip, listZip, ZipError, type ZipEntry } from './unzip';
import { readXlsx } from './xlsx';

export interface ReaderDependencies {
  /** XML parser for KML; defaults to the platform's DOMParser (absent in Node: pass @xmldom/xmldom's). */
  parseXml?: XmlParser;
  /** Share of a CSV file parsed so far (0–1); other formats are read in one step. */
  onProgress?: (fraction: number) => void;
  /** Text encoding chosen by the user, instead of detecting it (text formats only). */
  encoding?: ForcedEncoding;
  /** CSV through Papa Parse alone, every cell made (the path before the fast one; tests and benchmarks). */
  generalCsv?: boolean;
}

const extensionOf = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** Old binary Excel and other OLE compound files start with these bytes. */
const isOleCompound = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/**
 * Text holds hardly any control characters; binary files are full of them (random bytes: about one
 * in eight). A few are allowed, a stray NUL included, so a name with a stray escape or a file with
 * a damaged byte stays readable and the damage is reported by row.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, 65_536);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) controls++;
  }
  return controls > Math.max(8, length * 0.01);
}

function decode(name: string, bytes: Uint8Array, forced: ForcedEncoding | undefined): DecodedText {
  try {
    return decodeText(bytes, forced);
  } catch (e) {
    if (!(e instanceof EncodingError)) throw e;
    const samples = lineInEachEncoding(bytes, e.firstOtherLine);
    return fail(name, 'mixed-encoding', {
      utf8Lines: e.utf8Lines,
      otherLines: e.otherLines,
      firstLine: e.firstOtherLine,
      sampleUtf8: samples['utf-8'],
      sampleGb18030: samples.gb18030,
    });
  }
}

const NUL = '\u0000';

/**
 * Rows whose text holds bytes the encoding could not read (U+FFFD) or a NUL get an
 * 'invalid-bytes' problem. A table read on the CSV fast path is searched in its text, so only the
 * rows holding such a character are made.
 */
function withInvalidBytes(table: ImportedTable, decoded: DecodedText, forced: boolean, file: string) {
  const hasNul = decoded.text.includes(NUL);
  if (decoded.invalidLines.length === 0 && !hasNul) return table;
  const encoding = encodingLabel(decoded.encoding);
  const bad = (cell: string) =>
    (decoded.invalidLines.length > 0 && cell.includes('\uFFFD')) || (hasNul && cell.includes(NUL));
  if (!forced && table.header.some(bad)) fail(file, 'invalid-header-bytes', { encoding });
  const problems: Problem[] = [];
  const indexes = table.csv
    ? table.csv.rowsHolding([
        ...(decoded.invalidLines.length > 0 ? ['\uFFFD'] : []),
        ...(hasNul ? [NUL] : []),
      ])
    : table.rows.keys();
  for (const i of indexes) {
    const row = tableRow(table, i);
    const c = row.findIndex(bad);
    if (c !== -1)
      problems.push({
        code: 'invalid-bytes',
        row: table.rowNumbers[i],
        column: table.header[c] ?? `${c + 1}`,
        params: {
          value: clipText(row[c].replaceAll(NUL, '\uFFFD'), CLIPPED_CELL_CHARS),
          encoding,
          ...(row[c].includes(NUL) ? { nul: 1 } : {}),
        },
      });
  }
  // The table was made here: it takes the problems itself (a copy would build a CSV table's rows).
  table.rowProblems = [...table.rowProblems, ...problems];
  return table;
}

function refuseDeepNesting(name: string, format: 'JSON' | 'XML', line: number | null): void {
  if (line !== null) fail(name, 'too-deeply-nested', { format, limit: MAX_NESTING, line });
}

const looksLikeHtml = (start: string) =>
  /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(start) ||
  /<html[\s>][\s\S]*<(head|body)[\s>]/i.test(start.slice(0, 4096));

/** The archive's parts, or null when the bytes are no ZIP this reader can list. */
function listParts(bytes: Uint8Array): ZipEntry[] | null {
  try {
    return listZip(bytes);
  } catch {
    return null;
  }
}

const holdsWorkbook = (entries: ZipEntry[] | null) =>
  entries?.some((e) => e.name === 'xl/workbook.xml' || e.name === '[Content_Types].xml') ?? false;

async function dispatch(
  name: string,
  bytes: Uint8Array,
  deps: ReaderDependencies,
  attempt: { format: string },
): Promise<ImportedTable> {
  const extension = extensionOf(name);
  if (bytes.length === 0) fail(name, 'empty-file');
  if (isZip(bytes)) {
    const parts = listParts(bytes);
    if (extension === 'xlsx' || holdsWorkbook(parts)) {
      attempt.format = 'xlsx';
      // read-excel-file would read an archive this reader cannot list (ZIP64): it is refused.
      if (!parts) fail(name, 'invalid-xlsx', { problem: 'damaged' }, 'the ZIP directory cannot be read');
      if (!holdsWorkbook(parts)) fail(name, 'invalid-xlsx', { problem: 'no-workbook' });
      return readXlsx(bytes, name, parts);
    }
    attempt.format = 'shapefile';
    return readZippedShapefile(bytes, name, deps.encoding);
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
  if (extension === 'zip') fail(name, 'invalid-zip', { problem: 'no-directory' });
  if (['xls', 'xlsx'].includes(extension)) fail(name, 'invalid-xlsx', { problem: 'not-zip' });
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
  } else {
    table = readCsv(text, name, { onProgress: deps.onProgress, general: deps.generalCsv });
    table.encoding = encoding;
  }
  return withInvalidBytes(table, decoded, deps.encoding !== undefined, name);
}

/** Whatever a reader threw, as an InputError ('unreadable-file' when it was not one). */
function unreadable(name: string, attempt: { format: string }, e: unknown): never {
  if (e instanceof InputError) throw e;
  if (e instanceof ZipError) failZip(name, e);
  return fail(name, 'unreadable-file', { format: attempt.format }, (e as Error)?.message ?? String(e));
}

function checked(name: string, table: ImportedTable): ImportedTable {
  if (table.header.every((h) => h.trim() === '')) fail(name, 'no-header');
  if (table.rowNumbers.length === 0) fail(name, 'no-rows');
  // The CSV reader holds its table to the limits as it reads.
  return table.format === 'csv' ? table : boundTable(table, name);
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
    refuseLargeFile(name, bytes.length);
    table = checked(name, await dispatch(name, bytes, deps, attempt));
  } catch (e) {
    return unreadable(name, attempt, e);
  }
  return table;
}

/**
 * readFile without waiting, for the formats read in one step (CSV/TXT, GeoJSON, KML). A ZIP
 * (XLSX, zipped Shapefile) is unzipped asynchronously: it fails here, as 'unsupported-format'.
 */
export function readFileNow(name: string, bytes: Uint8Array, deps: ReaderDependencies = {}): ImportedTable {
  const attempt = { format: extensionOf(name) || 'unknown' };
  let table: ImportedTable;
  try {
    refuseLargeFile(name, bytes.length);
    if (bytes.length === 0) fail(name, 'empty-file');
    if (isZip(bytes))
      fail(name, 'unsupported-format', { format: 'ZIP (XLSX, Shapefile) read synchronously' });
    table = checked(name, readUnzipped(name, bytes, deps, attempt));
  } catch (e) {
    return unreadable(name, attempt, e);
  }
  return table;
}
