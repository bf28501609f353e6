// Loads a points file for the command line through the app's own import path (core/import): the
// bytes (input.ts) → a table, whatever the format (CSV in UTF-8 or GB18030, XLSX, GeoJSON, KML,
// zipped Shapefile) → the 'points' mapping (pointColumns.ts) → the same row-by-row validation as
// the import dialog → WGS84 points with their county.
//
// Rules:
// - Valid rows are used; a rejected row is reported with all its problems and left out. A file
//   of which no row can be used fails (NothingUsableError, exit 1): a count of nothing is not an
//   answer.
// - Points outside Guizhou are used with county −1 (the "outside" row), and listed in the report.
// - Commands that read more of a row (a year, a band, a weight) drop the rows they cannot read
//   with dropRows, reported the same way.
// - atlas.ts reads every file first (readTable: XLSX and Shapefiles are unzipped asynchronously);
//   the commands then run synchronously over those tables. A caller that hands a command a path
//   it has not read (tests, scripts) gets it read on the spot, in the formats that need no unzipping.
import { readFileSync } from 'node:fs';
import { countyIndexOf, type CountyIndex } from '../core/assign/countyIndex';
import type { AreaIndex, CountyCollection } from '../core/areas';
import type { Datum } from '../core/import/datum';
import type { Mapping } from '../core/import/mapping';
import { pointsMapping } from '../core/import/pointColumns';
import { englishMessage, type Problem } from '../core/import/problems';
import { tableCell, type ImportedTable } from '../core/import/importedTable';
import { readFile, readFileNow } from '../core/import/readers';
import { validateRows } from '../core/import/validate';
import { parseNumber } from '../core/import/values';
import { xmldomParser } from '../core/import/xmlParser';
import { encodingLabel, type ForcedEncoding } from '../core/io/decode';
import { InputError } from '../core/io/table';
import { fileLabel, readFileBytes, readStreamBytes } from './input';
import { Report, type FileReport, type RowIssue } from './report';

export interface LoadOptions {
  datum: Datum;
  lon?: string;
  lat?: string;
  encoding?: ForcedEncoding;
}

/** Where loaded files are reported, and the files already read, by path. */
export interface LoadContext {
  report: Report;
  tables?: ReadonlyMap<string, ImportedTable>;
}

/** What a command is given: a context, or (as before the report existed) where to write its stderr lines. */
export type ContextOrNotes = LoadContext | ((line: string) => void);

/** Runs a command in `given`; with a plain line writer, the report's lines go to it afterwards. */
export function withContext<T>(given: ContextOrNotes, command: (context: LoadContext) => T): T {
  if (typeof given !== 'function') return command(given);
  const report = new Report();
  const result = command({ report });
  report.lines().forEach(given);
  return result;
}

/** Reads and parses a file (`-`: `stdin`) in any format the app reads. */
export async function readTable(
  path: string,
  encoding: ForcedEncoding | undefined,
  stdin: AsyncIterable<Uint8Array | string> = process.stdin,
): Promise<ImportedTable> {
  const bytes = path === '-' ? await readStreamBytes(stdin) : readFileBytes(path);
  return readFile(fileLabel(path), bytes, { parseXml: xmldomParser, encoding });
}

/**
 * The rows of a file in use, read cell by cell: a CSV table keeps its rows in its text, and a command
 * reading two columns of a million rows makes only those cells.
 */
export interface RowsInUse {
  header: string[];
  /** Each row's number in the file. */
  rowNumbers: number[];
  /** Cell `c` of row `i` in use, as in the file ('' past the row's end). */
  cell(i: number, c: number): string;
}

/** The rows `kept` (indexes into `table`'s rows) of a table. */
function rowsInUse(table: ImportedTable, kept: Int32Array): RowsInUse {
  const rowNumbers = new Array<number>(kept.length);
  for (let i = 0; i < kept.length; i++) rowNumbers[i] = table.rowNumbers[kept[i]];
  return { header: table.header, rowNumbers, cell: (i, c) => tableCell(table, kept[i], c) };
}

export interface LoadedPoints {
  file: string;
  /** The header and the rows in use, with their row numbers in the file. */
  table: RowsInUse;
  /** The file's table, and each row in use as an index into it. */
  source: ImportedTable;
  kept: Int32Array;
  points: { lon: Float64Array; lat: Float64Array };
  county: Int16Array;
  coordinateColumns: { lon: number; lat: number };
  mapping: Mapping;
  report: FileReport;
}

/** A file of which no row can be used. */
export class NothingUsableError extends InputError {}

const GEODATA = new URL('../../geodata/', import.meta.url);
let cached:
  { countyIndex: CountyIndex; areas: AreaIndex; counties: CountyCollection['features'] } | undefined;

