// Which layers are on, how they are drawn and classified, and the station filter. Small settings
// only; the values they draw come from the area figures in the store and the engine worker.
import { create } from 'zustand';
import type { ClassMethod } from '../core/classify';
import type { MetricId } from '../core/metrics';
import { NO_STATION_FILTER, type StationFilter } from '../core/layers/stationFilter';

/** What colours village points: a reported status, or the coverage model's 5G. */
export type VillageColouring = 'fiber' | 'gigabit' | 'fourG' | 'fiveG' | 'fiveGModelled';
export type CoverageBasis = 'reported' | 'modelled';

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

export const useLayers = create<LayerSettings & { update: (change: Partial<LayerSettings>) => void }>()((set) => ({
  stationsVisible: true,
  discsVisible: false,
  fourGVisible: false,
  villagesVisible: false,
  villageColouring: 'fiveG',
  relocationVisible: true,
  relocationBasis: 'reported',
  scenicVisible: true,
  choroplethVisible: true,
  choroplethLevel: 'county',
  metric: 'stations.per10k',
  method: 'target',
  classCount: 5,
  manualBreaks: [10, 20, 33, 50],
  filter: NO_STATION_FILTER,
  compareFromYear: null,
  update: (change) => set(change),
}));
