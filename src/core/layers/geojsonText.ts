// GeoJSON text for MapLibre written straight from the columns: MapLibre's own worker parses it
// (given as a blob URL), so the page never holds one object per point.
//
// Rules relied on: coordinates are written to 5 decimals (about 1 m); rows without a position
// are left out (they still count in the figures); property names are one letter, listed in each
// layer's module, to keep 326,000 stations near 30 MB.

export const EMPTY_COLLECTION = '{"type":"FeatureCollection","features":[]}';

/** A point feature; `properties` is the JSON object's inside, already written. */
export const pointFeature = (lon: number, lat: number, properties: string) =>
  `{"type":"Feature","geometry":{"type":"Point","coordinates":[${lon.toFixed(5)},${lat.toFixed(5)}]},"properties":{${properties}}}`;

/** The collection of the features `feature` writes for rows 0 … count − 1 (null: left out). */
export function featureCollection(count: number, feature: (i: number) => string | null): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = feature(i);
    if (text !== null) parts.push(text);
  }
  return `{"type":"FeatureCollection","features":[${parts.join(',')}]}`;
}

export const positioned = (lon: number, lat: number) => Number.isFinite(lon) && Number.isFinite(lat);
