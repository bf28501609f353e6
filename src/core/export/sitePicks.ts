// The site suggester's picks as the CSV and XLSX files a planner takes away: one row per pick
// with its position, marginal gain, running total and the targets it newly covers. Pure: no DOM.
//
// Rules relied on:
// - Rows in pick order; positions with 5 decimals (about 1 m), gains and totals as whole numbers
//   (a weighted gain counts people, some of them a county average, so decimals would be noise).
// - Notes (sample data, the model and its radius) go above the table, so they cannot be missed.
// - XLSX: text as string cells, numbers as number cells, so nothing is a formula.
import { csvCell } from '../io/csv';
import { tableToCsv, type RowTable } from './datasetTable';
import type { XlsxCell } from './ranking';

/** What the export needs of a pick (SuggestedSite from the engine has all of it). */
export interface PickRow {
  rank: number;
  lon: number;
  lat: number;
  gain: number;
  cumulativeCount: number;
  cumulativeWeight: number;
  newlyCovered: ReadonlyArray<{ name: string; code: string }>;
  standsOn: { name: string } | null;
}

/** Headings and words, already translated; cumulativeWeight only when the run was weighted. */
export interface PickColumns {
  rank: string;
  lon: string;
  lat: string;
  gain: string;
  cumulativeCount: string;
  cumulativeWeight?: string;
  newlyCoveredCount: string;
  newlyCovered: string;
  standsOn: string;
  /** What standsOn says of a site at a candidate-cell centre. */
  cellCentre: string;
}

const targetText = (target: { name: string; code: string }) =>
  target.code ? `${target.name} ${target.code}` : target.name;

function header(columns: PickColumns): string[] {
  return [
    columns.rank,
    columns.lon,
    columns.lat,
    columns.gain,
    columns.cumulativeCount,
    ...(columns.cumulativeWeight === undefined ? [] : [columns.cumulativeWeight]),
    columns.newlyCoveredCount,
    columns.standsOn,
    columns.newlyCovered,
  ];
}

export function sitePicksTable(picks: readonly PickRow[], columns: PickColumns): RowTable {
  return {
    header: header(columns),
    rows: picks.map((pick) => [
      String(pick.rank),
      pick.lon.toFixed(5),
      pick.lat.toFixed(5),
      pick.gain.toFixed(0),
      String(pick.cumulativeCount),
      ...(columns.cumulativeWeight === undefined ? [] : [pick.cumulativeWeight.toFixed(0)]),
      String(pick.newlyCovered.length),
      pick.standsOn?.name ?? columns.cellCentre,
      pick.newlyCovered.map(targetText).join('；'),
    ]),
  };
}

/** CSV with a BOM (Excel in China then reads the Chinese): notes, a blank line, then the table. */
export function sitePicksCsv(
  picks: readonly PickRow[],
  columns: PickColumns,
  notes: readonly string[] = [],
): string {
  const noteLines = notes.length > 0 ? notes.map(csvCell).join('\r\n') + '\r\n\r\n' : '';
  return '\uFEFF' + noteLines + tableToCsv(sitePicksTable(picks, columns));
}

export function sitePicksXlsxRows(
  picks: readonly PickRow[],
  columns: PickColumns,
  notes: readonly string[] = [],
): XlsxCell[][] {
  const text = (value: string): XlsxCell => ({ value, type: String });
  const number = (value: number, format: string): XlsxCell => ({ value, type: Number, format });
  const sheet: XlsxCell[][] = notes.map((note) => [text(note)]);
  if (notes.length > 0) sheet.push([]);
  sheet.push(header(columns).map((heading) => ({ value: heading, type: String, fontWeight: 'bold' })));
  for (const pick of picks) {
    sheet.push([
      number(pick.rank, '0'),
      number(pick.lon, '0.00000'),
      number(pick.lat, '0.00000'),
      number(pick.gain, '0'),
      number(pick.cumulativeCount, '0'),
      ...(columns.cumulativeWeight === undefined ? [] : [number(pick.cumulativeWeight, '0')]),
      number(pick.newlyCovered.length, '0'),
      text(pick.standsOn?.name ?? columns.cellCentre),
      text(pick.newlyCovered.map(targetText).join('；')),
    ]);
  }
  return sheet;
}