/** The county index and area table, built once per process from geodata/. */
export function geodata() {
  if (!cached) {
    const { index, counties } = countyIndexOf(
      JSON.parse(readFileSync(new URL('counties.geojson', GEODATA), 'utf8')) as CountyCollection,
    );
    cached = {
      countyIndex: index,
      areas: JSON.parse(readFileSync(new URL('areas.json', GEODATA), 'utf8')),
      counties,
    };
  }
  return cached;
}

const FORMAT_NAMES = { csv: 'CSV', xlsx: 'XLSX', geojson: 'GeoJSON', kml: 'KML', shapefile: 'Shapefile' };

const reasons = (problems: Problem[]) =>
  problems.map((p) => ({
    column: p.column,
    message: englishMessage({ ...p, row: undefined, column: undefined }),
  }));

/** Brings the report's counts and outside rows up to date with the rows in use. */
function settle(loaded: LoadedPoints): LoadedPoints {
  const { table, county, coordinateColumns, report } = loaded;
  report.used = table.rowNumbers.length;
  report.outside = [];
  county.forEach((k, i) => {
    if (k < 0)
      report.outside.push({
        row: table.rowNumbers[i],
        lon: table.cell(i, coordinateColumns.lon).trim(),
        lat: table.cell(i, coordinateColumns.lat).trim(),
      });
  });
  if (report.used === 0)
    throw new NothingUsableError(
      loaded.file,
      `no row could be used (${report.skipped.length} row${report.skipped.length === 1 ? '' : 's'} skipped)`,
    );
  return loaded;
}

/** A file's usable rows as points, read now unless `context.tables` holds it already. */
export function loadPoints(path: string, options: LoadOptions, context: LoadContext): LoadedPoints {
  const file = fileLabel(path);
  const table =
    context.tables?.get(path) ??
    readFileNow(file, readFileBytes(path), { parseXml: xmldomParser, encoding: options.encoding });
  const mapping = pointsMapping(table.header, file, options);
  const { countyIndex, counties } = geodata();
  const { accepted, rejected } = validateRows(table, mapping, 'points', {
    datum: options.datum,
    countyIndex,
    countyAdcodes: counties.map((c) => c.properties.adcode),
    villageCodes: new Map(),
    keepPointsOutside: true,
  });
  // The rows not rejected (rejected rows come in row order).
  const kept = new Int32Array(table.rowNumbers.length - rejected.length);
  for (let i = 0, r = 0, k = 0; i < table.rowNumbers.length; i++)
    if (r < rejected.length && rejected[r].rowIndex === i) r++;
    else kept[k++] = i;
  const encoding =
    table.encoding && `, encoding: ${encodingLabel(table.encoding)}${options.encoding ? ' (forced)' : ''}`;
  const report = context.report.addFile({
    file,
    description: `${FORMAT_NAMES[table.format]}${encoding ?? ''}`,
    skipped: rejected.map((r) => ({ row: table.rowNumbers[r.rowIndex], problems: reasons(r.problems) })),
    used: 0,
    outside: [],
  });
  return settle({
    file,
    table: rowsInUse(table, kept),
    kept,
    source: table,
    points: { lon: accepted.lon, lat: accepted.lat },
    county: accepted.county,
    coordinateColumns: { lon: mapping.lon!, lat: mapping.lat! },
    mapping,
    report,
  });
}

/** The loaded file without the rows that have issues (keyed by index into the rows in use), which are reported. */
export function dropRows(loaded: LoadedPoints, issues: Map<number, RowIssue['problems']>): LoadedPoints {
  if (issues.size === 0) return loaded;
  const { table } = loaded;
  for (const [i, problems] of issues) loaded.report.skipped.push({ row: table.rowNumbers[i], problems });
  const pick = <T extends Float64Array | Int16Array | Int32Array>(array: T) =>
    array.filter((_, i) => !issues.has(i)) as T;
  const kept = pick(loaded.kept);
  return settle({
    ...loaded,
    table: rowsInUse(loaded.source, kept),
    kept,
    points: { lon: pick(loaded.points.lon), lat: pick(loaded.points.lat) },
    county: pick(loaded.county),
  });
}

/** The trimmed text of column `c` in every row in use. */
export const columnText = (table: RowsInUse, c: number) =>
  Array.from(table.rowNumbers, (_, i) => table.cell(i, c).trim());

/**
 * Columns worth counting by: not coordinates, ids or names, not numbers, and few distinct values
 * (≤ 50) — operator, technology, band, status, level.
 */
export function categoricalColumns(loaded: LoadedPoints): number[] {
  const { table, mapping } = loaded;
  const excluded = [mapping.lon, mapping.lat, mapping.id, mapping.name];
  return table.header.flatMap((_, c) => {
    if (excluded.includes(c)) return [];
    const values = new Set<string>();
    let numeric = 0;
    for (let i = 0; i < table.rowNumbers.length; i++) {
      const v = table.cell(i, c).trim();
      values.add(v);
      if (v !== '' && parseNumber(v) !== null) numeric++;
      if (values.size > 50) return [];
    }
    return numeric === table.rowNumbers.length ? [] : [c];
  });
}
