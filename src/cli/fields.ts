// The fields commands read beyond position, from the rows in use: build year, technology and band
// of stations, a weight. Columns are found as the import dialog finds them for a station layer
// (mapping.ts); cells are read with the importers' own readers (values.ts), so the command line
// and the app agree on what "2021-05-01", "LTE" or "n78" mean.
//
// Rules:
// - A cell that cannot be read makes a row issue (the row is dropped and reported, see
//   load.ts's dropRows), never the end of the command.
// - A blank build year is unknown (0): such a station counts whatever the year asked.
// - Technology comes from a technology column, else from the band's spelling; a station with
//   neither is 5G mid-band, and the command says so once.
import { bandClassCode, parseBand } from '../core/coverage/radius';
import { guessMapping } from '../core/import/mapping';
import { englishMessage, type Problem } from '../core/import/problems';
import { INVALID, MAX_YEAR, MIN_YEAR, readTechnology, readYear } from '../core/import/values';
import type { RowsInUse } from './load';
import type { RowIssue } from './report';

export type Issues = Map<number, RowIssue['problems']>;

export function addIssue(issues: Issues, index: number, column: string, message: string): void {
  issues.set(index, [...(issues.get(index) ?? []), { column, message }]);
}

const message = (code: Problem['code'], params: Problem['params']) => englishMessage({ code, params });

/** Station columns as the import dialog guesses them for a layer of 4G and 5G stations. */
export function stationFieldColumns(header: readonly string[]) {
  const mapping = guessMapping(header, 'stations');
  return { band: mapping.band, technology: mapping.technology, buildYear: mapping.buildYear };
}

/** Keeps the values of rows without issues, in step with dropRows. */
export function withoutIssues<T extends Uint8Array | Int16Array | Float64Array>(
  values: T,
  issues: Issues,
): T {
  return issues.size === 0 ? values : (values.filter((_, i) => !issues.has(i)) as T);
}

/** Each row's build year (0 when blank) from `column`, into `issues` where it is not a year. */
export function readBuildYears(table: RowsInUse, column: number, issues: Issues): Int16Array {
  const name = table.header[column];
  return Int16Array.from(table.rowNumbers, (_, i) => {
    const text = table.cell(i, column).trim();
    if (text === '') return 0;
    const year = readYear(text);
    if (year === INVALID || year === null) addIssue(issues, i, name, message('not-a-year', { value: text }));
    else if (year < MIN_YEAR || year > MAX_YEAR)
      addIssue(issues, i, name, message('year-out-of-range', { value: year, min: MIN_YEAR, max: MAX_YEAR }));
    else return year;
    return 0;
  });
}

/** Each row's band class code: from the band (with the row's technology as hint), else the technology. */
export function readBandClasses(
  table: RowsInUse,
  columns: { band?: number; technology?: number },
  byBand: boolean,
  issues: Issues,
): Uint8Array {
  const { band, technology } = columns;
  return Uint8Array.from(table.rowNumbers, (_, i) => {
    const techText = technology === undefined ? '' : table.cell(i, technology).trim();
    const tech = techText === '' ? null : readTechnology(techText);
    if (technology !== undefined && tech === INVALID) {
      addIssue(issues, i, table.header[technology], message('unknown-technology', { value: techText }));
      return 0;
    }
    if (technology !== undefined && tech === null && band === undefined) {
      addIssue(issues, i, table.header[technology], message('missing-value', { field: 'technology' }));
      return 0;
    }
    const known = tech === INVALID ? null : tech;
    const bandText = band === undefined ? '' : table.cell(i, band).trim();
    const parsed = band === undefined ? null : parseBand(bandText, known ?? undefined);
    if (band !== undefined && !parsed && (byBand || !known)) {
      addIssue(
        issues,
        i,
        table.header[band],
        `band "${bandText}" is not recognised (e.g. n78, n41, n28, FDD1800, B3)`,
      );
      return 0;
    }
    return bandClassCode(parsed ?? (known === '4G' ? '4G-mid' : '5G-mid'));
  });
}
