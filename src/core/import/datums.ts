// Which datum an import's coordinates are in, and which one an import starts with: names and rules
// only, so the page can show and store the choice without the transforms (datum.ts, gcoord).
// A datum is preselected only when the file states it (mapping.ts guessDatum reads the column
// names, the file name, a .prj, KML's rule): coordinates alone cannot tell WGS84 from GCJ-02, so a
// default would place a hurried GCJ-02 import ~500 m off without a word.

/** The datums coordinates arrive in: WGS84 (and CGCS2000), GCJ-02 (高德/腾讯), BD-09 (百度). */
export type Datum = 'wgs84' | 'gcj02' | 'bd09';
export const DATUMS: readonly Datum[] = ['wgs84', 'gcj02', 'bd09'];

/** What a datum guess rests on (mapping.ts DatumGuess); 'default' means the file says nothing. */
export type DatumBasis = 'column-name' | 'file-name' | 'crs' | 'format' | 'default';

/** The datum to preselect: the one the file states, or null when the user has to choose. */
export function statedDatum(guess: { datum: Datum; basis: DatumBasis }): Datum | null {
  return guess.basis === 'default' ? null : guess.datum;
}

/**
 * The datum the rows are checked and stored in, or null while the choice is still missing. Rows
 * without coordinate columns need none (nothing is transformed): they are stored as WGS84.
 */
export function datumForImport(chosen: Datum | null, hasCoordinates: boolean): Datum | null {
  return hasCoordinates ? chosen : (chosen ?? 'wgs84');
}
