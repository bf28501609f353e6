// The relocation-site layer on the map: circles sized by relocated residents, coloured by reported
// or modelled 5G coverage; approximate positions are hollow (a ring in the status colour over a
// faint fill).
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { CoverageBasis } from '../../core/layers/relocationSites';
import { get, showLayer, type LayerOverlay } from './layerOverlay';
import { modelledYes, RELOCATION_STATUS_COLOURS, statusColour, statusYes } from './status';

const LAYER = { relocation: 'relocation-points' } as const;
const SOURCE = { relocationSites: 'relocation-sites' } as const;

export function relocationColour(basis: CoverageBasis, asOfYear: number): ExpressionSpecification {
  return basis === 'modelled'
    ? statusColour(modelledYes('m', asOfYear), false, RELOCATION_STATUS_COLOURS)
    : statusColour(statusYes('r', asOfYear), ['==', get('r'), -1], RELOCATION_STATUS_COLOURS);
}

export const relocationOverlay = {
  sources: SOURCE,
  layerIds: LAYER,
  layers: (): LayerSpecification[] => [
    {
      id: LAYER.relocation,
      type: 'circle',
      source: SOURCE.relocationSites,
      paint: {
        'circle-radius': [
          'case',
          ['<', get('p'), 0],
          5,
          ['interpolate', ['linear'], ['sqrt', get('p')], 0, 4, 100, 9, 200, 15],
        ],
        'circle-color': RELOCATION_STATUS_COLOURS.unknown,
        'circle-opacity': ['case', ['==', get('a'), 1], 0.12, 0.85],
        'circle-stroke-color': RELOCATION_STATUS_COLOURS.unknown,
        'circle-stroke-width': 2,
      },
    },
  ],
  apply(map, settings, { asOfYear }) {
    showLayer(map, LAYER.relocation, settings.relocationVisible);
    const colour = relocationColour(settings.relocationBasis, asOfYear);
    map.setPaintProperty(LAYER.relocation, 'circle-color', colour);
    map.setPaintProperty(LAYER.relocation, 'circle-stroke-color', [
      'case',
      ['==', ['get', 'a'], 1],
      colour,
      '#ffffff',
    ]);
  },
} satisfies LayerOverlay<'relocationSites'>;
