// What can be wrong with an imported file or one of its rows, as machine-readable codes with
// parameters, so the app can say it in Chinese or English and core stays free of any language.
//
// Rules:
// - A whole-file failure is an InputError (io/table.ts) whose `code` is a FileProblemCode.
// - A row-level problem always names the user's row number (as their spreadsheet shows it) and
//   the file's own column name, never an internal field name alone.
// - `englishMessage` is the default localiser, for tests, logs and the CLI.
// - A message is in our words: what a third-party parser said goes into the error's English
//   `message` as detail (for logs and the CLI), never into what a person reads in the app.
// - Messages about a limit name the limit and the value seen.
import { InputError, type ProblemParams } from '../io/table';

export type FileProblemCode =
  | 'empty-file'
  | 'binary-file'
  | 'html-page'
  | 'unsupported-format'
  | 'unreadable-file'
  | 'no-header'
  | 'no-rows'
  | 'unclosed-quote'
  | 'invalid-json'
  | 'not-geojson'
  | 'invalid-xlsx'
  | 'invalid-kml'
  | 'invalid-zip'
  | 'no-shapefile'
  | 'several-shapefiles'
  | 'invalid-shapefile'
  | 'projected-crs'
  | 'unsupported-crs'
  | 'mixed-encoding'
  | 'invalid-header-bytes'
  | 'too-deeply-nested'
  | 'file-too-large'
  | 'too-many-columns'
  | 'too-many-rows'
  | 'header-too-long'
  | 'zip-entry-too-large'
  | 'zip-total-too-large'
  | 'zip-larger-than-declared'
  | 'xlsx-too-large'
  | 'too-many-cells';

export type RowProblemCode =
  | 'not-a-point'
  | 'no-geometry'
  | 'invalid-point'
  | 'missing-value'
  | 'not-a-number'
  | 'out-of-range'
  | 'outside-guizhou'
  | 'lat-lon-swapped'
  | 'duplicate-id'
  | 'invalid-village-code'
  | 'unknown-village-code'
  | 'village-county-mismatch'
  | 'not-yes-no'
  | 'not-a-year'
  | 'year-out-of-range'
  | 'not-a-date'
  | 'not-a-count'
  | 'unknown-technology'
  | 'technology-mismatch'
  | 'invalid-scenic-level'
  | 'invalid-bytes'
  | 'cell-too-long';

/** A mapping that leaves a required field without a column: reported once, not per row. */
export type DatasetProblemCode = 'unmapped-field';

export type ProblemCode = FileProblemCode | RowProblemCode | DatasetProblemCode;

export interface Problem {
  code: ProblemCode;
  /** The row number the user sees (spreadsheet row, header = 1; feature position for GeoJSON/KML). */
  row?: number;
  /** The file's column name. */
  column?: string;
  params: ProblemParams;
}

/**
 * Throws the InputError for a whole-file failure; `detail` (what a parser said, in English) is
 * added to its message for logs and the CLI, never shown in the app.
 */
export function fail(
  file: string,
  code: FileProblemCode,
  params: ProblemParams = {},
  detail?: string,
): never {
  const message = englishMessage({ code, params }) + (detail ? ` (${detail})` : '');
  throw new InputError(file, message, undefined, undefined, { code, params });
}

const p = (params: ProblemParams, key: string) => String(params[key] ?? '');
const n = (params: ProblemParams, key: string) => Number(params[key] ?? 0).toLocaleString('en-US');
const at = (x: ProblemParams) =>
  x.line === undefined
    ? ''
    : ` (line ${p(x, 'line')}${x.column === undefined ? '' : `, column ${p(x, 'column')}`})`;
const COORDINATES: Record<string, string> = { lon: 'longitude', lat: 'latitude' };

const XML_PROBLEMS: Record<string, (x: ProblemParams) => string> = {
  'mismatched-tag': (x) => `the element <${p(x, 'open')}> is closed by </${p(x, 'close')}>`,
  'unclosed-attribute': () => 'an attribute value lacks its closing quote',
  'unknown-entity': (x) => `unknown entity ${p(x, 'entity')}`,
  'no-root': () => 'it holds no XML element',
  'no-parser': () => 'no XML parser is available here',
  syntax: () => 'the XML is malformed',
};
const ZIP_PROBLEMS: Record<string, (x: ProblemParams) => string> = {
  'no-directory': () => 'it is not a ZIP archive, or it is cut short',
  zip64: () => 'ZIP64 archives (over 4 GB) are not supported',
  damaged: () => 'the archive is damaged',
  encrypted: (x) => `${p(x, 'entry')} is encrypted`,
  method: (x) =>
    `${p(x, 'entry')} uses compression method ${p(x, 'method')} (only stored and deflate are read)`,
};
const XLSX_PROBLEMS: Record<string, string> = {
  'not-zip': 'it is not a ZIP archive',
  'no-workbook': 'it holds no workbook',
  damaged: 'the workbook is damaged, or not an Excel 2007 or later file',
};

