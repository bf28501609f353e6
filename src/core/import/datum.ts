// Coordinates from the file's datum to WGS84, the app's one internal datum (DATA.md: operators'
// surveys and Tianditu/OSM use WGS84 or CGCS2000, within centimetres of each other), and which
// datum an import starts with.
//
// Rules: gcoord does the transforms (GCJ-02's published algorithm; its inverse is iterative, good
// to well under a metre over Guizhou — the tests hold it to 1 m). A point with a NaN coordinate
// becomes NaN, NaN: a row without coordinates is not a point at (0, 0), nor half of one.
// The datums' names and the preselection rule are in datums.ts.
import gcoord from 'gcoord';
import type { Datum } from './datums';

export { DATUMS, datumForImport, statedDatum, type Datum, type DatumBasis } from './datums';

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
