// What the command line tells a person on stderr about the files it read, in one place so the
// order is fixed: per file its format and encoding, every skipped row (one line each: file, row,
// column, reason), one line for the points outside Guizhou; then the commands' notes; last, when
// rows were skipped, how many were skipped and how many used.
//
// Rules:
// - Rows outside Guizhou are used (counted as "outside"), not skipped: one summary line with the
//   count and the first few row numbers, never a line per point; --list-outside writes them all.
// - Lines hold file contents verbatim; atlas.ts escapes control characters when printing.
import { csvCell } from '../core/io/csv';

export interface RowIssue {
  row: number;
  problems: Array<{ column?: string; message: string }>;
}

export interface OutsideRow {
  row: number;
  lon: string;
  lat: string;
}

export interface FileReport {
  file: string;
  /** "CSV, encoding: UTF-8" and the like. */
  description: string;
  skipped: RowIssue[];
  used: number;
  outside: OutsideRow[];
}

const OUTSIDE_ROWS_SHOWN = 5;
const present = (line: string | null) => (line === null ? [] : [line]);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function issueLine(file: string, issue: RowIssue): string {
  const reasons = issue.problems.map((p) =>
    p.column === undefined ? p.message : `column ${p.column}: ${p.message}`,
  );
  const separator = issue.problems[0]?.column === undefined ? ': ' : ', ';
  return `${file} row ${issue.row}${separator}${reasons.join('; ')}`;
}

export class Report {
  readonly files: FileReport[] = [];
  readonly notes: string[] = [];

  constructor(private readonly listOutsidePath?: string) {}

  addFile(report: FileReport): FileReport {
    this.files.push(report);
    return report;
  }

  note(line: string): void {
    this.notes.push(line);
  }

  private outsideLine({ file, outside }: FileReport): string | null {
    if (outside.length === 0) return null;
    const shown = outside.slice(0, OUTSIDE_ROWS_SHOWN).map((r) => r.row);
    const rows = `${outside.length === 1 ? 'row' : 'rows'} ${shown.join(', ')}${outside.length > shown.length ? ', …' : ''}`;
    const all = this.listOutsidePath
      ? `; listed in ${this.listOutsidePath}`
      : outside.length > shown.length
        ? '; --list-outside FILE lists them all'
        : '';
    return `${file}: ${plural(outside.length, 'point')} outside Guizhou, counted as outside (${rows})${all}`;
  }

  /** Per-file lines: description, skipped rows in row order, the outside summary. */
  fileLines(): string[] {
    return this.files.flatMap((f) => [
      `${f.file}: ${f.description}`,
      ...[...f.skipped].sort((a, b) => a.row - b.row).map((issue) => issueLine(f.file, issue)),
      ...present(this.outsideLine(f)),
    ]);
  }

  /** "3 rows skipped; 997 used", with a per-file split when there are several files; null when none was skipped. */
  summaryLine(): string | null {
    const skipped = this.files.reduce((n, f) => n + f.skipped.length, 0);
    if (skipped === 0) return null;
    const used = this.files.reduce((n, f) => n + f.used, 0);
    const split =
      this.files.length > 1
        ? ` (${this.files.map((f) => `${f.file}: ${f.skipped.length} skipped, ${f.used} used`).join('; ')})`
        : '';
    return `${plural(skipped, 'row')} skipped; ${used} used${split}`;
  }

  lines(): string[] {
    return [...this.fileLines(), ...this.notes, ...present(this.summaryLine())];
  }

  /** The --list-outside file: every point outside Guizhou, with a file column when several files were read. */
  outsideCsv(): string {
    const withFile = this.files.length > 1;
    const header = withFile ? ['file', 'row', 'lon', 'lat'] : ['row', 'lon', 'lat'];
    const rows = this.files.flatMap((f) =>
      f.outside.map((r) => [...(withFile ? [f.file] : []), String(r.row), r.lon, r.lat]),
    );
    return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\n') + '\n';
  }
}
