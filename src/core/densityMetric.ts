// The 5G density choropleth's metrics, per area: stations per 10,000 residents (the plan's 33 is
// the target), per km², the count, and growth since the end of 2020.
import type { AreaRecord } from './areas';
import { PLAN } from './summary/plan';

export type DensityMetric = 'per10k' | 'perKm2' | 'count' | 'growth';
export const DENSITY_METRICS: readonly DensityMetric[] = ['per10k', 'perKm2', 'count', 'growth'];

export interface StationFigures { fiveG: number; per10kFiveG: number; fiveGAt2020: number }

export function densityValue(metric: DensityMetric, area: AreaRecord, figures: StationFigures | undefined): number {
  if (!figures) return NaN;
  switch (metric) {
    case 'per10k': return figures.per10kFiveG;
    case 'perKm2': return figures.fiveG / area.areaKm2;
    case 'count': return figures.fiveG;
    case 'growth': return figures.fiveG - figures.fiveGAt2020;
  }
}

/** The plan's target for a metric, where the plan sets one. */
export const densityTarget = (metric: DensityMetric): number | undefined =>
  metric === 'per10k' ? PLAN.fiveGStationsPer10kResidents.target2025 : undefined;
