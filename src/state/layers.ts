// Which thematic layers are on and how they are classified. Small settings only; the values they
// draw come from the area figures already in the store.
import { create } from 'zustand';
import type { ClassMethod } from '../core/classify';
import type { DensityMetric } from '../core/densityMetric';

export interface LayerSettings {
  densityVisible: boolean;
  densityLevel: 'county' | 'prefecture';
  metric: DensityMetric;
  method: ClassMethod;
  classCount: number;
  manualBreaks: number[];
}

export const useLayers = create<LayerSettings & { update: (change: Partial<LayerSettings>) => void }>()((set) => ({
  densityVisible: true,
  densityLevel: 'county',
  metric: 'per10k',
  method: 'target',
  classCount: 5,
  manualBreaks: [10, 20, 33, 50],
  update: (change) => set(change),
}));
