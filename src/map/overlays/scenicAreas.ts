// The scenic-area layer on the map: every A-grade area (5A larger), coloured by the distance to the
// nearest 5G station on air, with its name from zoom 7; approximate positions are faded.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import {
  SCENIC_DISTANCE_CLASSES_METERS,
  SCENIC_DISTANCE_COLOURS,
  SCENIC_NO_STATION_COLOUR,
} from '../../core/palette';
import { get, showLayer, type LayerOverlay } from './layerOverlay';

/** Metres to the nearest 5G station, upper bounds of the scenic-area classes, and their colours (palette.ts). */
export const DISTANCE_CLASSES_METERS = SCENIC_DISTANCE_CLASSES_METERS;
export const DISTANCE_COLOURS = SCENIC_DISTANCE_COLOURS;
export const NO_STATION_COLOUR = SCENIC_NO_STATION_COLOUR;

const LAYER = { scenic: 'scenic-points', scenicLabels: 'scenic-labels' } as const;
const SOURCE = { scenicAreas: 'scenic-areas' } as const;

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

export const scenicOverlay = {
  sources: SOURCE,
  layerIds: LAYER,
  layers: (): LayerSpecification[] => [
    {
      id: LAYER.scenic,
      type: 'circle',
      source: SOURCE.scenicAreas,
      paint: {
        'circle-radius': ['match', get('l'), '5A', 8, 6],
        'circle-color': NO_STATION_COLOUR,
        'circle-opacity': ['case', ['==', get('a'), 1], 0.35, 1],
        'circle-stroke-color': '#1f2933',
        'circle-stroke-width': 1.6,
      },
    },
    {
      id: LAYER.scenicLabels,
      type: 'symbol',
      source: SOURCE.scenicAreas,
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
  ],
  apply(map, settings) {
    showLayer(map, LAYER.scenic, settings.scenicVisible);
    showLayer(map, LAYER.scenicLabels, settings.scenicVisible);
    map.setPaintProperty(LAYER.scenic, 'circle-color', scenicColour());
  },
} satisfies LayerOverlay<'scenicAreas'>;
