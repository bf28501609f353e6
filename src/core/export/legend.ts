// The choropleth legend as an exported map draws it: one row per class with its colour, value range
// and number of areas, then "no data" and the areas meeting the plan's target. Input is the
// classification the side panel's legend shows (src/ui/layers/useChoropleth.ts), so both agree.
// Rules (core/classify.ts): classes are (previous break, break]; the first is open below, the last
// open above; the 'target' method puts a break just under the target, which reads as "≥ target".

export interface LegendClassification {
  breaks: readonly number[];
  counts: readonly number[];
  classOf: ArrayLike<number>;
  values: ArrayLike<number>;
  min: number;
  max: number;
  colors: readonly string[];
  target?: number;
}

export interface LegendRow {
  colour: string;
  range: string;
  count: number;
  /** The target row: drawn as an outline (the map's dark green inner border), not a fill. */
  outline?: boolean;
}

/** The break classify.ts puts just under a target, so that meeting it exactly counts as met. */
const TARGET_MET_SHARE = 0.999999;

export function classRange(
  view: Pick<LegendClassification, 'breaks' | 'min' | 'max' | 'target'>,
  i: number,
  format: (value: number) => string,
): string {
  const { breaks, target } = view;
  if (breaks.length === 0) return `${format(view.min)} – ${format(view.max)}`;
  if (i === 0) return `≤ ${format(breaks[0])}`;
  const met = target !== undefined && breaks[i - 1] === target * TARGET_MET_SHARE;
  if (i === breaks.length) return met ? `≥ ${format(target)}` : `> ${format(breaks[i - 1])}`;
  if (met) return `${format(target)} – ${format(breaks[i])}`;
  return `${format(breaks[i - 1])} – ${format(breaks[i])}`;
}

export interface LegendLabels {
  noData: string;
  targetMet: (target: string) => string;
}

export function legendRows(
  view: LegendClassification,
  format: (value: number) => string,
  labels: LegendLabels,
  noDataColour: string,
  targetColour: string,
): LegendRow[] {
  const rows: LegendRow[] = view.counts.map((count, i) => ({
    colour: view.colors[i],
    range: classRange(view, i, format),
    count,
  }));
  let noData = 0,
    met = 0;
  for (let i = 0; i < view.classOf.length; i++) {
    if (view.classOf[i] < 0) noData++;
    else if (view.target !== undefined && view.values[i] >= view.target) met++;
  }
  if (noData > 0) rows.push({ colour: noDataColour, range: labels.noData, count: noData });
  if (view.target !== undefined)
    rows.push({
      colour: targetColour,
      range: labels.targetMet(format(view.target)),
      count: met,
      outline: true,
    });
  return rows;
}
