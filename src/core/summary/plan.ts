// The plan's targets (Guizhou ICT 14th Five-Year Plan, 2021–2025, figures as published; see
// geodata/README.md) and progress of a measured value against them.
export const PLAN = {
  fiveGStations: { baseline2020: 20_721, target2025: 130_000 },
  fourGStations: { baseline2020: 183_000, target2025: 196_000 },
  fiveGStationsPer10kResidents: { baseline2020: 5, target2025: 33 },
  /** Shares (0–1) the plan sets at 100 %. */
  relocationSitesCovered: { target2025: 1 },
  townshipsWith5g: { target2025: 1 },
  scenicAreas4a5aWith5g: { target2025: 1 },
} as const;

export interface Progress {
  value: number;
  target: number;
  /** How far short of the target (0 when reached). */
  gap: number;
  /** Share of the way from the baseline to the target (can exceed 1); null without a baseline. */
  shareOfWay: number | null;
  reached: boolean;
}

export function progress(value: number, target: number, baseline?: number): Progress {
  return {
    value,
    target,
    gap: Math.max(0, target - value),
    shareOfWay:
      baseline === undefined || target === baseline ? null : (value - baseline) / (target - baseline),
    reached: value >= target,
  };
}

/**
 * Townships with 5G, as far as the data can tell without township polygons (none exist): a
 * township counts as having 5G when at least one of its village-level units is covered.
 * Returns per township index: 1 covered, 0 not, 255 when none of its villages has a known flag.
 */
export function townshipCoverage(
  townshipOfVillage: Uint32Array,
  townshipCount: number,
  villageCovered: Uint8Array,
): Uint8Array {
  const result = new Uint8Array(townshipCount).fill(255);
  for (let i = 0; i < townshipOfVillage.length; i++) {
    const t = townshipOfVillage[i],
      flag = villageCovered[i];
    if (flag === 1) result[t] = 1;
    else if (flag === 0 && result[t] === 255) result[t] = 0;
  }
  return result;
}
