// The settings of the map's layers: which are on, how they are drawn and classified, the station
// filter. One definition for the layer store, the map's styles and the shareable view: the
// choropleth's here, each layer's own in its module (src/core/layers/registry.ts lists them).
import type { ClassMethod } from './classify';
import type { MetricId } from './metrics';
import type { AllOf } from './layers/definition';
import { LAYER_NAMES, LAYERS, type LayerName, type SettingsOf } from './layers/registry';

export { COVERAGE_BASES, type CoverageBasis } from './layers/relocationSites';
export { VILLAGE_COLOURINGS, type VillageColouring } from './layers/villages';

export interface ChoroplethSettings {
  choroplethVisible: boolean;
  choroplethLevel: 'county' | 'prefecture';
  metric: MetricId;
  method: ClassMethod;
  classCount: number;
  manualBreaks: number[];
  /** Compare mode: the choropleth shows the change of its metric from this year to the slider's; null = off. */
  compareFromYear: number | null;
}

/** The choropleth's settings and every layer's own (StationSettings & VillageSettings & …). */
export type LayerSettings = ChoroplethSettings & AllOf<{ [K in LayerName]: SettingsOf<K> }[LayerName]>;

const CHOROPLETH_DEFAULTS: ChoroplethSettings = {
  choroplethVisible: true,
  choroplethLevel: 'county',
  metric: 'stations.per10k',
  method: 'target',
  classCount: 5,
  manualBreaks: [10, 20, 33, 50],
  compareFromYear: null,
};

/** What the app starts with, and what a share link leaves out means. */
export const DEFAULT_LAYER_SETTINGS: LayerSettings = Object.assign(
  {},
  ...LAYER_NAMES.map((name) => LAYERS[name].settings.defaults),
  CHOROPLETH_DEFAULTS,
);
