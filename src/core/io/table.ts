// A file's rows as a plain table of strings, whatever its format, with each row's number as the user
// sees it: the spreadsheet row for CSV (header = row 1). The CSV parser is here; the other formats'
// readers are in import/ and return the same Table.
import Papa from 'papaparse';

export interface Table {
  header: string[];
  rows: string[][];
  rowNumbers: number[];
}

/** Parameters of an error or problem, for a message in the user's language. */
export type ProblemParams = Record<string, string | number>;

/**
 * A file that cannot be read as asked. `code` and `params` let the app show the reason in the
 * user's language; `message` is English, for the CLI and logs.
 */
export class InputError extends Error {
  readonly code: string;
  readonly params: ProblemParams;
  constructor(
    readonly file: string,
    message: string,
    readonly row?: number,
    readonly column?: string,
    detail?: { code: string; params?: ProblemParams },
  ) {
    super(
      `${file}${row === undefined ? '' : ` row ${row}`}${column === undefined ? '' : `, column ${column}`}: ${message}`,
    );
    this.name = 'InputError';
    this.code = detail?.code ?? 'invalid-input';
    this.params = detail?.params ?? {};
  }
}

/** `onProgress` receives the share of the text read (0–1), every 10,000 rows. */
export function parseCsv(text: string, file: string, onProgress?: (fraction: number) => void): Table {
  const records: string[][] = [];
  const lineNumbers: number[] = [];
  let previousCursor = 0,
    line = 1;
  const countLines = (from: number, to: number) => {
    for (let i = from; i < to; i++)
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
  };
  let quoteError: Papa.ParseError | undefined;
  Papa.parse<string[]>(text, {
    skipEmptyLines: true,
    step: (result) => {
      if (onProgress && records.length % 10_000 === 0) onProgress(result.meta.cursor / text.length);
      // The row starts after any blank lines that were skipped since the previous row.
      let start = previousCursor;
      while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
      countLines(previousCursor, start);
      lineNumbers.push(line);
      countLines(start, result.meta.cursor);
      previousCursor = result.meta.cursor;
      if (result.data.every((cell) => cell.trim() === '')) {
        lineNumbers.pop();
        return;
      } // a row of empty cells holds nothing
      records.push(result.data);
      quoteError ??= result.errors.find((e) => e.type === 'Quotes');
    },
  });
  if (quoteError) {
    const row = lineNumbers[lineNumbers.length - 1];
    throw new InputError(file, `unclosed quote (${quoteError.message})`, row, undefined, {
      code: 'unclosed-quote',
      params: { row },
    });
  }
  const [header, ...rows] = records;
  if (!header || header.every((h) => h.trim() === ''))
    throw new InputError(file, 'the file is empty or has no header row', undefined, undefined, {
      code: 'no-header',
    });
  return { header: header.map((h) => h.trim()), rows, rowNumbers: lineNumbers.slice(1) };
}
