// The station layer on the map: ~10 km cells below zoom 9, single stations coloured by operator
// (and optional modelled-coverage discs) from zoom 9. The filter expression keeps exactly the
// stations the engine's stationFilterMask keeps, so the points agree with the figures.
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { StationFilter } from '../../core/layers/stationFilter';
import { STATION_POINT_MIN_ZOOM } from '../../core/layers/stations';
import {
  OPERATOR_COLOURS,
  OTHER_OPERATOR_COLOUR,
  STATION_CELL_COLOUR,
  VILLAGE_STATUS_COLOURS,
} from '../../core/palette';
import { get, showLayer, type LayerOverlay } from './layerOverlay';

export { STATION_POINT_MIN_ZOOM };

/** The operators' colours (src/core/palette.ts), for the legend. */
export { OPERATOR_COLOURS };
export const UNKNOWN_OPERATOR_COLOUR = OTHER_OPERATOR_COLOUR;
export const CELL_COLOUR = STATION_CELL_COLOUR;
/** Modelled coverage discs: a faint wash in the "covered" blue, not a class of their own. */
const DISC_COLOUR = VILLAGE_STATUS_COLOURS.yes;

const LAYER = { discs: 'station-discs', cells: 'station-cells', stations: 'station-points' } as const;
const SOURCE = { stations: 'stations', stationCells: 'station-cells' } as const;

// Metres → pixels at Guizhou's mid latitude (26.8°): a 512-px world at zoom 0.
const PIXELS_PER_METER_Z0 = 512 / (40_075_016.686 * Math.cos((26.8 * Math.PI) / 180));

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

export const stationOverlay = {
  sources: SOURCE,
  layerIds: LAYER,
  layers: (): LayerSpecification[] => [
    {
      id: LAYER.discs,
      type: 'circle',
      source: SOURCE.stations,
      'source-layer': 'stations',
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
        'circle-color': DISC_COLOUR,
        'circle-opacity': 0.08,
        'circle-stroke-color': DISC_COLOUR,
        'circle-stroke-opacity': 0.35,
        'circle-stroke-width': 0.6,
      },
    },
    {
      id: LAYER.cells,
      type: 'circle',
      source: SOURCE.stationCells,
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
      id: LAYER.stations,
      type: 'circle',
      source: SOURCE.stations,
      'source-layer': 'stations',
      minzoom: STATION_POINT_MIN_ZOOM,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 2.5, 14, 5],
        'circle-color': UNKNOWN_OPERATOR_COLOUR,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 0.8,
      },
    },
  ],
  apply(map, settings, { asOfYear, operators, bands }) {
    showLayer(map, LAYER.cells, settings.stationsVisible);
    showLayer(map, LAYER.stations, settings.stationsVisible);
    showLayer(map, LAYER.discs, settings.stationsVisible && settings.discsVisible);
    const filter = stationFilterExpression(
      settings.filter,
      asOfYear,
      operators,
      bands,
      settings.fourGVisible,
    );
    map.setFilter(LAYER.stations, filter);
    map.setFilter(LAYER.discs, filter);
    map.setPaintProperty(LAYER.stations, 'circle-color', operatorColour(operators));
  },
} satisfies LayerOverlay<'stations'>;
