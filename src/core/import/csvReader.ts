// CSV text to a table, within the import limits (limits.ts): the parse stops at the first row wider
// than MAX_COLUMNS or past MAX_ROWS, and a cell over MAX_CELL_CHARS is clipped as soon as it is
// read, so a hostile file costs no more than its own text. Otherwise as io/table.ts's parseCsv:
// delimiter guessed by Papa Parse, blank rows skipped, each row numbered by the line it starts on.
import Papa from 'papaparse';
import type { ImportedTable } from './importedTable';
import { boundHeader, boundRow, MAX_ROWS, refuseLong } from './limits';
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

/** `onProgress` receives the share of the text read (0–1), every 10,000 rows. */
export function readCsv(text: string, file: string, onProgress?: (fraction: number) => void): ImportedTable {
  let header: string[] | undefined;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const rowProblems: Problem[] = [];
  let previousCursor = 0,
    line = 1,
    stopped: (() => never) | undefined,
    quoteRow: number | undefined,
    reportedAt = -1;
  Papa.parse<string[]>(text, {
    skipEmptyLines: true,
    step: (result, parser) => {
      if (onProgress && rows.length % 10_000 === 0 && rows.length !== reportedAt) {
        reportedAt = rows.length;
        onProgress(result.meta.cursor / text.length);
      }
      // The row starts after any blank lines skipped since the previous row.
      let start = previousCursor;
      while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
      line += countLineBreaks(text, previousCursor, start);
      const rowNumber = line;
      line += countLineBreaks(text, start, result.meta.cursor);
      previousCursor = result.meta.cursor;
      const cells = result.data;
      if (cells.every((cell) => cell.trim() === '')) return; // a row of empty cells holds nothing
      if (result.errors.some((e) => e.type === 'Quotes')) quoteRow ??= rowNumber;
      try {
        if (!header) {
          boundHeader(file, cells);
          header = cells.map((h) => h.trim());
          return;
        }
        if (rows.length === MAX_ROWS) {
          // Past the limit: the rest is counted by its lines, not parsed.
          const rest = countLineBreaks(text, result.meta.cursor, text.length);
          refuseLong(file, rows.length + 1 + rest, true);
        }
        boundRow(file, cells, rowNumber, header, rowProblems);
      } catch (e) {
        stopped = () => {
          throw e;
        };
        parser.abort();
        return;
      }
      rows.push(cells);
      rowNumbers.push(rowNumber);
    },
  });
  stopped?.();
  if (quoteRow !== undefined) fail(file, 'unclosed-quote', { row: quoteRow });
  if (!header) fail(file, 'no-header');
  return { header, rows, rowNumbers, format: 'csv', rowProblems };
}
