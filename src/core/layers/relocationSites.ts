// The relocation-site layer (易地扶贫搬迁安置点): each site's reported 5G status, modelled 5G
// coverage and relocated residents; drawn coloured by reported or modelled coverage.
//
// Rules relied on:
// - The reported share is of the sites whose status is known; the modelled share is of all sites.
// - Residents covered count the population of the modelled-covered sites whose population is known.
import { PLAN } from '../summary/plan';
import { defineLayer } from './definition';
import { coveredBy, statusAt } from './encoding';
import { placeGeojson, placesFromDataset, placesFromSample } from './places';

export const COVERAGE_BASES = ['reported', 'modelled'] as const;
export type CoverageBasis = (typeof COVERAGE_BASES)[number];

export interface RelocationSettings {
  relocationVisible: boolean;
  relocationBasis: CoverageBasis;
}

const DEFAULTS: RelocationSettings = { relocationVisible: true, relocationBasis: 'reported' };
const FULL = 100;

export const relocationSites = defineLayer({
  datasetLayers: ['relocationSites'],
  fromDataset: (dataset) => placesFromDataset(dataset, { population: 'relocatedPopulation', level: null }),
  fromSample: (sample, context) =>
    placesFromSample(sample.relocationSites, context, { population: 'relocated_population', level: null }),
  modelled: { relocationSites5g: '5G' },
  figures: [
    'relocationSites',
    'relocationKnown',
    'relocationReported',
    'relocationModelled',
    'relocatedPopulation',
    'relocatedPopulationModelled',
  ],
  countFigures(sites, f, { asOfYear, modelled }) {
    for (let i = 0; i < sites.name.length; i++) {
      const c = sites.county[i];
      if (c < 0) continue;
      f.relocationSites[c]++;
      const reported = statusAt(sites.reported[i], asOfYear),
        isModelled = coveredBy(modelled.relocationSites5g, i, asOfYear);
      if (reported !== 255) {
        f.relocationKnown[c]++;
        f.relocationReported[c] += reported;
      }
      f.relocationModelled[c] += isModelled;
      const population = sites.population[i];
      if (Number.isFinite(population)) {
        f.relocatedPopulation[c] += population;
        f.relocatedPopulationModelled[c] += isModelled * population;
      }
    }
  },
  metrics: {
    'relocation.reported': {
      unit: 'percent',
      digits: 1,
      target: FULL * PLAN.relocationSitesCovered.target2025,
      share: { part: 'relocationReported', whole: 'relocationKnown' },
    },
    'relocation.modelled': {
      unit: 'percent',
      digits: 1,
      modelled: true,
      target: FULL * PLAN.relocationSitesCovered.target2025,
      share: { part: 'relocationModelled', whole: 'relocationSites' },
    },
  },
  sources: { relocationSites: placeGeojson('relocationSites5g') },
  settings: {
    defaults: DEFAULTS,
    visible: 'relocationVisible',
    link: {
      source: 'rs',
      switches: { r: 'relocationVisible' },
      choices: { rb: { setting: 'relocationBasis', values: COVERAGE_BASES } },
    },
  },
});
