// The columnar dataset an import produces, stored and drawn later: one typed array per column,
// categories dictionary-encoded, so 200,000 stations are a handful of arrays that move between
// threads by transfer. Also the CSV of rejected rows that a user fixes and imports again.
//
// Rules:
// - Every column has rowCount values. lon/lat are WGS84 and NaN when a row has no position (a
//   village known by its code only); county is the index into the county list, −1 when unknown.
// - Flags are 1 yes, 0 no, 255 unknown (the value storage and export expect).
// - Columns of the file that no field uses are kept as text under `extra`, by their header name.
import { englishMessage, type Problem } from './problems';
import type { DatasetKind } from './mapping';
import { csvCell } from '../io/csv';

import { FLAG_UNKNOWN } from '../flags';

export { FLAG_UNKNOWN };

export interface CategoricalColumn {
  codes: Uint32Array;
  labels: string[];
}

export interface ImportedDataset {
  layer: DatasetKind;
  rowCount: number;
  lon: Float64Array;
  lat: Float64Array;
  county: Int16Array;
  categorical: Record<string, CategoricalColumn>;
  numeric: Record<string, Float64Array>;
  flags: Record<string, Uint8Array>;
  text: Record<string, string[]>;
  extra: Record<string, string[]>;
  /** The user's row number of each accepted row, to point back into the file. */
  sourceRowNumbers: Uint32Array;
}

/**
 * Appends accepted rows; capacity is the file's row count, trimmed by finish(). A column's storage is
 * made when its first setter is, so a column left empty costs nothing until finish() makes it at the
 * final length: a million rows of a field the file lacks are one fill, not a fill and a copy.
 */
export class DatasetBuilder {
  rowCount = 0;
  private readonly lon: Float64Array;
  private readonly lat: Float64Array;
  private readonly county: Int16Array;
  private readonly sourceRowNumbers: Uint32Array;
  private readonly categorical = new Map<
    string,
    { codes: Uint32Array; index: Map<string, number>; labels: string[] } | undefined
  >();
  private readonly numeric = new Map<string, Float64Array | undefined>();
  private readonly flags = new Map<string, Uint8Array | undefined>();
  private readonly text = new Map<string, string[] | undefined>();
  private readonly extra = new Map<string, string[] | undefined>();
  /** Columns empty in every row (a field without a column in the file): made whole by finish(). */
  private readonly empty = new Set<string>();

  /**
   * `positions`: arrays of `capacity` to write the rows' positions into instead of new ones — the
   * file's positions read ahead (plainPoints.ts), which a row then overwrites: the dataset's row k
   * is written once row k of the file has been read, and an accepted row is never before its file
   * row.
   */
  constructor(
    readonly layer: DatasetKind,
    private readonly capacity: number,
    positions?: { lon: Float64Array; lat: Float64Array; county: Int16Array },
  ) {
    if (positions && positions.lon.length !== capacity)
      throw new RangeError(`positions for ${positions.lon.length} rows, not ${capacity}`);
    this.lon = positions?.lon ?? new Float64Array(capacity);
    this.lat = positions?.lat ?? new Float64Array(capacity);
    this.county = positions?.county ?? new Int16Array(capacity);
    this.sourceRowNumbers = new Uint32Array(capacity);
  }

  declareCategorical(name: string) {
    this.categorical.set(name, undefined);
  }
  declareNumeric(name: string) {
    this.numeric.set(name, undefined);
  }
  declareFlag(name: string) {
    this.flags.set(name, undefined);
  }
  declareText(name: string) {
    this.text.set(name, undefined);
  }
  declareExtra(name: string) {
    this.extra.set(name, undefined);
  }

  /** Starts a row; the setters below fill the current one (rowCount − 1). */
  addRow(sourceRowNumber: number, lon: number, lat: number, county: number): void {
    const i = this.rowCount++;
    this.lon[i] = lon;
    this.lat[i] = lat;
    this.county[i] = county;
    this.sourceRowNumbers[i] = sourceRowNumber;
  }
  setCategory(name: string, label: string): void {
    this.categorySetter(name)(label);
  }
  setNumber(name: string, value: number): void {
    this.numberSetter(name)(value);
  }
  setFlag(name: string, value: number): void {
    this.flagSetter(name)(value);
  }
  setText(name: string, value: string): void {
    this.textSetter(name)(value);
  }
  setExtra(name: string, value: string): void {
    this.extraSetter(name)(value);
  }

