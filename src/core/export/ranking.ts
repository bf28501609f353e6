// The ranking of areas for the map's current metric: ranks, the orders a reader can sort it in,
// and the same rows as CSV and as XLSX cells for people: headings in the reader's language, the
// area's name and code, the value as the table shows it, its unit, the year it is as of, the plan's
// target and the gap to it. Pure: no DOM, so the tests and a worker can use it.
//
// Rules relied on:
// - Rank 1 is the best value (the highest unless the metric is lower-is-better); equal values
//   share a rank and the next rank skips ("1, 2, 2, 4"). Areas without a value (NaN) have no
//   rank and come last in every sort order.
// - Names sort by zh-CN collation (pinyin) in every UI language: place names stay Chinese.
// - The gap to the target is what is still missing: target − value (value − target when lower is
//   better), 0 once the target is met, none without a target or a value.
// - Exports hold the rows in the order given; value, target and gap are rounded to the digits the
//   table shows, by the table's own number format, so a file never carries more digits than the
//   screen, nor other ones; notes (title, each layer's data source) come above the table.
// - XLSX: text is written as string cells and numbers as number cells, so nothing is a formula.
import type { AreaRecord } from '../areas';
import type { RowTable } from './datasetTable';
import { textTableCsv } from './textTable';

export interface RankingInput {
  level: 'county' | 'prefecture';
  /** Same order as `values`. */
  adcodes: string[];
  /** NaN = no data. */
  values: Float64Array;
  /** Already translated, e.g. "每万人 5G 基站数". */
  metricLabel: string;
  /** E.g. "站/万人"; may be ''. */
  unit: string;
  /** Decimals to show. */
  digits: number;
  /** The plan's target, if any. */
  target?: number;
  /** Default true. */
  higherIsBetter?: boolean;
  /** The values come from sample data: badge in the table, a note in every export. */
  sample?: boolean;
}

export interface RankingRow {
  /** 1 = best; null when the area has no value. */
  rank: number | null;
  adcode: string;
  name: string;
  prefectureName: string;
  value: number;
  /** null when there is no target or no value. */
  meetsTarget: boolean | null;
  /** What is still missing to the target (0 once met); NaN without a target or a value. */
  gapToTarget: number;
}

export type AreaNames = ReadonlyMap<string, Pick<AreaRecord, 'name' | 'prefectureName'>>;

export function rankRows(
  input: Pick<RankingInput, 'adcodes' | 'values' | 'target' | 'higherIsBetter'>,
  areas: AreaNames,
): RankingRow[] {
  const { adcodes, values, target } = input;
  if (adcodes.length !== values.length)
    throw new RangeError(`${adcodes.length} adcodes but ${values.length} values`);
  const higherIsBetter = input.higherIsBetter ?? true;
  const better = (a: number, b: number) => (higherIsBetter ? b - a : a - b);
  const order = adcodes
    .map((_, i) => i)
    .sort((i, j) => {
      const a = values[i],
        b = values[j];
      if (Number.isNaN(a) || Number.isNaN(b))
        return Number(Number.isNaN(a)) - Number(Number.isNaN(b)) || compareCodes(adcodes[i], adcodes[j]);
      return better(a, b) || compareCodes(adcodes[i], adcodes[j]);
    });
  const rows: RankingRow[] = [];
  order.forEach((i, position) => {
    const value = values[i];
    const missing = Number.isNaN(value);
    const previous = rows[position - 1];
    const rank = missing ? null : previous && previous.value === value ? previous.rank : position + 1;
    const meetsTarget =
      missing || target === undefined ? null : higherIsBetter ? value >= target : value <= target;
    const gapToTarget =
      missing || target === undefined ? NaN : Math.max(0, higherIsBetter ? target - value : value - target);
    const area = areas.get(adcodes[i]);
    rows.push({
      rank,
      adcode: adcodes[i],
      name: area?.name ?? adcodes[i],
      prefectureName: area?.prefectureName ?? '',
      value,
      meetsTarget,
      gapToTarget,
    });
  });
  return rows;
}

export type RankingSortKey = 'rank' | 'name' | 'value';
export interface RankingSort {
  key: RankingSortKey;
  descending: boolean;
}

const PLACE_NAMES = new Intl.Collator('zh-CN', { numeric: true });
const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A new array in the requested order; rows without a value stay last either way. */
export function sortRankingRows(rows: readonly RankingRow[], { key, descending }: RankingSort): RankingRow[] {
  const direction = descending ? -1 : 1;
  const compare = (a: RankingRow, b: RankingRow): number => {
    if (key === 'name')
      return direction * PLACE_NAMES.compare(a.name, b.name) || compareCodes(a.adcode, b.adcode);
    const missingA = a.rank === null,
      missingB = b.rank === null;
    if (missingA || missingB) return Number(missingA) - Number(missingB) || compareCodes(a.adcode, b.adcode);
    const difference = key === 'rank' ? a.rank! - b.rank! : a.value - b.value;
    return direction * difference || compareCodes(a.adcode, b.adcode);
  };
  return [...rows].sort(compare);
}

