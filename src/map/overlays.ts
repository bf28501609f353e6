// The four data layers drawn over the boundaries: fixed source and layer ids, and the paint and
// filter expressions that follow the user's settings. Data reach these sources once per change as
// GeoJSON blob URLs (see MapController.setLayerGeojson); settings and the year only change
// expressions, so MapLibre never re-parses 326,000 stations for a filter.
//
// Colours are Okabe–Ito (colour-blind safe). Feature properties: see src/core/layers/features.ts.
import type {
  Map as MaplibreMap,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
} from 'maplibre-gl';
import type { StationFilter } from '../core/layers/stationFilter';
import type { OverlaySourceName } from '../core/layers/types';
import type { CoverageBasis, VillageColouring } from '../core/layerSettings';

export const OVERLAY_SOURCE = {
  stations: 'stations',
  stationCells: 'station-cells',
  villages: 'villages',
  relocationSites: 'relocation-sites',
  scenicAreas: 'scenic-areas',
} as const satisfies Record<OverlaySourceName, string>;
export type OverlaySource = OverlaySourceName;

export const OVERLAY_LAYER = {
  discs: 'station-discs',
  cells: 'station-cells',
  stations: 'station-points',
  villages: 'village-points',
  relocation: 'relocation-points',
  scenic: 'scenic-points',
  scenicLabels: 'scenic-labels',
} as const;

/** Zoom from which single stations (and discs) replace the cells. */
export const STATION_POINT_MIN_ZOOM = 9;

export const OPERATOR_COLOURS: Record<string, string> = {
  中国移动: '#0072B2',
  中国电信: '#E69F00',
  中国联通: '#CC79A7',
  中国广电: '#009E73',
};
export const UNKNOWN_OPERATOR_COLOUR = '#6b7280';
export const CELL_COLOUR = '#3b3b45';
export const STATUS_COLOURS = { yes: '#0072B2', no: '#D55E00', unknown: '#9ca3af' } as const;
/** Metres to the nearest 5G station, upper bounds of the scenic-area classes, and their colours. */
export const DISTANCE_CLASSES_METERS = [500, 1500, 3000] as const;
export const DISTANCE_COLOURS = ['#0072B2', '#56B4E9', '#E69F00', '#D55E00'] as const;
export const NO_STATION_COLOUR = '#6b7280';

const empty = { type: 'FeatureCollection' as const, features: [] };
// Points need no tiles beyond zoom 12 (MapLibre over-zooms them): a shallower index builds faster.
export const overlaySources = (): Record<string, SourceSpecification> =>
  Object.fromEntries(
    Object.values(OVERLAY_SOURCE).map((id) => [id, { type: 'geojson', data: empty, maxzoom: 12 }]),
  );

const get = (name: string): ExpressionSpecification => ['get', name];
/** A status code (layers/types.ts) is "yes" as of the year. */
const statusYes = (name: string, asOfYear: number): ExpressionSpecification => [
  'any',
  ['==', get(name), 1],
  ['all', ['>', get(name), 1], ['<=', get(name), asOfYear]],
];
const modelledYes = (name: string, asOfYear: number): ExpressionSpecification => [
  'all',
  ['!=', get(name), 0],
  ['<=', get(name), asOfYear],
];
const statusColour = (
  yes: ExpressionSpecification,
  unknown: ExpressionSpecification | false,
): ExpressionSpecification => [
  'case',
  unknown === false ? false : unknown,
  STATUS_COLOURS.unknown,
  yes,
  STATUS_COLOURS.yes,
  STATUS_COLOURS.no,
];

// Metres → pixels at Guizhou's mid latitude (26.8°): a 512-px world at zoom 0.
const PIXELS_PER_METER_Z0 = 512 / (40_075_016.686 * Math.cos((26.8 * Math.PI) / 180));

