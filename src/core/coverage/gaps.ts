// The coverage gaps to fix first: targets not covered by a chosen technology, grouped by area
// (county) and ranked within each area. Small plain arrays, ready for the store and the panel.
//
// Rules relied on:
// - Within an area: heavier first (population), then farther from the nearest station (a gap no
//   station is near needs a new site, not a tilt), then lower target index, so ties are stable.
// - A missing or NaN weight counts as 1 or 0 respectively; no station at all is the farthest.
// - Areas are listed by area id; targets outside every area (id −1) come last, so no uncovered
//   target is silently dropped. Areas without an uncovered target are left out.

export interface GapInput {
  /** Modelled (or reported) covered flag of the chosen technology; 0 = uncovered. */
  covered: Uint8Array;
  /** Distance to the nearest station of that technology, Infinity when there is none. */
  nearestMeters: Float64Array;
  /** County index of each target, −1 outside every county. */
  areaIds: Int16Array;
  weight?: Float64Array;
}

export interface GapArea {
  areaId: number;
  uncoveredCount: number;
  uncoveredWeight: number;
  /** Uncovered target indices, most urgent first; at most limitPerArea of them. */
  targets: number[];
}

export function rankGaps(
  { covered, nearestMeters, areaIds, weight }: GapInput,
  limitPerArea = Infinity,
): GapArea[] {
  if (
    nearestMeters.length !== covered.length ||
    areaIds.length !== covered.length ||
    (weight && weight.length !== covered.length)
  ) {
    throw new RangeError('covered, nearestMeters, areaIds and weight must have one entry per target');
  }
  const weightOf = (i: number) => (weight ? (Number.isNaN(weight[i]) ? 0 : weight[i]) : 1);
  const byArea = new Map<number, number[]>();
  for (let i = 0; i < covered.length; i++) {
    if (covered[i]) continue;
    const list = byArea.get(areaIds[i]);
    if (list) list.push(i);
    else byArea.set(areaIds[i], [i]);
  }
  const areaOrder = [...byArea.keys()].sort((a, b) => (a < 0 ? 1 : 0) - (b < 0 ? 1 : 0) || a - b);
  return areaOrder.map((areaId) => {
    const targets = byArea.get(areaId)!;
    targets.sort(
      (a, b) =>
        descending(weightOf(a), weightOf(b)) || descending(nearestMeters[a], nearestMeters[b]) || a - b,
    );
    return {
      areaId,
      uncoveredCount: targets.length,
      uncoveredWeight: targets.reduce((sum, i) => sum + weightOf(i), 0),
      targets: targets.length > limitPerArea ? targets.slice(0, limitPerArea) : targets,
    };
  });
}

/** Larger first; unlike b − a, Infinity ties with itself instead of giving NaN. */
function descending(a: number, b: number): number {
  return a === b ? 0 : a > b ? -1 : 1;
}
