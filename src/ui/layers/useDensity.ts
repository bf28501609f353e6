// The density choropleth as the legend and the map both need it: a value, a class and a colour per
// area, computed from the (small) area figures in the store; recomputed only when they change.
import { useMemo } from 'react';
import { schemeRdYlBu, schemeYlGnBu } from 'd3-scale-chromatic';
import { classBreaks, classify, type Classification } from '../../core/classify';
import { densityTarget, densityValue } from '../../core/densityMetric';
import { useLayers } from '../../state/layers';
import { useAtlas } from '../../state/store';

export interface DensityView extends Classification { adcodes: string[]; values: Float64Array; colors: string[]; target?: number }

/** ColorBrewer schemes, colour-blind safe: YlGnBu sequential, RdYlBu diverging around the target. */
function palette(classCount: number, aroundTarget: boolean): string[] {
  const n = Math.max(3, Math.min(classCount, 9));
  return aroundTarget ? [...schemeRdYlBu[Math.max(3, Math.min(classCount, 11))]] : [...schemeYlGnBu[n]];
}

export function useDensity(): DensityView | null {
  const areas = useAtlas((s) => s.areas);
  const figures = useAtlas((s) => s.stationCounts);
  const { densityLevel, metric, method, classCount, manualBreaks } = useLayers();
  return useMemo(() => {
    if (figures.size === 0) return null;
    const records = [...areas.values()].filter((a) => a.level === densityLevel);
    const values = Float64Array.from(records, (a) => densityValue(metric, a, figures.get(a.adcode)));
    const target = densityTarget(metric);
    const effectiveMethod = method === 'target' && target === undefined ? 'quantile' : method;
    const breaks = classBreaks(values, effectiveMethod, classCount, { target, manual: manualBreaks });
    const classification = classify(values, breaks);
    const colors = palette(breaks.length + 1, effectiveMethod === 'target');
    return { ...classification, adcodes: records.map((a) => a.adcode), values, colors, target };
  }, [areas, figures, densityLevel, metric, method, classCount, manualBreaks]);
}
