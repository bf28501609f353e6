// The ranking of areas for the map's current metric: ranks, the orders a reader can sort it in,
// and the same rows as CSV and as XLSX cells. Pure: no DOM, so the tests and a worker can use it.
//
// Rules relied on:
// - Rank 1 is the best value (the highest unless the metric is lower-is-better); equal values
//   share a rank and the next rank skips ("1, 2, 2, 4"). Areas without a value (NaN) have no
//   rank and come last in every sort order.
// - Names sort by zh-CN collation (pinyin) in every UI language: place names stay Chinese.
// - Exports hold the rows in the order given, values rounded to the digits the table shows, and
//   any notes (such as "示例数据 / sample data") above the table, so they cannot be missed.
// - XLSX: text is written as string cells and numbers as number cells, so nothing is a formula.
import type { AreaRecord } from '../areas';
import { csvCell } from '../io/csv';
import { tableToCsv, type RowTable } from './datasetTable';

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
    const area = areas.get(adcodes[i]);
    rows.push({
      rank,
      adcode: adcodes[i],
      name: area?.name ?? adcodes[i],
      prefectureName: area?.prefectureName ?? '',
      value,
      meetsTarget,
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

/** Column headings and words for the exports, already translated. */
export interface RankingColumns {
  rank: string;
  /** Heading of the adcode column: codes let the export be joined to other tables. */
  code: string;
  name: string;
  /** Heading of the prefecture column; leave it out at prefecture level. */
  prefecture?: string;
  /** Heading of the value column: metric and unit. */
  value: string;
  /** Heading of the meets-target column; leave it out when the metric has no target. */
  target?: string;
  meets: string;
  short: string;
  digits: number;
}

export function rankingTable(rows: readonly RankingRow[], columns: RankingColumns): RowTable {
  const header = [columns.rank, columns.code, columns.name];
  if (columns.prefecture !== undefined) header.push(columns.prefecture);
  header.push(columns.value);
  if (columns.target !== undefined) header.push(columns.target);
  return {
    header,
    rows: rows.map((row) => {
      const cells = [row.rank === null ? '' : String(row.rank), row.adcode, row.name];
      if (columns.prefecture !== undefined) cells.push(row.prefectureName);
      cells.push(Number.isNaN(row.value) ? '' : row.value.toFixed(columns.digits));
      if (columns.target !== undefined)
        cells.push(row.meetsTarget === null ? '' : row.meetsTarget ? columns.meets : columns.short);
      return cells;
    }),
  };
}

/** CSV with a BOM (Excel in China then reads the Chinese): notes, a blank line, then the table. */
export function rankingCsv(
  rows: readonly RankingRow[],
  columns: RankingColumns,
  notes: readonly string[] = [],
): string {
  const noteLines = notes.length > 0 ? notes.map(csvCell).join('\r\n') + '\r\n\r\n' : '';
  return '\uFEFF' + noteLines + tableToCsv(rankingTable(rows, columns));
}

/** The cell shapes write-excel-file takes: text never becomes a formula, numbers stay numbers. */
export type XlsxCell =
  | { value: string; type: StringConstructor; fontWeight?: 'bold' }
  | { value: number; type: NumberConstructor; format?: string }
  | null;

export function rankingXlsxRows(
  rows: readonly RankingRow[],
  columns: RankingColumns,
  notes: readonly string[] = [],
): XlsxCell[][] {
  const text = (value: string): XlsxCell => ({ value, type: String });
  const number = (value: number, format: string): XlsxCell =>
    Number.isNaN(value) ? null : { value, type: Number, format };
  const valueFormat = columns.digits > 0 ? `0.${'0'.repeat(columns.digits)}` : '0';
  const { header } = rankingTable([], columns);
  const sheet: XlsxCell[][] = notes.map((note) => [text(note)]);
  if (notes.length > 0) sheet.push([]);
  sheet.push(header.map((heading) => ({ value: heading, type: String, fontWeight: 'bold' })));
  for (const row of rows) {
    const cells = [row.rank === null ? null : number(row.rank, '0'), text(row.adcode), text(row.name)];
    if (columns.prefecture !== undefined) cells.push(text(row.prefectureName));
    cells.push(number(row.value, valueFormat));
    if (columns.target !== undefined)
      cells.push(row.meetsTarget === null ? null : text(row.meetsTarget ? columns.meets : columns.short));
    sheet.push(cells);
  }
  return sheet;
}
