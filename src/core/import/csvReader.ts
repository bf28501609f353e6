// CSV text to a table, within the import limits (limits.ts): the parse stops at the first row wider
// than MAX_COLUMNS or past MAX_ROWS, and a cell over MAX_CELL_CHARS is clipped as soon as it is
// read, so a hostile file costs no more than its own text. Otherwise as io/table.ts's parseCsv:
// delimiter guessed by Papa Parse, blank rows skipped, each row numbered by the line it starts on.
//
// Two paths, one table: the fast path (the app's and the CLI's) finds the rows in the text
// (csvRows.ts) and keeps them there, making cells only when asked for — `rows` is built on first
// use, while validation reads the text directly (rowCells.ts); the general path has Papa Parse make
// every cell, as before. Everything below the row source (line numbers, blank rows, limits, the
// header) is one code, so the two give the same rows, row numbers, problems and errors.
import type { ImportedTable } from './importedTable';
import { csvLayout, CsvRows, forEachCsvRow, GrowingIndex, NextPlace, type CsvRow } from './csvRows';
import {
  boundHeader,
  boundRow,
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  MAX_ROWS,
  refuseLong,
  refuseWide,
} from './limits';
import { fail, type Problem } from './problems';

/** Line breaks (LF, CR LF or lone CR) in text[from, to). */
function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) breaks++;
  }
  return breaks;
}

/** countLineBreaks, skipping in one step a range that holds neither CR nor LF (most rows' text). */
class LineBreaks {
  private readonly lf: NextPlace;
  private readonly cr: NextPlace;
  constructor(private readonly text: string) {
    this.lf = new NextPlace(text, '\n');
    this.cr = new NextPlace(text, '\r');
  }
  count(from: number, to: number): number {
    if (to <= from || (this.lf.from(from) >= to && this.cr.from(from) >= to)) return 0;
    return countLineBreaks(this.text, from, to);
  }
}

const isSpace = (c: number) =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x80 && /\s/.test(String.fromCharCode(c)));

/** Whether every cell of text[start, end) split at `delimiter` trims to nothing. */
function blankText(text: string, start: number, end: number, delimiter: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== delimiter && !isSpace(c)) return false;
  }
  return true;
}

/** Cells in text[start, end) split at `delimiter`. */
function cellCount(text: string, start: number, end: number, delimiter: number): number {
  let cells = 1;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === delimiter) cells++;
  return cells;
}

export interface CsvOptions {
  /** Share of the text read (0–1), every 10,000 rows. */
  onProgress?: (fraction: number) => void;
  /** Papa Parse makes every cell (the path before the fast one; for tests and benchmarks). */
  general?: boolean;
}

export function readCsv(text: string, file: string, options: CsvOptions = {}): ImportedTable {
  const { onProgress, general } = options;
  // Papa Parse reads the text without a byte order mark and numbers its places so; lines are
  // counted in `text` at those places, as they always were.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const layout = general ? { delimiter: ',', newline: '\n' as const } : csvLayout(body);
  const delimiterCode = layout.delimiter.charCodeAt(0);
  const lineBreaks = new LineBreaks(text);
  let header: string[] | undefined;
  const starts = new GrowingIndex(),
    ends = new GrowingIndex();
  const rowNumbers: number[] = [];
  const cellsOf = new Map<number, string[]>();
  /** The general path's rows. */
  const rows: string[][] = [];
  const rowProblems: Problem[] = [];
  let previousCursor = 0,
    line = 1,
    stopped: (() => never) | undefined,
    quoteRow: number | undefined,
    reportedAt = -1;

  const visit = (row: CsvRow): boolean => {
    const count = rowNumbers.length;
    if (onProgress && count % 10_000 === 0 && count !== reportedAt) {
      reportedAt = count;
      onProgress(row.next / text.length);
    }
    // The row starts after any blank lines skipped since the previous row.
    let start = previousCursor;
    for (let c = text.charCodeAt(start); c === 0x0a || c === 0x0d; c = text.charCodeAt(++start));
    line += lineBreaks.count(previousCursor, start);
    const rowNumber = line;
    line +=
      lineBreaks.count(start, Math.max(start, row.end)) +
      lineBreaks.count(Math.max(start, row.end), row.next);
    previousCursor = row.next;
    let cells = row.cells;
    // A row of empty cells holds nothing.
    if (
      cells ? cells.every((cell) => cell.trim() === '') : blankText(body, row.start, row.end, delimiterCode)
    )
      return true;
    if (row.quoteProblem) quoteRow ??= rowNumber;
    try {
      if (!header) {
        cells ??= body.substring(row.start, row.end).split(layout.delimiter);
        boundHeader(file, cells);
        header = cells.map((h) => h.trim());
        return true;
      }
      if (count === MAX_ROWS) {
        // Past the limit: the rest is counted by its lines, not parsed.
        const rest = countLineBreaks(text, row.next, text.length);
        refuseLong(file, count + 1 + rest, true);
      }
      const length = row.end - row.start;
      if (!cells && length > MAX_CELL_CHARS)
        cells = body.substring(row.start, row.end).split(layout.delimiter);
      if (cells) {
        const problems = rowProblems.length;
        boundRow(file, cells, rowNumber, header, rowProblems);
        if (general) rows.push(cells);
        else if (row.cells || rowProblems.length > problems) cellsOf.set(count, cells);
      } else if (length >= MAX_COLUMNS)
        refuseWide(file, cellCount(body, row.start, row.end, delimiterCode), rowNumber);
    } catch (e) {
      stopped = () => {
        throw e;
      };
      return false;
    }
    starts.push(row.start);
    ends.push(row.end);
    rowNumbers.push(rowNumber);
    return true;
  };
  forEachCsvRow(body, layout, visit, general ? { original: text } : undefined);

  stopped?.();
  if (quoteRow !== undefined) fail(file, 'unclosed-quote', { row: quoteRow });
  if (!header) fail(file, 'no-header');
  if (general) return { header, rows, rowNumbers, format: 'csv', rowProblems };
  const csv = new CsvRows(body, layout.delimiter, starts.finish(), ends.finish(), cellsOf);
  let built: string[][] | undefined;
  return {
    header,
    rowNumbers,
    format: 'csv',
    rowProblems,
    csv,
    /** Built on first use: the import itself reads `csv`. */
    get rows() {
      return (built ??= csv.all());
    },
  };
}