  /**
   * Declares column `name` empty in every row, so no row sets it: a category of one label '', no
   * number, an unknown flag, an empty text.
   */
  leaveEmpty(name: string): void {
    this.empty.add(name);
  }

  // The setters above for one column, its name looked up once: for a million rows.
  categorySetter(name: string): (label: string) => void {
    const column = this.stored(this.categorical, name, () => ({
      codes: new Uint32Array(this.capacity),
      index: new Map<string, number>(),
      labels: [],
    }));
    return (label) => {
      let code = column.index.get(label);
      if (code === undefined) {
        code = column.labels.length;
        column.labels.push(label);
        column.index.set(label, code);
      }
      column.codes[this.rowCount - 1] = code;
    };
  }
  numberSetter(name: string): (value: number) => void {
    const column = this.stored(this.numeric, name, () => emptyNumbers(this.capacity));
    return (value) => void (column[this.rowCount - 1] = value);
  }
  flagSetter(name: string): (value: number) => void {
    const column = this.stored(this.flags, name, () => unknownFlags(this.capacity));
    return (value) => void (column[this.rowCount - 1] = value);
  }
  textSetter(name: string): (value: string) => void {
    const column = this.stored(this.text, name, () => new Array<string>(this.capacity));
    return (value) => void (column[this.rowCount - 1] = value);
  }
  extraSetter(name: string): (value: string) => void {
    const column = this.stored(this.extra, name, () => new Array<string>(this.capacity));
    return (value) => void (column[this.rowCount - 1] = value);
  }

  /** A declared column's storage, made at full capacity the first time it is asked for. */
  private stored<T>(columns: Map<string, T | undefined>, name: string, make: () => T): T {
    if (!columns.has(name)) throw new Error(`column ${name} was not declared`);
    let column = columns.get(name);
    if (column === undefined) columns.set(name, (column = make()));
    return column;
  }

  finish(): ImportedDataset {
    const n = this.rowCount;
    const record = <T, U>(map: Map<string, T>, f: (value: T, name: string) => U) =>
      Object.fromEntries([...map].map(([name, value]) => [name, f(value, name)]));
    // Arrays made at capacity are cut to the rows accepted; when every row was, they are kept whole.
    const cut = <A extends { length: number; slice(start: number, end: number): A }>(a: A) =>
      a.length === n ? a : a.slice(0, n);
    /** Texts made at capacity lose their unused end in place (an array, not a copy). */
    const cutText = (text: string[] | undefined) => {
      if (text === undefined) return new Array<string>(n).fill('');
      text.length = n;
      return text;
    };
    return {
      layer: this.layer,
      rowCount: n,
      lon: cut(this.lon),
      lat: cut(this.lat),
      county: cut(this.county),
      categorical: record(this.categorical, (c, name) => ({
        codes: c ? cut(c.codes) : new Uint32Array(n),
        labels: this.empty.has(name) && n > 0 ? [''] : (c?.labels ?? []),
      })),
      numeric: record(this.numeric, (a) => (a ? cut(a) : emptyNumbers(n))),
      flags: record(this.flags, (a) => (a ? cut(a) : unknownFlags(n))),
      text: record(this.text, cutText),
      extra: record(this.extra, cutText),
      sourceRowNumbers: cut(this.sourceRowNumbers),
    };
  }
}

const emptyNumbers = (length: number) => new Float64Array(length).fill(NaN);
const unknownFlags = (length: number) => new Uint8Array(length).fill(FLAG_UNKNOWN);

export interface RejectedRow {
  /** Index into the table's rows. */
  rowIndex: number;
  row: string[];
  problems: Problem[];
}

/**
 * The rejected rows as CSV: the file's columns as they were, then the row number and the reasons
 * (joined with "; "). Text is written verbatim, quoted where CSV needs it; with a BOM so Excel in
 * China opens the Chinese correctly.
 */
export function rejectedRowsCsv(
  header: readonly string[],
  rejected: readonly RejectedRow[],
  localise: (problem: Problem) => string = defaultLocalise,
  labels: { row: string; reason: string } = { row: 'row', reason: 'reason' },
): string {
  const lines = [[...header, labels.row, labels.reason].map(csvCell).join(',')];
  for (const { row, problems } of rejected) {
    const cells = header.map((_, c) => row[c] ?? '');
    lines.push(
      [...cells, String(problems[0]?.row ?? ''), problems.map(localise).join('; ')].map(csvCell).join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** English, without the row (the row has its own column). */
const defaultLocalise = (problem: Problem) => englishMessage({ ...problem, row: undefined });
