// The plan's scorecard: each indicator with its baseline, target and reported figures, and where
// the loaded layers can tell, the value from the data as of a year, the gap, the share of the way
// from the 2020 baseline to the 2025 target, and — for spatial indicators — every prefecture and
// county with the laggards first.
//
// Rules relied on:
// - A value is null when the indicator is not measurable, its layer is not loaded, or (a share)
//   no row has a known status; never 0 for "unknown".
// - The province is area 520000 in the figures; its residents are the sum of the prefectures'.
// - Laggards first: lowest share of the target first (the lowest value where there is no
//   target); ties by adcode. Areas without a value are left out of the lists and counted.
// - A value from the sample is flagged, so every place that shows it can say so.
import type { AreaRecord } from '../areas';
import { PROVINCE_ADCODE } from '../layers/figures';
import type { LayerName } from '../layers/types';
import type { AreaFigures } from '../metrics';
import { PLAN_INDICATORS, type Measure, type PlanIndicator } from './planIndicators';
import { progress } from './plan';

export interface ScorecardInputs {
  figures: ReadonlyMap<string, AreaFigures>;
  areas: ReadonlyMap<string, AreaRecord>;
  asOfYear: number;
  /** The loaded layers and where each comes from. */
  sources: Partial<Record<LayerName, { kind: 'sample' | 'dataset' }>>;
}

export interface AreaValue {
  adcode: string;
  value: number;
  /** value / target; null without a numeric target. */
  shareOfTarget: number | null;
  gap: number | null;
  reached: boolean;
}

export interface AreaLists {
  prefectures: AreaValue[];
  counties: AreaValue[];
  /** Areas left out because they have no value (no residents known, no rows of that kind). */
  prefecturesWithoutValue: number;
  countiesWithoutValue: number;
}

export interface ScorecardLine {
  measure: Measure;
  layerLoaded: boolean;
  sample: boolean;
  value: number | null;
  /** The counts behind a share (part of whole). */
  part?: number;
  whole?: number;
  gap: number | null;
  /** Share of the way from the 2020 baseline to the 2025 target (can exceed 1); null without both. */
  shareOfWay: number | null;
  shareOfTarget: number | null;
  reached: boolean;
  areas?: AreaLists;
}

export interface ScorecardRow {
  indicator: PlanIndicator;
  measurable: boolean;
  /** One per measure: reported first, then modelled. Empty when not measurable. */
  lines: ScorecardLine[];
}

export interface Scorecard {
  asOfYear: number;
  rows: ScorecardRow[];
}

export function buildScorecard(inputs: ScorecardInputs): Scorecard {
  const residents = provinceResidents(inputs.areas);
  return {
    asOfYear: inputs.asOfYear,
    rows: PLAN_INDICATORS.map((indicator) => ({
      indicator,
      measurable: indicator.measures.length > 0,
      lines: indicator.measures.map((measure) => lineOf(indicator, measure, inputs, residents)),
    })),
  };
}

function lineOf(
  indicator: PlanIndicator,
  measure: Measure,
  inputs: ScorecardInputs,
  provinceResidents: number,
): ScorecardLine {
  const source = inputs.sources[measure.layer];
  const province = source ? inputs.figures.get(PROVINCE_ADCODE) : undefined;
  const measured = province ? measureValue(measure, province, provinceResidents) : { value: null };
  const { value } = measured;
  const target = indicator.target2025;
  const toTarget =
    value !== null && target !== null ? progress(value, target, indicator.baseline2020 ?? undefined) : null;
  const line: ScorecardLine = {
    measure,
    layerLoaded: source !== undefined,
    sample: source?.kind === 'sample',
    ...measured,
    gap: toTarget?.gap ?? null,
    shareOfWay: toTarget?.shareOfWay ?? null,
    shareOfTarget: value !== null && target ? value / target : null,
    reached: toTarget?.reached ?? false,
  };
  if (indicator.spatial && province) line.areas = areaLists(measure, target, inputs);
  return line;
}

function measureValue(
  measure: Measure,
  f: AreaFigures,
  residents: number,
): { value: number | null; part?: number; whole?: number } {
  switch (measure.kind) {
    case 'count':
      return { value: f[measure.figure] };
    case 'per10kResidents':
      return { value: residents > 0 ? (f[measure.figure] * 1e4) / residents : null };
    case 'share': {
      const part = f[measure.part],
        whole = f[measure.whole];
      return { value: whole > 0 ? (100 * part) / whole : null, part, whole };
    }
  }
}

function areaLists(measure: Measure, target: number | null, { figures, areas }: ScorecardInputs): AreaLists {
  const lists: AreaLists = {
    prefectures: [],
    counties: [],
    prefecturesWithoutValue: 0,
    countiesWithoutValue: 0,
  };
  for (const area of areas.values()) {
    const own = figures.get(area.adcode);
    const value = own ? measureValue(measure, own, area.population2020).value : null;
    const isCounty = area.level === 'county';
    if (value === null) {
      if (isCounty) lists.countiesWithoutValue++;
      else lists.prefecturesWithoutValue++;
      continue;
    }
    (isCounty ? lists.counties : lists.prefectures).push({
      adcode: area.adcode,
      value,
      shareOfTarget: target ? value / target : null,
      gap: target === null ? null : Math.max(0, target - value),
      reached: target !== null && value >= target,
    });
  }
  lists.prefectures.sort(laggardsFirst);
  lists.counties.sort(laggardsFirst);
  return lists;
}

function laggardsFirst(a: AreaValue, b: AreaValue): number {
  const byShare = (a.shareOfTarget ?? a.value) - (b.shareOfTarget ?? b.value);
  return byShare !== 0 ? byShare : a.adcode < b.adcode ? -1 : a.adcode > b.adcode ? 1 : 0;
}

function provinceResidents(areas: ReadonlyMap<string, AreaRecord>): number {
  let sum = 0;
  for (const area of areas.values()) if (area.level === 'prefecture') sum += area.population2020;
  return sum;
}
