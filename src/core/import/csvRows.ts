// Where the rows of a CSV text lie, found in one pass without making a string per cell: the rows
// Papa Parse would step through, with the same cells, so what a reader of a few columns takes from
// the text (rowCells.ts) is what Papa Parse would have given. The import's fast path; the general
// path gives every row to Papa Parse (forEachCsvRow's `general`), and the tests hold both to the
// same tables.
//
// Rules relied on (Papa Parse 5):
// - The delimiter and the line break are Papa Parse's own guesses, made by Papa Parse on the part of
//   the text its guesses read; only its line-break rule for a text without quotes is restated here
//   (it would otherwise split the whole text to guess). One byte order mark at the start is not
//   part of the text Papa Parse reads (positions here count from after it).
// - A row without a quote character is its text up to the next line break, split at the delimiter,
//   whichever of its two modes Papa Parse is in. A row holding a quote is read by Papa Parse itself,
//   from that row on, until no quote is near: a row is read the same wherever Papa Parse starts, and
//   a row it reads up to the end of the slice it was given is read again from a longer one.
// - Papa Parse's `skipEmptyLines: true` drops a row whose text is empty (one empty cell), no other.
import Papa from 'papaparse';

export interface CsvLayout {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
}

/** Papa Parse guesses the line break from the first megabyte of its input. */
const GUESSED_CHARS = 1024 * 1024;
/** Its delimiter guess reads the first ten rows. */
const GUESSED_ROWS = 10;

/** Papa Parse's guesses for `input`, made by Papa Parse (with `newline`, only the delimiter is guessed). */
function guess(input: string, newline?: CsvLayout['newline']): CsvLayout {
  // Papa Parse takes one byte order mark off its input: a second one is part of the text.
  const given = input.charCodeAt(0) === 0xfeff ? '\uFEFF' + input : input;
  const { meta } = Papa.parse<string[]>(given, { skipEmptyLines: true, preview: 1, newline });
  return { delimiter: meta.delimiter, newline: meta.linebreak as CsvLayout['newline'] };
}

/**
 * Papa Parse's line-break guess (guessLineEndings) for a text without quotes: LF unless a CR comes
 * first in the first megabyte, then CR LF when at least half the pieces between CRs start with LF.
 */
function lineBreakWithoutQuotes(text: string): CsvLayout['newline'] {
  const start = text.length > GUESSED_CHARS ? text.slice(0, GUESSED_CHARS) : text;
  const firstCr = start.indexOf('\r'),
    firstLf = start.indexOf('\n');
  if (firstCr === -1 || (firstLf !== -1 && firstLf < firstCr)) return '\n';
  let crs = 0,
    crLfs = 0;
  for (let at = firstCr; at !== -1; at = start.indexOf('\r', at + 1)) {
    crs++;
    if (start.charCodeAt(at + 1) === 0x0a) crLfs++;
  }
  return crLfs >= (crs + 1) / 2 ? '\r\n' : '\r';
}

/** The delimiter and line break Papa Parse reads `text` with (`text` without its byte order mark). */
export function csvLayout(text: string): CsvLayout {
  // With a quote, Papa Parse reads ten rows to guess and stops.
  if (text.indexOf('"') !== -1) return guess(text);
  // Without, it splits all of its input at every line break, seven times: it is given its first
  // ten rows, all its delimiter guess reads, once the line break is known.
  const newline = lineBreakWithoutQuotes(text);
  let end = 0;
  for (let row = 0; row < GUESSED_ROWS && end !== -1; row++) {
    end = text.indexOf(newline, end);
    if (end !== -1) end += newline.length;
  }
  return guess(end === -1 ? text : text.slice(0, end), newline);
}

/** One row as Papa Parse steps it (a reused object: copy what you keep). */
export interface CsvRow {
  /** Where the row's text begins (blank lines before it included for a row Papa Parse read). */
  start: number;
  /** Where its text ends, before the line break (for a row Papa Parse read: `next`). */
  end: number;
  /** Where the next row begins. */
  next: number;
  /** The cells when Papa Parse read the row; null when they are text[start, end) split at the delimiter. */
  cells: string[] | null;
  /** Papa Parse found a quote problem in the row (a quote never closed, or text after a closing one). */
  quoteProblem: boolean;
}

/** Papa Parse goes on reading while the next quote is this close. */
const QUOTE_GAP_CHARS = 65_536;
/** Papa Parse is given this much text at a time, twice as much again while a row runs past its end. */
const PAPA_SLICE_CHARS = 1 << 20;

const isEmptyRow = (cells: string[]) => cells.length === 1 && cells[0].length === 0;
const hasQuoteProblem = (errors: Papa.ParseError[]) => errors.some((e) => e.type === 'Quotes');

/** Where a character next occurs at or after a place: the text is searched once for places that only move on. */
export class NextPlace {
  private at = -1;
  private searchedFrom = 0;
  constructor(
    private readonly text: string,
    private readonly part: string,
  ) {}
  /** The next place at or after `position`; Infinity when there is none. */
  from(position: number): number {
    if (position < this.searchedFrom || (this.at < position && this.at !== Infinity)) {
      this.searchedFrom = position;
      const at = this.text.indexOf(this.part, position);
      this.at = at === -1 ? Infinity : at;
    }
    return this.at;
  }
}

/**
 * Calls `visit` with every row Papa Parse would step through `text` with `skipEmptyLines: true`,
 * in order, until it returns false. `general`: Papa Parse reads every row, as Papa.parse(`original`)
 * does — `original` being the text with its byte order mark, if it had one.
 */
