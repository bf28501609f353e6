// The village layer on the map: one point per village with a position, coloured by the status the
// user picks (a reported status, or the coverage model's 5G); hidden until switched on.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { VillageColouring } from '../../core/layers/villages';
import { VILLAGE_MARK_COLOURS } from '../../core/palette';
import { get, showLayer, type LayerOverlay } from './layerOverlay';
import { modelledYes, STATUS_COLOURS, statusColour, statusYes } from './status';

const LAYER = { villages: 'village-points' } as const;
const SOURCE = { villages: 'villages' } as const;
/** The feature property of each reported status (src/core/layers/villages.ts). */
const PROPERTY = { fiber: 'f', gigabit: 'g', fourG: 'q', fiveG: 'v' } as const;

export function villageColour(colouring: VillageColouring, asOfYear: number): ExpressionSpecification {
  if (colouring === 'fiveGModelled') return statusColour(modelledYes('m', asOfYear), false);
  const property = PROPERTY[colouring];
  return statusColour(statusYes(property, asOfYear), ['==', get(property), -1]);
}

export const villageOverlay = {
  sources: SOURCE,
  layerIds: LAYER,
  layers: (): LayerSpecification[] => [
    {
      id: LAYER.villages,
      type: 'circle',
      source: SOURCE.villages,
      'source-layer': 'villages',
      layout: { visibility: 'none' },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 1.4, 10, 3.5, 14, 6],
        'circle-color': STATUS_COLOURS.unknown,
        // A village the team edited, verified or disputed is ringed (amber, green, dark red: palette.ts).
        'circle-stroke-color': [
          'match',
          get('e'),
          1,
          VILLAGE_MARK_COLOURS.edited,
          2,
          VILLAGE_MARK_COLOURS.verified,
          3,
          VILLAGE_MARK_COLOURS.disputed,
          '#ffffff',
        ],
        'circle-stroke-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          6,
          ['case', ['>', get('e'), 0], 1.5, 0],
          10,
          ['case', ['>', get('e'), 0], 2.5, 0.8],
        ],
      },
    },
  ],
  apply(map, settings, { asOfYear }) {
    showLayer(map, LAYER.villages, settings.villagesVisible);
    map.setPaintProperty(LAYER.villages, 'circle-color', villageColour(settings.villageColouring, asOfYear));
  },
} satisfies LayerOverlay<'villages'>;
