// Which layers are on, how they are drawn and classified, and the station filter. Small settings
// only; the values they draw come from the area figures in the store and the engine worker.
import { create } from 'zustand';
import { NO_STATION_FILTER } from '../core/layers/stationFilter';
import type { LayerSettings } from '../core/layerSettings';

export type { CoverageBasis, LayerSettings, VillageColouring } from '../core/layerSettings';

export const useLayers = create<LayerSettings & { update: (change: Partial<LayerSettings>) => void }>()(
  (set) => ({
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
  }),
);