export function forEachCsvRow(
  text: string,
  layout: CsvLayout,
  visit: (row: CsvRow) => boolean,
  general?: { original: string },
): void {
  const row: CsvRow = { start: 0, end: 0, next: 0, cells: null, quoteProblem: false };
  if (general) {
    let previous = 0;
    Papa.parse<string[]>(general.original, {
      skipEmptyLines: true,
      step: (result, parser) => {
        row.start = previous;
        row.end = row.next = previous = result.meta.cursor;
        row.cells = result.data;
        row.quoteProblem = hasQuoteProblem(result.errors);
        if (!visit(row)) parser.abort();
      },
    });
    return;
  }

  const { delimiter, newline } = layout;
  const length = text.length;
  const quotes = new NextPlace(text, '"');
  /**
   * Papa Parse reads from `start` while quotes are near; returns the place after its last row, or
   * -1 when `visit` stopped. A row reaching the end of the slice Papa Parse was given may go on
   * past it: it is read again from a slice twice as long.
   */
  const readWithPapa = (start: number): number => {
    let from = start;
    for (let chars = PAPA_SLICE_CHARS; ; chars *= 2) {
      const sliceEnd = Math.min(length, from + chars);
      let resume = from,
        outcome = 'read' as 'read' | 'cut' | 'stopped';
      const parser: Papa.Parser = new Papa.Parser({
        delimiter,
        newline,
        step: (result: Papa.ParseStepResult<string[][]>) => {
          const next = from + result.meta.cursor;
          if (next === sliceEnd && sliceEnd < length) {
            outcome = 'cut';
            parser.abort();
            return;
          }
          const cells = result.data[0];
          if (!isEmptyRow(cells)) {
            row.start = resume;
            row.end = row.next = next;
            row.cells = cells;
            row.quoteProblem = hasQuoteProblem(result.errors);
            if (!visit(row)) {
              outcome = 'stopped';
              parser.abort();
              return;
            }
          }
          resume = next;
          if (quotes.from(next) - next > QUOTE_GAP_CHARS) parser.abort();
        },
      });
      parser.parse(text.slice(from, sliceEnd), 0, false);
      if (outcome === 'stopped') return -1;
      if (outcome === 'read') return resume;
      from = resume;
    }
  };

  let position = 0;
  while (position < length) {
    let end = text.indexOf(newline, position);
    if (end === -1) end = length;
    if (quotes.from(position) < end) {
      position = readWithPapa(position);
      if (position === -1) return;
      continue;
    }
    const next = end === length ? length : end + newline.length;
    if (end > position) {
      row.start = position;
      row.end = end;
      row.next = next;
      row.cells = null;
      row.quoteProblem = false;
      if (!visit(row)) return;
    }
    position = next;
  }
}

/**
 * The data rows of a CSV table, kept as places in its text: a million rows of strings cost more
 * than the rest of an import, so cells are made only when asked for. Rows Papa Parse read (quotes)
 * and rows with a clipped cell keep their cells.
 */
export class CsvRows {
  constructor(
    /** The text as Papa Parse reads it (no byte order mark). */
    readonly text: string,
    readonly delimiter: string,
    /** Each row's place in the text (see CsvRow). */
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
    /** Cells of the rows that are not their text split at the delimiter, by row index. */
    readonly cellsOf: ReadonlyMap<number, string[]>,
  ) {}

  get length(): number {
    return this.starts.length;
  }

  /** Row `i`'s cells, as Papa Parse gives them. */
  cells(i: number): string[] {
    return this.cellsOf.get(i) ?? this.text.substring(this.starts[i], this.ends[i]).split(this.delimiter);
  }

  /** Cell `c` of row `i` ('' past the row's end), without making the row's other cells. */
  cell(i: number, c: number): string {
    const cells = this.cellsOf.get(i);
    if (cells) return cells[c] ?? '';
    const { text } = this;
    const delimiter = this.delimiter.charCodeAt(0),
      end = this.ends[i];
    let start = this.starts[i];
    for (let k = 0; k < c; k++) {
      while (start < end && text.charCodeAt(start) !== delimiter) start++;
      if (start === end) return '';
      start++;
    }
    let stop = start;
    while (stop < end && text.charCodeAt(stop) !== delimiter) stop++;
    return text.substring(start, stop);
  }

  all(): string[][] {
    const rows = new Array<string[]>(this.length);
    for (let i = 0; i < rows.length; i++) rows[i] = this.cells(i);
    return rows;
  }

  /** Indexes of the rows whose text holds one of `parts`, in order (each found by its place). */
  rowsHolding(parts: readonly string[]): number[] {
    const found = new Set<number>();
    for (const part of parts) {
      let i = 0;
      for (let at = this.text.indexOf(part); at !== -1;) {
        while (i < this.length && this.ends[i] <= at) i++;
        if (i === this.length) break;
        if (this.starts[i] <= at) found.add(i);
        at = this.text.indexOf(part, Math.max(at + 1, this.starts[i] <= at ? this.ends[i] : 0));
      }
    }
    return [...found].sort((a, b) => a - b);
  }
}

/**
 * A Uint32Array that grows as values are pushed: four times over, so a million values are copied
 * a third of a time on the way, and only the part written is ever touched (fresh memory costs more
 * than its copy).
 */
export class GrowingIndex {
  private values = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 4);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  /** The values pushed: a view of their first `length` places, not a copy. */
  finish(): Uint32Array {
    return this.values.subarray(0, this.length);
  }
}
