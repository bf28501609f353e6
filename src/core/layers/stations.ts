// The 5G (and 4G) base-station layer: stations on air per area, the single stations and the
// low-zoom cells MapLibre draws, the station filter and its share-link parameters.
//
// Rules relied on:
// - The figures count stations passing the filter and on air by the year (stationFilter.ts);
//   growth is counted from the stations on air by the end of 2020, the plan's baseline.
// - Tile properties: o operator, b band, t technology (0 5G, 1 4G), y build year, r modelled
//   radius (m); the feature id is the row; the cells (GeoJSON) are aggregate.ts's (n count, o most common operator).
import { PLAN } from '../summary/plan';
import { GUIZHOU_CELLS, stationCells } from './aggregate';
import { defineLayer } from './definition';
import type { TileColumn } from '../tiles/pointTile';
import { linkInteger, linkList, linkNames } from './linkValues';
import { stationLayerFromDataset, stationsFromSample, type StationLayer } from './stationColumns';
import { kindsPassing, NO_STATION_FILTER, stationKinds, type StationFilter } from './stationFilter';

export interface StationSettings {
  stationsVisible: boolean;
  /** Modelled-coverage discs around stations (from zoom 9). */
  discsVisible: boolean;
  /** Include 4G stations in the station points (5G always). */
  fourGVisible: boolean;
  filter: StationFilter;
}

const DEFAULTS: StationSettings = {
  stationsVisible: true,
  discsVisible: false,
  fourGVisible: false,
  filter: NO_STATION_FILTER,
};

/** Zoom from which single stations (and their discs) replace the ~10 km cells on the map. */
export const STATION_POINT_MIN_ZOOM = 9;

/**
 * The single stations' tile properties: operator, band, technology and build year codes (the
 * overlay's filter reads them), the modelled radius in whole metres (the discs). The row is the feature's id.
 */
export function stationTileProperties(
  stations: StationLayer,
  radiiMeters: Float32Array,
): Record<string, TileColumn> {
  const radii = new Uint32Array(radiiMeters.length);
  for (let i = 0; i < radii.length; i++) radii[i] = Math.round(radiiMeters[i]);
  return {
    o: stations.operator,
    b: stations.band,
    t: stations.technology,
    y: stations.buildYear,
    r: radii,
  };
}

/** Per kind of station (stationFilter.ts), county and technology (5G, 4G): how many stations. */
interface KindCounts {
  countyCount: number;
  /** [kind][county][technology], flattened. */
  counts: Uint32Array;
}
const kindCountsCache = new WeakMap<StationLayer, KindCounts>();

function kindCounts(stations: StationLayer): KindCounts {
  const cached = kindCountsCache.get(stations);
  if (cached) return cached;
  const { kindOf, buildYear } = stationKinds(stations);
  let countyCount = 0;
  for (let i = 0; i < stations.county.length; i++)
    countyCount = Math.max(countyCount, stations.county[i] + 1);
  const counts = new Uint32Array(buildYear.length * countyCount * 2);
  for (let i = 0; i < kindOf.length; i++) {
    const c = stations.county[i];
    if (c >= 0) counts[(kindOf[i] * countyCount + c) * 2 + (stations.technology[i] === 0 ? 0 : 1)]++;
  }
  const result = { countyCount, counts };
  kindCountsCache.set(stations, result);
  return result;
}

/** The figures the filter's masks would give, added up per kind of station: a few hundred kinds, not every station. */
function countByKind(
  stations: StationLayer,
  f: Record<'stations5g' | 'stations4g' | 'stations5gAt2020', Float64Array>,
  filter: StationFilter,
  asOfYear: number,
): void {
  const kinds = stationKinds(stations);
  const { countyCount, counts } = kindCounts(stations);
  const passing = kindsPassing(stations, kinds, filter, asOfYear),
    passingAt2020 = kindsPassing(stations, kinds, filter, 2020);
  for (let k = 0; k < passing.length; k++) {
    if (!passing[k] && !passingAt2020[k]) continue;
    for (let c = 0, at = k * countyCount * 2; c < countyCount; c++, at += 2) {
      if (passing[k]) {
        f.stations5g[c] += counts[at];
        f.stations4g[c] += counts[at + 1];
      }
      if (passingAt2020[k]) f.stations5gAt2020[c] += counts[at];
    }
  }
}

export const stations = defineLayer({
  datasetLayers: ['stations5g', 'stations4g', 'stations'],
  fromDataset: stationLayerFromDataset,
  fromSample: stationsFromSample,
  modelled: {},
  figures: ['stations5g', 'stations4g', 'stations5gAt2020'],
  countFigures(stations, f, { stationMask, stationMaskAt2020, stationFilter, asOfYear }) {
    if (stationFilter) return countByKind(stations, f, stationFilter, asOfYear);
    if (!stationMask) return;
    const { county, technology } = stations;
    const { stations5g, stations4g, stations5gAt2020 } = f;
    for (let i = 0; i < county.length; i++) {
      const c = county[i];
      if (c < 0) continue;
      const fiveG = technology[i] === 0;
      if (stationMask[i]) (fiveG ? stations5g : stations4g)[c]++;
      if (fiveG && stationMaskAt2020 && stationMaskAt2020[i]) stations5gAt2020[c]++;
    }
  },
  metrics: {
    'stations.per10k': {
      unit: 'per10k',
      digits: 1,
      target: PLAN.fiveGStationsPer10kResidents.target2025,
      value: (f, a) => (f.stations5g * 1e4) / a.population2020,
    },
    'stations.perKm2': { unit: 'perKm2', digits: 2, value: (f, a) => f.stations5g / a.areaKm2 },
    'stations.count': { unit: 'stations', digits: 0, value: (f) => f.stations5g },
    'stations.growth': { unit: 'stations', digits: 0, value: (f) => f.stations5g - f.stations5gAt2020 },
  },
  sources: {
    stations: {
      format: 'tiles',
      refresh: 'rows',
      minZoom: STATION_POINT_MIN_ZOOM,
      properties: (stations, inputs) => stationTileProperties(stations, inputs.stationRadiiMeters!),
    },
    stationCells: {
      format: 'geojson',
      refresh: 'view',
      write: (stations, inputs) => stationCells(stations, inputs.stationMask!, GUIZHOU_CELLS),
    },
  },
  settings: {
    defaults: DEFAULTS,
    visible: 'stationsVisible',
    link: {
      source: 'st',
      switches: { s: 'stationsVisible', d: 'discsVisible', '4': 'fourGVisible' },
      choices: {},
      params: {
        encode({ filter }, set) {
          if (filter.operators.length) set('op', linkList(filter.operators));
          if (filter.bands.length) set('bd', linkList(filter.bands));
          if (filter.fromYear) set('fy', String(filter.fromYear));
        },
        decode(get, { filter }) {
          const fromYear = linkInteger(get('fy'));
          return {
            filter: {
              operators: linkNames(get('op')) ?? [...filter.operators],
              bands: linkNames(get('bd')) ?? [...filter.bands],
              fromYear:
                fromYear !== undefined && (fromYear === 0 || (fromYear >= 1990 && fromYear <= 2100))
                  ? fromYear
                  : filter.fromYear,
            },
          };
        },
      },
    },
  },
});
