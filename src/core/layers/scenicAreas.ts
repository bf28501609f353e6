// The A-grade scenic-area layer (A 级旅游景区): every area is drawn, coloured by the distance to
// the nearest 5G station; the figures and metrics count 4A and 5A areas only, the plan's
// deep-coverage target.
//
// Rules relied on: the reported share is of the graded areas whose status is known; the modelled
// share is of all graded areas.
import { PLAN } from '../summary/plan';
import { defineLayer } from './definition';
import { coveredBy, statusAt } from './encoding';
import { placeGeojson, placesFromDataset, placesFromSample } from './places';

/** 4A and 5A scenic areas: the ones the plan's deep-coverage target names. */
export const isGradedScenicArea = (level: string) => /^[45]A/.test(level.trim());

export interface ScenicSettings {
  scenicVisible: boolean;
}

const DEFAULTS: ScenicSettings = { scenicVisible: true };
const FULL = 100;

export const scenicAreas = defineLayer({
  datasetLayers: ['scenicAreas'],
  fromDataset: (dataset) => placesFromDataset(dataset, { population: null, level: 'level' }),
  fromSample: (sample, context) =>
    placesFromSample(sample.scenicAreas, context, { population: null, level: 'level' }),
  modelled: { scenicAreas5g: '5G' },
  figures: ['scenicAreas', 'scenicKnown', 'scenicReported', 'scenicModelled'],
  countFigures(areas, f, { asOfYear, modelled }) {
    for (let i = 0; i < areas.name.length; i++) {
      const c = areas.county[i];
      if (c < 0 || !isGradedScenicArea(areas.level[i])) continue;
      f.scenicAreas[c]++;
      const reported = statusAt(areas.reported[i], asOfYear);
      if (reported !== 255) {
        f.scenicKnown[c]++;
        f.scenicReported[c] += reported;
      }
      f.scenicModelled[c] += coveredBy(modelled.scenicAreas5g, i, asOfYear);
    }
  },
  metrics: {
    'scenic.reported': {
      unit: 'percent',
      digits: 1,
      target: FULL * PLAN.scenicAreas4a5aWith5g.target2025,
      share: { part: 'scenicReported', whole: 'scenicKnown' },
    },
    'scenic.modelled': {
      unit: 'percent',
      digits: 1,
      modelled: true,
      target: FULL * PLAN.scenicAreas4a5aWith5g.target2025,
      share: { part: 'scenicModelled', whole: 'scenicAreas' },
    },
  },
  sources: { scenicAreas: placeGeojson('scenicAreas5g') },
  settings: {
    defaults: DEFAULTS,
    visible: 'scenicVisible',
    link: { source: 'sc', switches: { a: 'scenicVisible' }, choices: {} },
  },
});
