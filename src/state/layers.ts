// Which layers are on, how they are drawn and classified, and the station filter. Small settings
// only; the values they draw come from the area figures in the store and the engine worker. The
// defaults are core's: the choropleth's and each layer's own (src/core/layerSettings.ts).
import { create } from 'zustand';
import { DEFAULT_LAYER_SETTINGS, type LayerSettings } from '../core/layerSettings';

export type { CoverageBasis, LayerSettings, VillageColouring } from '../core/layerSettings';

export const useLayers = create<LayerSettings & { update: (change: Partial<LayerSettings>) => void }>()(
  (set) => ({
    ...DEFAULT_LAYER_SETTINGS,
    manualBreaks: [...DEFAULT_LAYER_SETTINGS.manualBreaks],
    update: (change) => set(change),
  }),
);