const ENGLISH: Record<ProblemCode, (params: ProblemParams) => string> = {
  'empty-file': () => 'the file is empty',
  'binary-file': () =>
    'the file is not text, a spreadsheet, GeoJSON, KML or a zipped Shapefile (binary data)',
  'html-page': () => 'the file is a web page (HTML), not a table: save the data itself as CSV or XLSX',
  'unsupported-format': (x) =>
    `the format ${p(x, 'format')} is not supported (use CSV, XLSX, GeoJSON, KML or a zipped Shapefile)`,
  'unreadable-file': (x) =>
    `the ${p(x, 'format')} file cannot be read: its content does not follow the format`,
  'no-header': () => 'the file has no header row',
  'no-rows': () => 'the file has a header but no data rows',
  'unclosed-quote': (x) => `a quote opened at row ${p(x, 'row')} is never closed`,
  'invalid-json': (x) =>
    x.problem === 'truncated' ? 'not valid JSON: the text ends too early' : `not valid JSON${at(x)}`,
  'not-geojson': () => 'not a GeoJSON Feature or FeatureCollection',
  'invalid-xlsx': (x) =>
    `not a readable XLSX workbook: ${XLSX_PROBLEMS[p(x, 'problem')] ?? XLSX_PROBLEMS.damaged}`,
  'invalid-kml': (x) =>
    `not a readable KML document: ${(XML_PROBLEMS[p(x, 'problem')] ?? XML_PROBLEMS.syntax)(x)}${at(x)}`,
  'invalid-zip': (x) =>
    `not a readable ZIP archive: ${(ZIP_PROBLEMS[p(x, 'problem')] ?? ZIP_PROBLEMS.damaged)(x)}`,
  'no-shapefile': () => 'the ZIP archive holds no .shp file',
  'several-shapefiles': (x) =>
    `the ZIP archive holds several Shapefiles (${p(x, 'names')}): zip one at a time`,
  'invalid-shapefile': () => 'the Shapefile is damaged and cannot be read',
  'projected-crs': (x) =>
    `the Shapefile uses the projected coordinate system "${p(x, 'crs')}": only longitude/latitude (geographic) coordinates are supported; export it as WGS84 or CGCS2000 geographic`,
  'unsupported-crs': (x) => `the Shapefile's coordinate system "${p(x, 'crs')}" is not a geographic one`,
  'mixed-encoding': (x) =>
    Number(x.utf8Lines) > 0
      ? `the text encoding cannot be told: ${p(x, 'otherLines')} lines are not UTF-8 (the first is line ${p(x, 'firstLine')}) while ${p(x, 'utf8Lines')} are; save the file as UTF-8`
      : `the text encoding cannot be told: ${p(x, 'otherLines')} lines are neither UTF-8 nor GB18030 (the first is line ${p(x, 'firstLine')}); save the file as UTF-8`,
  'invalid-header-bytes': (x) => `the header row has bytes that are not valid ${p(x, 'encoding')}`,
  'too-deeply-nested': (x) =>
    `the ${p(x, 'format')} nests deeper than ${p(x, 'limit')} levels (line ${p(x, 'line')})`,
  'file-too-large': (x) => `the file is ${p(x, 'sizeMb')} MB, over the limit of ${p(x, 'limitMb')} MB`,
  'too-many-columns': (x) =>
    `the file has ${n(x, 'columns')} columns${x.row === undefined ? '' : ` in row ${p(x, 'row')}`}, over the limit of ${n(x, 'limit')}`,
  'too-many-rows': (x) =>
    `the file has ${x.estimated ? 'about ' : ''}${n(x, 'rows')} rows, over the limit of ${n(x, 'limit')}: split it into smaller files`,
  'header-too-long': (x) =>
    `the name of column ${p(x, 'column')} is ${n(x, 'length')} characters long, over the limit of ${n(x, 'limit')}`,
  'zip-entry-too-large': (x) =>
    `${p(x, 'entry')} in the ZIP archive unpacks to ${p(x, 'sizeMb')} MB, over the limit of ${p(x, 'limitMb')} MB for one file`,
  'zip-total-too-large': (x) =>
    `the files in the ZIP archive unpack to ${p(x, 'sizeMb')} MB together (up to ${p(x, 'entry')}), over the limit of ${p(x, 'limitMb')} MB`,
  'zip-larger-than-declared': (x) =>
    `${p(x, 'entry')} in the ZIP archive unpacks to more than the ${p(x, 'declaredMb')} MB it declares: the archive is damaged or made to exhaust memory (unpacking was stopped)`,
  'xlsx-too-large': (x) =>
    `the workbook unpacks to ${p(x, 'sizeMb')} MB, over the limit of ${p(x, 'limitMb')} MB for XLSX: save it as CSV`,
  'too-many-cells': (x) =>
    `the sheet spans ${n(x, 'rows')} rows × ${n(x, 'columns')} columns (${n(x, 'cells')} cells), over the limit of ${n(x, 'limit')} cells`,
  'not-a-point': (x) => `the feature is a ${p(x, 'geometryType')}, not a point`,
  'no-geometry': (x) => `feature ${p(x, 'feature')} has no geometry`,
  'invalid-point': () => "the point's coordinates are not two numbers",
  'missing-value': (x) => `${p(x, 'field')} is missing`,
  'not-a-number': (x) => `"${p(x, 'value')}" is not a number`,
  'out-of-range': (x) =>
    `${COORDINATES[p(x, 'field')] ?? p(x, 'field')} ${p(x, 'value')} is out of range (it must lie between ${p(x, 'min')} and ${p(x, 'max')})`,
  'outside-guizhou': (x) => `(${p(x, 'lon')}, ${p(x, 'lat')}) lies outside Guizhou`,
  'lat-lon-swapped': (x) =>
    `(${p(x, 'lon')}, ${p(x, 'lat')}) lies outside Guizhou but inside it with longitude and latitude swapped`,
  'duplicate-id': (x) => `the id "${p(x, 'value')}" already appears in row ${p(x, 'firstRow')}`,
  'invalid-village-code': (x) => `"${p(x, 'value')}" is not a 12-digit village code`,
  'unknown-village-code': (x) =>
    `the village code ${p(x, 'value')} is not a Guizhou village (NBS 2023 codes)`,
  'village-county-mismatch': (x) =>
    `the village code ${p(x, 'value')} belongs to county ${p(x, 'codeCounty')} but its coordinates lie in county ${p(x, 'pointCounty')}`,
  'not-yes-no': (x) => `"${p(x, 'value')}" is not yes or no (是/否, 有/无, Y/N, 1/0, true/false, ✓)`,
  'not-a-year': (x) => `"${p(x, 'value')}" is not a year`,
  'year-out-of-range': (x) => `the year ${p(x, 'value')} is not between ${p(x, 'min')} and ${p(x, 'max')}`,
  'not-a-date': (x) => `"${p(x, 'value')}" is not a date (yyyy-mm-dd, yyyy-mm or yyyy)`,
  'not-a-count': (x) => `"${p(x, 'value')}" is not a whole number of 0 or more`,
  'unknown-technology': (x) => `"${p(x, 'value')}" is neither 5G nor 4G`,
  'technology-mismatch': (x) =>
    `the row says ${p(x, 'value')} but the layer holds ${p(x, 'expected')} stations`,
  'invalid-scenic-level': (x) => `"${p(x, 'value')}" is not a scenic-area level (1A to 5A)`,
  'invalid-bytes': (x) =>
    x.nul
      ? `"${p(x, 'value')}" holds NUL bytes, which text never has`
      : `"${p(x, 'value')}" has bytes that are not valid ${p(x, 'encoding')}`,
  'cell-too-long': (x) => `the cell is ${n(x, 'length')} characters long, over the limit of ${n(x, 'limit')}`,
  'unmapped-field': (x) => `no column is chosen for the required field ${p(x, 'field')}`,
};

/** The default localiser: English, with the row and column when the problem has them. */
export function englishMessage(problem: Pick<Problem, 'code' | 'params'> & Partial<Problem>): string {
  const where = [
    problem.row === undefined ? '' : `row ${problem.row}`,
    problem.column === undefined ? '' : `column ${problem.column}`,
  ]
    .filter(Boolean)
    .join(', ');
  const text = ENGLISH[problem.code](problem.params);
  return where ? `${where}: ${text}` : text;
}