export function overlayLayers(): LayerSpecification[] {
  return [
    {
      id: OVERLAY_LAYER.discs,
      type: 'circle',
      source: OVERLAY_SOURCE.stations,
      minzoom: STATION_POINT_MIN_ZOOM,
      layout: { visibility: 'none' },
      paint: {
        'circle-radius': [
          'interpolate',
          ['exponential', 2],
          ['zoom'],
          9,
          ['*', get('r'), PIXELS_PER_METER_Z0 * 2 ** 9],
          15,
          ['*', get('r'), PIXELS_PER_METER_Z0 * 2 ** 15],
        ],
        'circle-color': '#0072B2',
        'circle-opacity': 0.08,
        'circle-stroke-color': '#0072B2',
        'circle-stroke-opacity': 0.35,
        'circle-stroke-width': 0.6,
      },
    },
    {
      id: OVERLAY_LAYER.cells,
      type: 'circle',
      source: OVERLAY_SOURCE.stationCells,
      maxzoom: STATION_POINT_MIN_ZOOM,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['sqrt', get('n')], 1, 1.5, 10, 4.5, 40, 11],
        // Neutral, not the operator's colour: the cells sit on a blue choropleth and one operator
        // has most stations almost everywhere, so operator hues would read as noise.
        'circle-color': CELL_COLOUR,
        'circle-opacity': 0.7,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 0.7,
      },
    },
    {
      id: OVERLAY_LAYER.stations,
      type: 'circle',
      source: OVERLAY_SOURCE.stations,
      minzoom: STATION_POINT_MIN_ZOOM,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 2.5, 14, 5],
        'circle-color': UNKNOWN_OPERATOR_COLOUR,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 0.8,
      },
    },
    {
      id: OVERLAY_LAYER.villages,
      type: 'circle',
      source: OVERLAY_SOURCE.villages,
      layout: { visibility: 'none' },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 1.4, 10, 3.5, 14, 6],
        'circle-color': STATUS_COLOURS.unknown,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 6, 0, 10, 0.8],
      },
    },
    {
      // Approximate positions are hollow: a ring in the status colour over a faint fill.
      id: OVERLAY_LAYER.relocation,
      type: 'circle',
      source: OVERLAY_SOURCE.relocationSites,
      paint: {
        'circle-radius': [
          'case',
          ['<', get('p'), 0],
          5,
          ['interpolate', ['linear'], ['sqrt', get('p')], 0, 4, 100, 9, 200, 15],
        ],
        'circle-color': STATUS_COLOURS.unknown,
        'circle-opacity': ['case', ['==', get('a'), 1], 0.12, 0.85],
        'circle-stroke-color': STATUS_COLOURS.unknown,
        'circle-stroke-width': 2,
      },
    },
    {
      id: OVERLAY_LAYER.scenic,
      type: 'circle',
      source: OVERLAY_SOURCE.scenicAreas,
      paint: {
        'circle-radius': ['match', get('l'), '5A', 8, 6],
        'circle-color': NO_STATION_COLOUR,
        'circle-opacity': ['case', ['==', get('a'), 1], 0.35, 1],
        'circle-stroke-color': '#1f2933',
        'circle-stroke-width': 1.6,
      },
    },
    {
      id: OVERLAY_LAYER.scenicLabels,
      type: 'symbol',
      source: OVERLAY_SOURCE.scenicAreas,
      minzoom: 7,
      layout: {
        'text-field': get('n'),
        'text-size': 12,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
        'text-optional': true,
        'text-max-width': 8,
      },
      paint: { 'text-color': '#3f2a56', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}

export interface OverlaySettings {
  stationsVisible: boolean;
  discsVisible: boolean;
  fourGVisible: boolean;
  filter: StationFilter;
  villagesVisible: boolean;
  villageColouring: VillageColouring;
  relocationVisible: boolean;
  relocationBasis: CoverageBasis;
  scenicVisible: boolean;
}

/** Operator code → colour, by the operator names the loaded station layer uses. */
export function operatorColour(operators: readonly string[]): ExpressionSpecification {
  const pairs = operators.flatMap((name, code) =>
    OPERATOR_COLOURS[name] ? [code, OPERATOR_COLOURS[name]] : [],
  );
  return pairs.length
    ? (['match', get('o'), ...pairs, UNKNOWN_OPERATOR_COLOUR] as unknown as ExpressionSpecification)
    : (['literal', UNKNOWN_OPERATOR_COLOUR] as unknown as ExpressionSpecification);
}

/** The MapLibre filter that keeps the stations the engine's stationFilterMask keeps. */
export function stationFilterExpression(
  filter: StationFilter,
  asOfYear: number,
  operators: readonly string[],
  bands: readonly string[],
  fourG: boolean,
): FilterSpecification {
  const codes = (labels: readonly string[], wanted: string[]) =>
    labels.flatMap((label, code) => (wanted.includes(label) ? [code] : []));
  const year = get('y');
  const conditions: ExpressionSpecification[] = [
    ['any', ['==', year, 0], ['all', ['>=', year, filter.fromYear], ['<=', year, asOfYear]]],
  ];
  if (filter.operators.length)
    conditions.push(['in', get('o'), ['literal', codes(operators, filter.operators)]]);
  if (filter.bands.length) conditions.push(['in', get('b'), ['literal', codes(bands, filter.bands)]]);
  if (!fourG) conditions.push(['==', get('t'), 0]);
  return ['all', ...conditions] as FilterSpecification;
}

export function villageColour(colouring: VillageColouring, asOfYear: number): ExpressionSpecification {
  if (colouring === 'fiveGModelled') return statusColour(modelledYes('m', asOfYear), false);
  const property = { fiber: 'f', gigabit: 'g', fourG: 'q', fiveG: 'v' }[colouring];
  return statusColour(statusYes(property, asOfYear), ['==', get(property), -1]);
}

export function relocationColour(basis: CoverageBasis, asOfYear: number): ExpressionSpecification {
  return basis === 'modelled'
    ? statusColour(modelledYes('m', asOfYear), false)
    : statusColour(statusYes('r', asOfYear), ['==', get('r'), -1]);
}

export function scenicColour(): ExpressionSpecification {
  const [a, b, c] = DISTANCE_CLASSES_METERS;
  return [
    'case',
    ['<', get('d'), 0],
    NO_STATION_COLOUR,
    [
      'step',
      get('d'),
      DISTANCE_COLOURS[0],
      a + 1,
      DISTANCE_COLOURS[1],
      b + 1,
      DISTANCE_COLOURS[2],
      c + 1,
      DISTANCE_COLOURS[3],
    ],
  ];
}

/** Applies visibility, filters and colours of the data layers for the settings and year. */
export function applyOverlaySettings(
  map: MaplibreMap,
  settings: OverlaySettings,
  asOfYear: number,
  operators: readonly string[],
  bands: readonly string[],
): void {
  const show = (id: string, visible: boolean) =>
    map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  show(OVERLAY_LAYER.cells, settings.stationsVisible);
  show(OVERLAY_LAYER.stations, settings.stationsVisible);
  show(OVERLAY_LAYER.discs, settings.stationsVisible && settings.discsVisible);
  const stationFilter = stationFilterExpression(
    settings.filter,
    asOfYear,
    operators,
    bands,
    settings.fourGVisible,
  );
  map.setFilter(OVERLAY_LAYER.stations, stationFilter);
  map.setFilter(OVERLAY_LAYER.discs, stationFilter);
  map.setPaintProperty(OVERLAY_LAYER.stations, 'circle-color', operatorColour(operators));
  show(OVERLAY_LAYER.villages, settings.villagesVisible);
  map.setPaintProperty(
    OVERLAY_LAYER.villages,
    'circle-color',
    villageColour(settings.villageColouring, asOfYear),
  );
  show(OVERLAY_LAYER.relocation, settings.relocationVisible);
  const relocation = relocationColour(settings.relocationBasis, asOfYear);
  map.setPaintProperty(OVERLAY_LAYER.relocation, 'circle-color', relocation);
  map.setPaintProperty(OVERLAY_LAYER.relocation, 'circle-stroke-color', [
    'case',
    ['==', ['get', 'a'], 1],
    relocation,
    '#ffffff',
  ]);
  show(OVERLAY_LAYER.scenic, settings.scenicVisible);
  show(OVERLAY_LAYER.scenicLabels, settings.scenicVisible);
  map.setPaintProperty(OVERLAY_LAYER.scenic, 'circle-color', scenicColour());
}
