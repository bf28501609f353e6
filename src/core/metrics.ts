// Every metric a choropleth, the ranking table and the area summary can show, one catalogue of
// every layer's: how its value comes from an area's figures, its unit, decimals and the plan's
// target where the plan sets one (see geodata/README.md and summary/plan.ts). Each layer declares
// its own metrics in its module (src/core/layers/registry.ts lists the layers).
//
// Rules: a share is a percentage of one figure in another of its layer — of the rows whose status
// is known for a reported share — NaN when the whole is 0; modelled and reported coverage are
// separate metrics, never merged.
import type { Technology } from './coverage/types';
import type { AreaSize, MetricDefinition, MetricUnit } from './layers/definition';
import {
  LAYER_NAMES,
  LAYERS,
  METRIC_IDS,
  type Figure,
  type LayerName,
  type MetricId,
} from './layers/registry';

export { METRIC_IDS, type AreaSize, type MetricId, type MetricUnit };
export type AreaFigures = Record<Figure, number>;

export interface Metric {
  id: MetricId;
  layer: LayerName;
  unit: MetricUnit;
  digits: number;
  /** The plan's 2025 target in the metric's unit. */
  target?: number;
  /** Modelled metrics come from the coverage model, not from reported statuses. */
  modelled?: boolean;
  /** A share's part and whole (the counts behind the percentage); null for other metrics. */
  share: { part: Figure; whole: Figure } | null;
  value: (f: AreaFigures, area: AreaSize) => number;
}

const percent = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : NaN);

function metricOf(id: MetricId, layer: LayerName, definition: MetricDefinition<Figure>): Metric {
  const { unit, digits, target, modelled } = definition;
  if ('share' in definition) {
    const { part, whole } = definition.share;
    return {
      id,
      layer,
      unit,
      digits,
      target,
      modelled,
      share: { part, whole },
      value: (f) => percent(f[part], f[whole]),
    };
  }
  return {
    id,
    layer,
    unit,
    digits,
    target,
    modelled,
    share: null,
    value: (f, area) => definition.value(f, area),
  };
}

export const METRICS = Object.fromEntries(
  LAYER_NAMES.flatMap((layer) =>
    Object.entries(LAYERS[layer].metrics).map(([id, definition]) => [
      id,
      metricOf(id as MetricId, layer, definition as MetricDefinition<Figure>),
    ]),
  ),
) as Record<MetricId, Metric>;

/** Metrics of one layer, in catalogue order. */
export const metricsOfLayer = (layer: LayerName): Metric[] =>
  METRIC_IDS.map((id) => METRICS[id]).filter((m) => m.layer === layer);

/**
 * The stations a modelled metric counts coverage by. Without any station of that technology loaded
 * the model has nothing to count: the metric has no value (never 0 %), and says which data is missing.
 */
export const MODELLED_TECHNOLOGY: Partial<Record<MetricId, Technology>> = {
  'villages.fiveGModelled': '5G',
  'villages.fourGModelled': '4G',
  'relocation.modelled': '5G',
  'scenic.modelled': '5G',
};

/** Stations loaded per technology (all of them, whatever the map's filter). */
export type StationCounts = Readonly<Record<Technology, number>>;
export const NO_STATIONS: StationCounts = { '5G': 0, '4G': 0 };

/** The technology whose stations `metric` needs and lacks; null when it has them or is not modelled. */
export function missingStations(
  metric: Pick<Metric, 'id' | 'modelled'>,
  loaded: StationCounts,
): Technology | null {
  const technology = metric.modelled ? MODELLED_TECHNOLOGY[metric.id] : undefined;
  return technology !== undefined && loaded[technology] === 0 ? technology : null;
}
