// The gap list as a field list for crews: one row per target with its codes, place, position,
// reasons in words, reported and modelled 5G and distances, as CSV (with a BOM) and XLSX cells.
// Pure: the UI passes the words in its language.
//
// Rules relied on:
// - Rows are written in the order given (the order the table shows).
// - Distances are whole metres; "no station" is written as a word, an unknown position leaves the
//   distance and coordinate cells empty; coordinates are WGS84 with 6 decimals (~0.1 m).
// - Notes come first, so they cannot be missed: the data source of each layer the list draws on
//   (a sample layer named as sample, never the whole file when only some layers are), then the
//   caller's notes (scope, year, what "modelled" means).
// - XLSX: text is written as string cells and numbers as number cells, so nothing is a formula.
import type { GapKind, GapReason, GapRow } from '../planning/gapList';
import { sourceNote, type LayerSourceName, type SourceNoteWords } from './sourceNote';
import { textTableCsv, type RowTable, type XlsxCell } from './textTable';

export const GAP_COLUMNS = [
  'kind',
  'code',
  'name',
  'countyAdcode',
  'county',
  'township',
  'lon',
  'lat',
  'approximate',
  'reasons',
  'reported',
  'modelled',
  'nearest5g',
  'nearest4g',
  'population',
] as const;
export type GapColumn = (typeof GAP_COLUMNS)[number];

/** Already translated. */
export interface GapTableWords {
  headings: Record<GapColumn, string>;
  kinds: Record<GapKind, string>;
  reasons: Record<GapReason, string>;
  reported: Record<GapRow['reported'], string>;
  modelled: Record<GapRow['modelled'], string>;
  /** Written in the approximate column for a stand-in position. */
  yes: string;
  /** Written as the distance when no station of the technology is on air. */
  noStation: string;
  /** Between reasons in one cell, e.g. '；'. */
  separator: string;
}

/** The kind in words, with a scenic area's grade. */
export const kindWords = (row: GapRow, words: Pick<GapTableWords, 'kinds'>) =>
  row.level ? `${words.kinds[row.kind]} ${row.level}` : words.kinds[row.kind];

function cellValue(row: GapRow, column: GapColumn, words: GapTableWords): string | number {
  switch (column) {
    case 'kind':
      return kindWords(row, words);
    case 'code':
      return row.code;
    case 'name':
      return row.name;
    case 'countyAdcode':
      return row.countyAdcode;
    case 'county':
      return row.countyName;
    case 'township':
      return row.townshipCode;
    case 'lon':
      return row.lon;
    case 'lat':
      return row.lat;
    case 'approximate':
      return row.approximate ? words.yes : '';
    case 'reasons':
      return row.reasons.map((reason) => words.reasons[reason]).join(words.separator);
    case 'reported':
      return words.reported[row.reported];
    case 'modelled':
      return words.modelled[row.modelled];
    case 'nearest5g':
      return row.nearest5gMeters === Infinity ? words.noStation : Math.round(row.nearest5gMeters);
    case 'nearest4g':
      return row.nearest4gMeters === Infinity ? words.noStation : Math.round(row.nearest4gMeters);
    case 'population':
      return row.population;
  }
}

const numberText = (column: GapColumn, value: number) =>
  Number.isNaN(value) ? '' : column === 'lon' || column === 'lat' ? value.toFixed(6) : String(value);

export function gapTable(rows: readonly GapRow[], words: GapTableWords): RowTable {
  return {
    header: GAP_COLUMNS.map((column) => words.headings[column]),
    rows: rows.map((row) =>
      GAP_COLUMNS.map((column) => {
        const value = cellValue(row, column, words);
        return typeof value === 'number' ? numberText(column, value) : value;
      }),
    ),
  };
}

export function gapCsv(rows: readonly GapRow[], words: GapTableWords, notes: readonly string[] = []): string {
  return textTableCsv(gapTable(rows, words), notes);
}

export function gapXlsxRows(
  rows: readonly GapRow[],
  words: GapTableWords,
  notes: readonly string[] = [],
): XlsxCell[][] {
  const sheet: XlsxCell[][] = notes.map((note) => [{ value: note, type: String }]);
  if (notes.length > 0) sheet.push([]);
  sheet.push(
    GAP_COLUMNS.map((column) => ({ value: words.headings[column], type: String, fontWeight: 'bold' })),
  );
  for (const row of rows) {
    sheet.push(
      GAP_COLUMNS.map((column): XlsxCell => {
        const value = cellValue(row, column, words);
        if (typeof value === 'string') return value === '' ? null : { value, type: String };
        if (Number.isNaN(value)) return null;
        return { value, type: Number, format: column === 'lon' || column === 'lat' ? '0.000000' : '0' };
      }),
    );
  }
  return sheet;
}

/**
 * The notes of a gap export: the line naming each layer's source first, then `notes`. A line in
 * `notes` marking the whole file as sample (`wholeFileSampleNote`) stays only when every layer
 * with data is the sample; otherwise the source line says which layers are.
 */
export function gapNotes(
  layers: readonly LayerSourceName[],
  words: SourceNoteWords,
  notes: readonly string[],
  wholeFileSampleNote: string,
): string[] {
  const loaded = layers.filter((layer) => layer.source);
  const allSample = loaded.length > 0 && loaded.every((layer) => layer.source!.kind === 'sample');
  return [sourceNote(layers, words), ...notes.filter((note) => allSample || note !== wholeFileSampleNote)];
}
