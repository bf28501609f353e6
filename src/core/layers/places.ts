// Named places with a reported 5G status, the columns relocation sites and scenic areas share:
// how they are read from the sample or an imported dataset, and the GeoJSON MapLibre draws.
//
// Rules relied on:
// - `reported` is a status code (encoding.ts); `population` is NaN when unknown; `level` is the
//   scenic-area grade as given, '' for relocation sites.
// - An approximate position (a county seat standing in) is drawn hollow, never left out.
// - GeoJSON properties: n name, a approximate (0/1), r reported status code, m first modelled 5G
//   year, d metres to the nearest 5G station on air (−1 none), p population (−1 unknown), l level.
import type { PlaceStatuses } from '../sample/places';
import type { StoredDataset } from '../storedDataset';
import {
  categories,
  counties,
  datasetRowKeys,
  FLAG_YES,
  flags,
  numbers,
  sourceOf,
  statusCodes,
  texts,
} from './datasetColumns';
import type { GeojsonSource, SampleContext } from './definition';
import { STATUS_NO, type LayerSource } from './encoding';
import { featureCollection, pointFeature, positioned } from './geojsonText';
import { rowKeysOf, type LayerTracking } from './rowKeys';

export interface PlaceLayer {
  /** How edits name a row: its id, else its name, else "#n" (tracking.ts). */
  key: string[];
  name: string[];
  county: Int16Array;
  lon: Float64Array;
  lat: Float64Array;
  /** 1 when the position is not surveyed (drawn hollow). */
  approximate: Uint8Array;
  /** Reported 5G coverage as a status code. */
  reported: Int16Array;
  /** Relocated residents (relocation sites), NaN when unknown. */
  population: Float64Array;
  /** Scenic-area grade as given ('5A', '4A', 'red-tourism' …); '' for relocation sites. */
  level: string[];
  source: LayerSource;
  /** The edits that made `reported` differ from the sheet (a dataset's layer only). */
  tracking?: LayerTracking;
}

/** The sample's places; the named columns (null: none) give population and level. */
export function placesFromSample(
  places: PlaceStatuses,
  { countyOf, source }: SampleContext,
  columns: { population: string | null; level: string | null },
): PlaceLayer {
  const column = (name: string | null) => (name === null ? -1 : places.header.indexOf(name));
  const population = column(columns.population),
    level = column(columns.level);
  const n = places.name.length;
  return {
    key: rowKeysOf(places.name),
    name: places.name,
    county: Int16Array.from(places.countyAdcode, (adcode) => countyOf.get(adcode) ?? -1),
    lon: places.lon,
    lat: places.lat,
    approximate: places.positionApproximate,
    reported: Int16Array.from({ length: n }, (_, i) =>
      places.reportedFiveGCovered[i] ? places.reportedFiveGYear[i] : STATUS_NO,
    ),
    population: Float64Array.from(places.rows, (row) =>
      population === -1 || !row[population]?.trim() ? NaN : Number(row[population]),
    ),
    level: places.rows.map((row) => (level === -1 ? '' : (row[level] ?? ''))),
    source,
  };
}

/** A dataset's places; the named columns (null: none) give population and level. */
export function placesFromDataset(
  dataset: StoredDataset,
  columns: { population: string | null; level: string | null },
): PlaceLayer {
  const n = dataset.rowCount;
  const approximate = flags(dataset, 'positionApproximate').map((flag) => (flag === FLAG_YES ? 1 : 0));
  const level = columns.level === null ? null : categories(dataset, columns.level);
  return {
    key: datasetRowKeys(dataset),
    name: texts(dataset, 'name'),
    county: counties(dataset),
    lon: numbers(dataset, 'lon'),
    lat: numbers(dataset, 'lat'),
    approximate,
    reported: statusCodes(dataset, 'covered', 'coveredYear'),
    population:
      columns.population === null ? new Float64Array(n).fill(NaN) : numbers(dataset, columns.population),
    level: Array.from({ length: n }, (_, i) => (level ? level.textOf(i) : '')),
    source: sourceOf(dataset),
  };
}

/** The positioned places; property i is the row index, which the inspector asks the engine about. */
export function placeFeatures(
  places: PlaceLayer,
  modelled5g: Int16Array,
  nearest5gMeters: Float64Array,
): string {
  return featureCollection(places.name.length, (i) => {
    if (!positioned(places.lon[i], places.lat[i])) return null;
    const meters = Number.isFinite(nearest5gMeters[i]) ? Math.round(nearest5gMeters[i]) : -1;
    const population = Number.isFinite(places.population[i]) ? places.population[i] : -1;
    return pointFeature(
      places.lon[i],
      places.lat[i],
      `"n":${JSON.stringify(places.name[i])},"a":${places.approximate[i]},"r":${places.reported[i]},"m":${modelled5g[i]},"d":${meters},"p":${population},"l":${JSON.stringify(places.level[i])},"i":${i}`,
    );
  });
}

/** The places' GeoJSON, written on every view: the nearest station on air depends on the year. */
export const placeGeojson = <M extends string>(modelled5g: M): GeojsonSource<PlaceLayer, M> => ({
  format: 'geojson',
  refresh: 'view',
  write: (places, inputs) =>
    placeFeatures(places, inputs.modelled[modelled5g]!, inputs.nearest5gMeters(places.lon, places.lat)),
});
