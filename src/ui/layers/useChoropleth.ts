// The choropleth as the legend, the map, the ranking table and the tooltip all need it: a value, a
// class and a colour per area for the current metric, computed from the (small) area figures in
// the store; recomputed only when they or the settings change.
import { useMemo } from 'react';
import { schemeRdYlBu, schemeYlGnBu } from 'd3-scale-chromatic';
import { classBreaks, classify, type Classification } from '../../core/classify';
import { METRICS, type AreaFigures, type Metric } from '../../core/metrics';
import type { AreaRecord } from '../../core/areas';
import { useLayers } from '../../state/layers';
import { useAtlas } from '../../state/store';
import { useCompareFigures, type VintageNames } from '../../state/compare';
import { useMissingStations } from '../useLoadedData';

export interface ChoroplethView extends Classification {
  metric: Metric;
  level: 'county' | 'prefecture';
  /** Set in compare mode: values are the change from this year to the slider's year. */
  fromYear?: number;
  /** Set while two vintages are compared: values are the change from the older dataset to the newer. */
  vintages?: VintageNames;
  adcodes: string[];
  values: Float64Array;
  colors: string[];
  target?: number;
}

export const NO_DATA_COLOUR = '#d9d9d9';

/** ColorBrewer schemes, colour-blind safe: YlGnBu sequential, RdYlBu diverging around the target. */
function palette(classCount: number, aroundTarget: boolean): string[] {
  const n = Math.max(3, Math.min(classCount, 9));
  return aroundTarget ? [...schemeRdYlBu[Math.max(3, Math.min(classCount, 11))]] : [...schemeYlGnBu[n]];
}

/** The current metric's classified values; null while the metric's layer has no data. */
export function useChoropleth(): ChoroplethView | null {
  const areas = useAtlas((s) => s.areas);
  const figures = useAtlas((s) => s.figures);
  const sources = useAtlas((s) => s.layerInfo?.sources);
  const { choroplethLevel: level, metric: metricId, method, classCount, manualBreaks } = useLayers();
  const compare = useCompareFigures();
  // A modelled metric without the stations it needs has no value anywhere (not 0 %).
  const missing = useMissingStations(METRICS[metricId]);
  return useMemo(() => {
    const metric = METRICS[metricId];
    // Two vintages bring their own figures, in place of the current ones.
    const current = compare.toFigures ?? figures;
    if (current.size === 0 || (!compare.toFigures && !sources?.[metric.layer])) return null;
    const records = [...areas.values()].filter((a) => a.level === level);
    const valueIn = (table: Map<string, AreaFigures>, area: AreaRecord) => {
      const f = table.get(area.adcode);
      return f ? metric.value(f, area) : NaN;
    };
    const from = compare.figures;
    const values = Float64Array.from(records, (a) =>
      missing ? NaN : from ? valueIn(current, a) - valueIn(from, a) : valueIn(current, a),
    );
    // A change has no plan target: the classes then follow the data.
    const target = from ? undefined : metric.target;
    const effectiveMethod = method === 'target' && target === undefined ? 'quantile' : method;
    // A share cannot exceed 100 %: breaks at or above it would name empty classes.
    const breaks = classBreaks(values.filter(Number.isFinite), effectiveMethod, classCount, {
      target,
      manual: manualBreaks,
    }).filter((b) => from !== null || metric.unit !== 'percent' || b < 100);
    const classification = classify(values, breaks);
    const colors = palette(breaks.length + 1, effectiveMethod === 'target');
    return {
      ...classification,
      metric,
      level,
      adcodes: records.map((a) => a.adcode),
      values,
      colors,
      target,
      fromYear: compare.fromYear ?? undefined,
      vintages: compare.vintages ?? undefined,
    };
  }, [areas, figures, sources, level, metricId, method, classCount, manualBreaks, compare, missing]);
}
