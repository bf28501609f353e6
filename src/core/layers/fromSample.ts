// The seeded sample as the four layers. Statuses are already dated; the sample has no village 4G
// status (the 4G column is unknown throughout, and the map says so through the modelled status).
import type { Sample } from '../sample/generate';
import type { PlaceStatuses } from '../sample/places';
import { STATUS_NO, STATUS_UNKNOWN, type LayerSet, type LayerSource, type PlaceLayer } from './types';

function placeLayer(
  places: PlaceStatuses,
  countyOf: Map<string, number>,
  source: LayerSource,
  populationColumn: string | null,
  levelColumn: string | null,
): PlaceLayer {
  const column = (name: string | null) => (name === null ? -1 : places.header.indexOf(name));
  const population = column(populationColumn),
    level = column(levelColumn);
  const n = places.name.length;
  return {
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

export function layersFromSample(sample: Sample, countyAdcodes: readonly string[]): LayerSet {
  const source: LayerSource = { kind: 'sample', name: sample.label };
  const countyOf = new Map(countyAdcodes.map((adcode, k) => [adcode, k]));
  const { stations, villages } = sample;
  return {
    stations: {
      lon: stations.lon,
      lat: stations.lat,
      bandClass: stations.bandClass,
      buildYear: stations.buildYear,
      county: stations.county,
      technology: stations.technology,
      operator: stations.operator,
      operators: stations.operators,
      band: stations.band,
      bands: stations.bands,
      source,
    },
    villages: {
      code: villages.villages.code,
      name: villages.villages.name,
      county: villages.villages.county,
      lon: villages.lon,
      lat: villages.lat,
      status: {
        fiber: villages.fiberYear,
        gigabit: villages.gigabitYear,
        fourG: new Int16Array(villages.lon.length).fill(STATUS_UNKNOWN),
        fiveG: villages.fiveGYear,
      },
      source,
    },
    relocationSites: placeLayer(sample.relocationSites, countyOf, source, 'relocated_population', null),
    scenicAreas: placeLayer(sample.scenicAreas, countyOf, source, null, 'level'),
  };
}
