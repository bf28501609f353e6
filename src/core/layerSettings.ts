// The settings of the map's layers: which are on, how they are drawn and classified, the station
// filter. One definition for the layer store, the map's styles and the shareable view.
import type { ClassMethod } from './classify';
import type { MetricId } from './metrics';
import type { StationFilter } from './layers/stationFilter';

export const VILLAGE_COLOURINGS = ['fiber', 'gigabit', 'fourG', 'fiveG', 'fiveGModelled'] as const;
export const COVERAGE_BASES = ['reported', 'modelled'] as const;

/** What colours village points: a reported status, or the coverage model's 5G. */
export type VillageColouring = (typeof VILLAGE_COLOURINGS)[number];
export type CoverageBasis = (typeof COVERAGE_BASES)[number];

export interface LayerSettings {
  stationsVisible: boolean;
  /** Modelled-coverage discs around stations (from zoom 9). */
  discsVisible: boolean;
  /** Include 4G stations in the station points (5G always). */
  fourGVisible: boolean;
  villagesVisible: boolean;
  villageColouring: VillageColouring;
  relocationVisible: boolean;
  relocationBasis: CoverageBasis;
  scenicVisible: boolean;
  choroplethVisible: boolean;
  choroplethLevel: 'county' | 'prefecture';
  metric: MetricId;
  method: ClassMethod;
  classCount: number;
  manualBreaks: number[];
  filter: StationFilter;
  /** Compare mode: the choropleth shows the change of its metric from this year to the slider's; null = off. */
  compareFromYear: number | null;
}
