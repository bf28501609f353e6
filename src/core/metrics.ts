// Every metric a choropleth, the ranking table and the area summary can show, one catalogue for
// the four layers: how its value comes from an area's figures, its unit, decimals and the plan's
// target where the plan sets one (see geodata/README.md and summary/plan.ts).
//
// Rules: shares are percentages of the rows whose status is known, NaN when none is; modelled and
// reported coverage are separate metrics, never merged.
import type { Figure } from './layers/figures';
import type { LayerName } from './layers/types';
import { PLAN } from './summary/plan';

export type AreaFigures = Record<Figure, number>;
export interface AreaSize {
  population2020: number;
  areaKm2: number;
}

export type MetricUnit = 'per10k' | 'perKm2' | 'stations' | 'percent';

export interface Metric {
  id: MetricId;
  layer: LayerName;
  unit: MetricUnit;
  digits: number;
  /** The plan's 2025 target in the metric's unit. */
  target?: number;
  /** Modelled metrics come from the coverage model, not from reported statuses. */
  modelled?: boolean;
  value: (f: AreaFigures, area: AreaSize) => number;
}

export const METRIC_IDS = [
  'stations.per10k',
  'stations.perKm2',
  'stations.count',
  'stations.growth',
  'villages.fiber',
  'villages.gigabit',
  'villages.fiveG',
  'villages.fiveGModelled',
  'villages.fourGModelled',
  'townships.fiveG',
  'relocation.reported',
  'relocation.modelled',
  'scenic.reported',
  'scenic.modelled',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

const percent = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : NaN);
const FULL = 100;

export const METRICS: Record<MetricId, Metric> = {
  'stations.per10k': {
    id: 'stations.per10k',
    layer: 'stations',
    unit: 'per10k',
    digits: 1,
    target: PLAN.fiveGStationsPer10kResidents.target2025,
    value: (f, a) => (f.stations5g * 1e4) / a.population2020,
  },
  'stations.perKm2': {
    id: 'stations.perKm2',
    layer: 'stations',
    unit: 'perKm2',
    digits: 2,
    value: (f, a) => f.stations5g / a.areaKm2,
  },
  'stations.count': {
    id: 'stations.count',
    layer: 'stations',
    unit: 'stations',
    digits: 0,
    value: (f) => f.stations5g,
  },
  'stations.growth': {
    id: 'stations.growth',
    layer: 'stations',
    unit: 'stations',
    digits: 0,
    value: (f) => f.stations5g - f.stations5gAt2020,
  },
  'villages.fiber': {
    id: 'villages.fiber',
    layer: 'villages',
    unit: 'percent',
    digits: 1,
    target: FULL,
    value: (f) => percent(f.fiber, f.fiberKnown),
  },
  'villages.gigabit': {
    id: 'villages.gigabit',
    layer: 'villages',
    unit: 'percent',
    digits: 1,
    value: (f) => percent(f.gigabit, f.gigabitKnown),
  },
  'villages.fiveG': {
    id: 'villages.fiveG',
    layer: 'villages',
    unit: 'percent',
    digits: 1,
    value: (f) => percent(f.fiveG, f.fiveGKnown),
  },
  'villages.fiveGModelled': {
    id: 'villages.fiveGModelled',
    layer: 'villages',
    unit: 'percent',
    digits: 1,
    modelled: true,
    value: (f) => percent(f.villagesModelled5g, f.villagesWithPosition),
  },
  'villages.fourGModelled': {
    id: 'villages.fourGModelled',
    layer: 'villages',
    unit: 'percent',
    digits: 1,
    modelled: true,
    target: FULL,
    value: (f) => percent(f.villagesModelled4g, f.villagesWithPosition),
  },
  'townships.fiveG': {
    id: 'townships.fiveG',
    layer: 'villages',
    unit: 'percent',
    digits: 1,
    target: FULL * PLAN.townshipsWith5g.target2025,
    value: (f) => percent(f.townships5g, f.townshipsKnown5g),
  },
  'relocation.reported': {
    id: 'relocation.reported',
    layer: 'relocationSites',
    unit: 'percent',
    digits: 1,
    target: FULL * PLAN.relocationSitesCovered.target2025,
    value: (f) => percent(f.relocationReported, f.relocationKnown),
  },
  'relocation.modelled': {
    id: 'relocation.modelled',
    layer: 'relocationSites',
    unit: 'percent',
    digits: 1,
    modelled: true,
    target: FULL * PLAN.relocationSitesCovered.target2025,
    value: (f) => percent(f.relocationModelled, f.relocationSites),
  },
  'scenic.reported': {
    id: 'scenic.reported',
    layer: 'scenicAreas',
    unit: 'percent',
    digits: 1,
    target: FULL * PLAN.scenicAreas4a5aWith5g.target2025,
    value: (f) => percent(f.scenicReported, f.scenicKnown),
  },
  'scenic.modelled': {
    id: 'scenic.modelled',
    layer: 'scenicAreas',
    unit: 'percent',
    digits: 1,
    modelled: true,
    target: FULL * PLAN.scenicAreas4a5aWith5g.target2025,
    value: (f) => percent(f.scenicModelled, f.scenicAreas),
  },
};

/** Metrics of one layer, in catalogue order. */
export const metricsOfLayer = (layer: LayerName): Metric[] =>
  METRIC_IDS.map((id) => METRICS[id]).filter((m) => m.layer === layer);
