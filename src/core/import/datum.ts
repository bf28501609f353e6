// Coordinates from the file's datum to WGS84, the app's one internal datum (DATA.md: operators'
// surveys and Tianditu/OSM use WGS84 or CGCS2000, within centimetres of each other), and which
// datum an import starts with.
//
// Rules: gcoord does the transforms (GCJ-02's published algorithm; its inverse is iterative, good
// to well under a metre over Guizhou — the tests hold it to 1 m). A point with a NaN coordinate
// becomes NaN, NaN: a row without coordinates is not a point at (0, 0), nor half of one.
// A datum is preselected only when the file states it (mapping.ts guessDatum reads the column
// names, the file name, a .prj, KML's rule): coordinates alone cannot tell WGS84 from GCJ-02, so a
// default would place a hurried GCJ-02 import ~500 m off without a word.
import gcoord from 'gcoord';

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

const CRS = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** One point to WGS84, as [lon, lat]. */
export function pointToWgs84(lon: number, lat: number, datum: Datum): [number, number] {
  if (Number.isNaN(lon) || Number.isNaN(lat)) return [NaN, NaN];
  if (datum === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], CRS[datum], gcoord.WGS84);
  return [x, y];
}

/** One WGS84 point to another datum, as [lon, lat] (for tests and exports in the user's datum). */
export function pointFromWgs84(lon: number, lat: number, datum: Datum): [number, number] {
  if (Number.isNaN(lon) || Number.isNaN(lat)) return [NaN, NaN];
  if (datum === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], gcoord.WGS84, CRS[datum]);
  return [x, y];
}

/** Columns of coordinates to WGS84, as new arrays. */
export function toWgs84(
  lon: Float64Array,
  lat: Float64Array,
  datum: Datum,
): { lon: Float64Array; lat: Float64Array } {
  const outLon = new Float64Array(lon.length),
    outLat = new Float64Array(lat.length);
  for (let i = 0; i < lon.length; i++) [outLon[i], outLat[i]] = pointToWgs84(lon[i], lat[i], datum);
  return { lon: outLon, lat: outLat };
}

const EARTH_RADIUS_METERS = 6_371_008.8;

export function haversineMeters(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const radians = Math.PI / 180;
  const dLat = (lat2 - lat1) * radians,
    dLon = (lon2 - lon1) * radians;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * radians) * Math.cos(lat2 * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
}