/** The exports' columns, in order; the prefecture column only at county level. */
export const RANKING_COLUMNS = [
  'rank',
  'code',
  'name',
  'prefecture',
  'value',
  'unit',
  'year',
  'target',
  'gap',
  'meets',
] as const;
export type RankingColumn = (typeof RANKING_COLUMNS)[number];

/** What the exports write besides the rows, already translated. */
export interface RankingExport {
  headings: Record<RankingColumn, string>;
  /** False at prefecture level: the prefecture column is left out. */
  prefectureColumn: boolean;
  /** Written in every row, e.g. "站/万人", "%"; may be ''. */
  unit: string;
  /** The year the values are as of, e.g. "2025" (or "2020–2025" for a change). */
  year: string;
  /** The plan's target in the metric's unit; undefined leaves the target columns empty. */
  target?: number;
  /** The verdict words. */
  meets: string;
  short: string;
  /** Decimals the table shows. */
  digits: number;
}

const SHOWN = new Map<number, Intl.NumberFormat>();

/**
 * The value as the table shows it: rounded to `digits` by the same number format as the UI's
 * (half away from zero on the shortest decimal form, so 1.005 → 1.01 where toFixed gives 1.00).
 * NaN stays NaN; −0 becomes 0.
 */
export function roundAsShown(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  let format = SHOWN.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    SHOWN.set(digits, format);
  }
  const rounded = Number(format.format(value));
  return rounded === 0 ? 0 : rounded;
}

const columnsOf = (options: RankingExport): RankingColumn[] =>
  RANKING_COLUMNS.filter((column) => column !== 'prefecture' || options.prefectureColumn);

function cellOf(row: RankingRow, column: RankingColumn, options: RankingExport): string | number {
  const { digits, target } = options;
  switch (column) {
    case 'rank':
      return row.rank ?? NaN;
    case 'name':
      return row.name;
    case 'code':
      return row.adcode;
    case 'prefecture':
      return row.prefectureName;
    case 'value':
      return roundAsShown(row.value, digits);
    case 'unit':
      return Number.isNaN(row.value) ? '' : options.unit;
    case 'year':
      // A plain year is a number in a spreadsheet; a span ("2020–2025") stays text.
      return /^\d+$/.test(options.year) ? Number(options.year) : options.year;
    case 'target':
      return target === undefined ? NaN : roundAsShown(target, digits);
    case 'gap':
      // From the value and target as shown, so the file's own numbers add up (33.0 − 26.7 = 6.3).
      if (Number.isNaN(row.gapToTarget) || row.gapToTarget === 0 || target === undefined)
        return row.gapToTarget;
      return roundAsShown(Math.abs(roundAsShown(target, digits) - roundAsShown(row.value, digits)), digits);
    case 'meets':
      return row.meetsTarget === null ? '' : row.meetsTarget ? options.meets : options.short;
  }
}

const DECIMAL_COLUMNS = new Set<RankingColumn>(['value', 'target', 'gap']);

export function rankingTable(rows: readonly RankingRow[], options: RankingExport): RowTable {
  const columns = columnsOf(options);
  return {
    header: columns.map((column) => options.headings[column]),
    rows: rows.map((row) =>
      columns.map((column) => {
        const cell = cellOf(row, column, options);
        if (typeof cell === 'string') return cell;
        if (Number.isNaN(cell)) return '';
        return DECIMAL_COLUMNS.has(column) ? cell.toFixed(options.digits) : String(cell);
      }),
    ),
  };
}

/** CSV with a BOM (Excel in China then reads the Chinese): notes, a blank line, then the table. */
export function rankingCsv(
  rows: readonly RankingRow[],
  options: RankingExport,
  notes: readonly string[] = [],
): string {
  return textTableCsv(rankingTable(rows, options), notes);
}

/** The cell shapes write-excel-file takes: text never becomes a formula, numbers stay numbers. */
export type XlsxCell =
  | { value: string; type: StringConstructor; fontWeight?: 'bold' }
  | { value: number; type: NumberConstructor; format?: string }
  | null;

export function rankingXlsxRows(
  rows: readonly RankingRow[],
  options: RankingExport,
  notes: readonly string[] = [],
): XlsxCell[][] {
  const columns = columnsOf(options);
  const decimals = options.digits > 0 ? `0.${'0'.repeat(options.digits)}` : '0';
  const sheet: XlsxCell[][] = notes.map((note) => [{ value: note, type: String }]);
  if (notes.length > 0) sheet.push([]);
  sheet.push(
    columns.map((column) => ({ value: options.headings[column], type: String, fontWeight: 'bold' })),
  );
  for (const row of rows)
    sheet.push(
      columns.map((column): XlsxCell => {
        const cell = cellOf(row, column, options);
        if (typeof cell === 'string') return cell === '' ? null : { value: cell, type: String };
        if (Number.isNaN(cell)) return null;
        return { value: cell, type: Number, format: DECIMAL_COLUMNS.has(column) ? decimals : '0' };
      }),
    );
  return sheet;
}
