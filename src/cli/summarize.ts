// `atlas summarize`: one row per area (county, prefecture or province) with counts, densities and
// counts by each categorical column; points outside Guizhou in a final `outside` row and on stderr.
import { areaTable, type Level } from '../core/summary/areaTable';
import { encodeCategories, summarize } from '../core/summary/summarize';
import type { Datum } from '../core/io/points';
import { categoricalColumns, geodata, loadPoints } from './load';
import { formatRows, round, type Format } from './output';

export interface SummarizeOptions { level: Level; format: Format; datum: Datum; lon?: string; lat?: string }

export function runSummarize(path: string, options: SummarizeOptions, stderr: (line: string) => void): string {
  const loaded = loadPoints(path, options);
  const { table, county, points } = loaded;
  const categorical = categoricalColumns(table, [loaded.coordinateColumns.lon, loaded.coordinateColumns.lat])
    .map((c) => encodeCategories(table.header[c], table.rows.map((row) => (row[c] ?? '').trim())));
  const summary = summarize(areaTable(geodata().areas, options.level), { county, categorical });
  const rows = [...summary.rows, summary.outside].map((r) => ({
    adcode: r.adcode, name: r.name, count: r.count, perKm2: round(r.perKm2, 6), per10k: round(r.per10k, 6),
    ...Object.fromEntries(categorical.flatMap((c) => c.labels.map((label) => [`${c.name}:${label}`, r.byCategory[c.name][label]]))),
  }));
  county.forEach((k, i) => {
    if (k < 0) stderr(`${loaded.file} row ${table.rowNumbers[i]}: (${points.lon[i]}, ${points.lat[i]}) is outside Guizhou`);
  });
  return formatRows(rows, options.format);
}
