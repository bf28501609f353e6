// `atlas summarize`: one row per area (county, prefecture or province) with counts, densities and
// counts by each categorical column; points outside Guizhou in a final `outside` row and on stderr.
import { areaTable, type Level } from '../core/summary/areaTable';
import { builtBy, encodeCategories, summarize } from '../core/summary/summarize';
import { findColumn, parseNumber } from '../core/io/points';
import { COLUMN_NAMES } from '../core/io/columns';
import { InputError } from '../core/io/table';
import type { LoadedPoints } from './load';
import type { Datum } from '../core/io/points';
import { categoricalColumns, geodata, loadPoints } from './load';
import { formatRows, round, type Format } from './output';

export interface SummarizeOptions {
  level: Level;
  format: Format;
  datum: Datum;
  lon?: string;
  lat?: string;
  /** Count only rows built by the end of this year (a build-year column is then required); unknown years count. */
  asOfYear?: number;
}

export function runSummarize(
  path: string,
  options: SummarizeOptions,
  stderr: (line: string) => void,
): string {
  const loaded = loadPoints(path, options);
  const { table, county, points } = loaded;
  const categorical = categoricalColumns(table, [
    loaded.coordinateColumns.lon,
    loaded.coordinateColumns.lat,
  ]).map((c) =>
    encodeCategories(
      table.header[c],
      table.rows.map((row) => (row[c] ?? '').trim()),
    ),
  );
  const include = options.asOfYear === undefined ? undefined : builtBy(buildYears(loaded), options.asOfYear);
  const summary = summarize(areaTable(geodata().areas, options.level), { county, categorical, include });
  const rows = [...summary.rows, summary.outside].map((r) => ({
    adcode: r.adcode,
    name: r.name,
    count: r.count,
    perKm2: round(r.perKm2, 6),
    per10k: round(r.per10k, 6),
    ...Object.fromEntries(
      categorical.flatMap((c) =>
        c.labels.map((label) => [`${c.name}:${label}`, r.byCategory[c.name][label]]),
      ),
    ),
  }));
  county.forEach((k, i) => {
    if (k < 0)
      stderr(
        `${loaded.file} row ${table.rowNumbers[i]}: (${points.lon[i]}, ${points.lat[i]}) is outside Guizhou`,
      );
  });
  return formatRows(rows, options.format);
}

/** The build year of every row (0 when blank), from the file's build-year column. */
function buildYears({ table, file }: LoadedPoints): Int16Array {
  const column = findColumn(table.header, COLUMN_NAMES.buildYear);
  if (column === -1)
    throw new InputError(
      file,
      `--year needs a build-year column (${COLUMN_NAMES.buildYear.join(', ')}); columns are ${table.header.join(', ')}`,
    );
  return Int16Array.from(table.rows, (row, i) => {
    const text = (row[column] ?? '').trim();
    if (text === '') return 0;
    const value = parseNumber(text);
    if (value === null || !Number.isInteger(value) || value < 1990 || value > 2100)
      throw new InputError(file, `"${text}" is not a year`, table.rowNumbers[i], table.header[column]);
    return value;
  });
}
