// `atlas summarize`: one row per area (county, prefecture or province) with counts, densities and
// counts by each categorical column; points outside Guizhou in a final `outside` row (and one
// summary line on stderr, see report.ts).
import { areaTable, type Level } from '../core/summary/areaTable';
import { builtBy, encodeCategories, summarize } from '../core/summary/summarize';
import { InputError } from '../core/io/table';
import { readBuildYears, stationFieldColumns, withoutIssues, type Issues } from './fields';
import {
  categoricalColumns,
  columnText,
  dropRows,
  geodata,
  loadPoints,
  withContext,
  type ContextOrNotes,
  type LoadContext,
  type LoadOptions,
} from './load';
import { formatRows, round, type Format } from './output';

export interface SummarizeOptions extends LoadOptions {
  level: Level;
  format: Format;
  /** Count only rows built by the end of this year (a build-year column is then required); unknown years count. */
  asOfYear?: number;
}

export function runSummarize(path: string, options: SummarizeOptions, given: ContextOrNotes): string {
  return withContext(given, (context) => summarizeFile(path, options, context));
}

function summarizeFile(path: string, options: SummarizeOptions, context: LoadContext): string {
  let loaded = loadPoints(path, options, context);
  let include: Uint8Array | undefined;
  if (options.asOfYear !== undefined) {
    const column = stationFieldColumns(loaded.table.header).buildYear;
    if (column === undefined)
      throw new InputError(
        loaded.file,
        `--year needs a build-year column (建成年份, 开通年份, 年份, build_year, year …); columns are ${loaded.table.header.join(', ')}`,
      );
    const issues: Issues = new Map();
    const years = readBuildYears(loaded.table, column, issues);
    loaded = dropRows(loaded, issues);
    include = builtBy(withoutIssues(years, issues), options.asOfYear);
  }
  const { table, county } = loaded;
  const categorical = categoricalColumns(loaded).map((c) =>
    encodeCategories(table.header[c], columnText(table, c)),
  );
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
  return formatRows(rows, options.format);
}
