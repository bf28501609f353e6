// A table's rows as validation reads them, one row at a time: for a CSV table read on the fast path,
// from its text (the row's cells found in one scan, plain numbers read from the characters without
// making a string); for any other table, from its rows of strings.
//
// Rules relied on:
// - plainNumber is the number validation's coordinateNumber reads from the trimmed cell, or NaN when
//   it cannot tell so cheaply (then the cell's text decides). It reads [+|-] digits [. digits] with
//   at most 15 digits, surrounded by ASCII spaces at most: the digits m are then an exact double, and
//   so is 10^k, and one division rounds once, to the double nearest the decimal, as Number() does
//   (Clinger's fast path, the one engines use themselves).
// - Trimming is String.prototype.trim's: ASCII spaces are skipped here, anything else from U+0080 on at
//   either end is left to trim() itself.
import type { CsvRows } from './csvRows';
import { MAX_COLUMNS } from './limits';

export interface RowCells {
  /** Whether plainNumber can read numbers (else it always answers NaN). */
  readonly readsPlainNumbers: boolean;
  /** Moves to row `i`; the other methods read that row. */
  at(i: number): void;
  /** Cell `c` as the file has it ('' past the row's end). */
  raw(c: number): string;
  /** Cell `c`, trimmed. */
  trimmed(c: number): string;
  /** Whether cell `c` trims to nothing. */
  blank(c: number): boolean;
  /** Cell `c` as a plain decimal, or NaN when it is none (read its text then). */
  plainNumber(c: number): number;
  /** The row's cells as the file has them. */
  cells(): string[];
}

/** The general reader: rows of strings, every number read from its text. */
class ArrayCells implements RowCells {
  readonly readsPlainNumbers = false;
  private row: string[] = [];
  constructor(private readonly rows: string[][]) {}
  at(i: number): void {
    this.row = this.rows[i];
  }
  raw(c: number): string {
    return this.row[c] ?? '';
  }
  trimmed(c: number): string {
    return (this.row[c] ?? '').trim();
  }
  blank(c: number): boolean {
    return this.trimmed(c) === '';
  }
  plainNumber(): number {
    return NaN;
  }
  cells(): string[] {
    return this.row;
  }
}

const isAsciiSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);
/** 10^k for k ≤ 15, each an exact double. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);
const MAX_PLAIN_DIGITS = 15;

/** text[start, end) as a plain decimal (see the rules above), or NaN. */
export function plainNumber(text: string, start: number, end: number): number {
  while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  let i = start,
    negative = false;
  const first = text.charCodeAt(i);
  if (first === 0x2d || first === 0x2b) {
    negative = first === 0x2d;
    i++;
  }
  let digits = 0,
    fractionDigits = -1,
    value = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      value = value * 10 + (c - 0x30);
      digits++;
      if (fractionDigits >= 0) fractionDigits++;
    } else if (c === 0x2e && fractionDigits < 0 && digits > 0) fractionDigits = 0;
    else return NaN;
  }
  if (digits === 0 || digits > MAX_PLAIN_DIGITS || fractionDigits === 0) return NaN;
  if (fractionDigits > 0) value /= POWERS_OF_TEN[fractionDigits];
  return negative ? -value : value;
}

/** The fast reader: a CSV table's rows found in its text, each row's cells as far as they are asked for. */
class CsvCells implements RowCells {
  readonly readsPlainNumbers = true;
  private readonly text: string;
  private readonly delimiter: number;
  /** The current row's cells when Papa Parse read it, else undefined: its cells are in `bounds`. */
  private row: string[] | undefined;
  private index = 0;
  private end = 0;
  /** Start and end of the current row's cells found so far; where the next one starts (−1: none). */
  private readonly bounds = new Int32Array(2 * MAX_COLUMNS + 2);
  private found = 0;
  private nextStart = 0;

  constructor(private readonly csv: CsvRows) {
    this.text = csv.text;
    this.delimiter = csv.delimiter.charCodeAt(0);
  }

  at(i: number): void {
    this.index = i;
    this.row = this.csv.cellsOf.get(i);
    this.found = 0;
    this.nextStart = this.csv.starts[i];
    this.end = this.csv.ends[i];
  }

  /** Finds the current row's cells up to cell `c`; false when the row has no cell `c`. */
  private has(c: number): boolean {
    const { text, delimiter, bounds, end } = this;
    while (this.found <= c) {
      const start = this.nextStart;
      if (start < 0) return false;
      let p = start;
      while (p < end && text.charCodeAt(p) !== delimiter) p++;
      bounds[2 * this.found] = start;
      bounds[2 * this.found + 1] = p;
      this.found++;
      this.nextStart = p < end ? p + 1 : -1;
    }
    return true;
  }

  raw(c: number): string {
    if (this.row) return this.row[c] ?? '';
    return this.has(c) ? this.text.substring(this.bounds[2 * c], this.bounds[2 * c + 1]) : '';
  }

  trimmed(c: number): string {
    if (this.row) return (this.row[c] ?? '').trim();
    if (!this.has(c)) return '';
    const { text } = this;
    let start = this.bounds[2 * c],
      end = this.bounds[2 * c + 1];
    while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
    while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
    const cell = text.substring(start, end);
    return start < end && (text.charCodeAt(start) >= 0x80 || text.charCodeAt(end - 1) >= 0x80)
      ? cell.trim()
      : cell;
  }

  blank(c: number): boolean {
    if (this.row) return (this.row[c] ?? '').trim() === '';
    if (!this.has(c)) return true;
    const { text } = this;
    let start = this.bounds[2 * c];
    const end = this.bounds[2 * c + 1];
    while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
    if (start === end) return true;
    return text.charCodeAt(start) >= 0x80 && this.trimmed(c) === '';
  }

  plainNumber(c: number): number {
    if (this.row) {
      const cell = this.row[c];
      return cell === undefined ? NaN : plainNumber(cell, 0, cell.length);
    }
    return this.has(c) ? plainNumber(this.text, this.bounds[2 * c], this.bounds[2 * c + 1]) : NaN;
  }

  cells(): string[] {
    return this.row ?? this.csv.cells(this.index);
  }
}

/** The reader for a table: from the text when it was read on the CSV fast path. */
export function rowCells(table: { rows: string[][]; csv?: CsvRows }): RowCells {
  return table.csv ? new CsvCells(table.csv) : new ArrayCells(table.rows);
}
