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
import { NO_STATION_FILTER, type StationFilter } from './stationFilter';

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

export const stations = defineLayer({
  datasetLayers: ['stations5g', 'stations4g', 'stations'],
  fromDataset: stationLayerFromDataset,
  fromSample: stationsFromSample,
  modelled: {},
  figures: ['stations5g', 'stations4g', 'stations5gAt2020'],
  countFigures(stations, f, { stationMask, stationMaskAt2020 }) {
    if (!stationMask) return;
    for (let i = 0; i < stations.lon.length; i++) {
      const c = stations.county[i];
      if (c < 0) continue;
      if (stationMask[i]) (stations.technology[i] === 0 ? f.stations5g : f.stations4g)[c]++;
      if (stations.technology[i] === 0 && stationMaskAt2020?.[i]) f.stations5gAt2020[c]++;
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
