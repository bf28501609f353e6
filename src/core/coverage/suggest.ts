// The site suggester: where K new stations of a given radius would cover the most uncovered
// targets (or the most people, when weighted), and which targets count as uncovered.
//
// Rules relied on:
// - A target is uncovered as reported when its reported 5G status is "no" as of the year (unknown
//   is not "no"), as modelled when the coverage model does not reach it by the year. The planner
//   chooses which to aim at: reported, modelled, or either (the default: a village whose team
//   says it has no 5G needs a look even when the model draws it covered).
// - Candidates are the positions of the uncovered targets, in target order, then the centres of
//   the candidate-grid cells (in a local projection) that hold at least one uncovered target,
//   row by row. A candidate covers the uncovered targets within radiusMeters (haversine).
// - Picking K sites to cover the most is NP-hard; the greedy choice (always the candidate with
//   the largest marginal gain) is guaranteed at least (1 − 1/e) ≈ 63% of the best possible.
// - Gains only shrink as sites are picked (coverage is submodular, weights are non-negative), so
//   a stale gain is an upper bound: lazy evaluation (CELF) re-evaluates only the top of a
//   max-heap until the top is fresh, and picks exactly what plain greedy would.
// - Ties go to the lowest candidate index, so the same input always gives the same sites.
import { buildPointGrid, EARTH_RADIUS_METERS, forEachWithin } from './stationGrid';
import type { TargetColumns } from './types';

export interface SuggestOptions {
  radiusMeters: number;
  /** Spacing of the extra grid-centre candidates; 1000 m by default. */
  candidateGridMeters?: number;
  /** Maximise summed target weight (population) rather than the count of targets. */
  weighted?: boolean;
  /** Called as candidates are built and sites picked; total = candidates + k. */
  onProgress?: (done: number, total: number) => void;
}

export interface Candidates {
  lon: Float64Array;
  lat: Float64Array;
  /** Target index of a candidate placed on a target, −1 for a grid-cell centre. */
  targetIndex: Int32Array;
  /** Uncovered targets within reach of candidate c: coverItems[coverStart[c] .. coverStart[c + 1]), ascending. */
  coverStart: Uint32Array;
  coverItems: Uint32Array;
}

export interface SitePick {
  candidateIndex: number;
  /** The uncovered target this site stands on, −1 for a grid-cell centre. */
  targetIndex: number;
  lon: number;
  lat: number;
  /** Targets this site covers that no earlier pick covers, ascending. */
  newlyCovered: number[];
  /** Marginal gain: newly covered count, or their summed weight when weighted. */
  gain: number;
  /** Gain of this pick and all before it. */
  cumulative: number;
}

export interface Suggestion {
  picks: SitePick[];
  candidateCount: number;
  /** What covering every uncovered target would gain: their count, or summed weight. */
  uncoveredTotal: number;
}

/** Which targets the suggester tries to cover; the first is the default. */
export const SUGGEST_TARGET_BASES = ['either', 'reported', 'modelled'] as const;
export type SuggestTargetBasis = (typeof SUGGEST_TARGET_BASES)[number];

/** Why a target is uncovered, as bits: reported "no", and/or not reached by the model. */
export const UNCOVERED_REPORTED = 1,
  UNCOVERED_MODELLED = 2;

/**
 * Per target, the bits of why it is uncovered. `reported` holds statuses as statusAt gives them
 * (0 no, 1 yes, 255 unknown); `modelledCovered` 1 where the model covers the target.
 */
export function uncoveredReasons(reported: Uint8Array, modelledCovered: Uint8Array): Uint8Array {
  if (reported.length !== modelledCovered.length)
    throw new RangeError('reported and modelledCovered must have one entry per target');
  const reasons = new Uint8Array(reported.length);
  for (let i = 0; i < reasons.length; i++)
    reasons[i] =
      (reported[i] === 0 ? UNCOVERED_REPORTED : 0) | (modelledCovered[i] === 1 ? 0 : UNCOVERED_MODELLED);
  return reasons;
}

/** The uncovered mask suggestSites takes: 1 where the target is uncovered on the chosen basis. */
export function targetMask(reasons: Uint8Array, basis: SuggestTargetBasis): Uint8Array {
  const wanted =
    basis === 'reported'
      ? UNCOVERED_REPORTED
      : basis === 'modelled'
        ? UNCOVERED_MODELLED
        : UNCOVERED_REPORTED | UNCOVERED_MODELLED;
  return reasons.map((reason) => (reason & wanted ? 1 : 0));
}

const METERS_PER_DEGREE_LATITUDE = (EARTH_RADIUS_METERS * Math.PI) / 180;
const PROGRESS_EVERY = 4096;

/** Candidate sites and the uncovered targets each would cover. */
export function buildCandidates(
  targets: TargetColumns,
  uncoveredMask: Uint8Array,
  radiusMeters: number,
  candidateGridMeters = 1000,
  onCandidate?: (done: number, total: number) => void,
): Candidates {
  const { lon, lat } = targets;
  if (lat.length !== lon.length || uncoveredMask.length !== lon.length)
    throw new RangeError('uncoveredMask must have one entry per target');
  if (!(radiusMeters >= 0) || !(candidateGridMeters > 0))
    throw new RangeError('radiusMeters must be ≥ 0 and candidateGridMeters > 0');
  const uncovered: number[] = [];
  for (let i = 0; i < lon.length; i++)
    if (uncoveredMask[i] === 1 && Number.isFinite(lon[i]) && Number.isFinite(lat[i])) uncovered.push(i);

  // Grid-cell centres in an equirectangular projection at the targets' mid latitude.
  let west = Infinity,
    south = Infinity,
    north = -Infinity;
  for (const i of uncovered) {
    west = Math.min(west, lon[i]);
    south = Math.min(south, lat[i]);
    north = Math.max(north, lat[i]);
  }
  const metersPerDegreeLon =
    METERS_PER_DEGREE_LATITUDE * Math.max(Math.cos((((south + north) / 2) * Math.PI) / 180), 1e-9);
  const cellKeys = new Set<number>();
  const columnOf = (i: number) => Math.floor(((lon[i] - west) * metersPerDegreeLon) / candidateGridMeters);
  const rowOf = (i: number) =>
    Math.floor(((lat[i] - south) * METERS_PER_DEGREE_LATITUDE) / candidateGridMeters);
  let columns = 0;
  for (const i of uncovered) columns = Math.max(columns, columnOf(i) + 1);
  for (const i of uncovered) cellKeys.add(rowOf(i) * columns + columnOf(i));
  const sortedKeys = Float64Array.from(cellKeys).sort();

  const count = uncovered.length + sortedKeys.length;
  const candidates: Candidates = {
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    targetIndex: new Int32Array(count).fill(-1),
    coverStart: new Uint32Array(count + 1),
    coverItems: new Uint32Array(Math.max(16, count * 4)),
  };
  uncovered.forEach((i, c) => {
    candidates.lon[c] = lon[i];
    candidates.lat[c] = lat[i];
    candidates.targetIndex[c] = i;
  });
  sortedKeys.forEach((key, k) => {
    const row = Math.floor(key / columns),
      column = key - row * columns;
    candidates.lon[uncovered.length + k] = west + ((column + 0.5) * candidateGridMeters) / metersPerDegreeLon;
    candidates.lat[uncovered.length + k] =
      south + ((row + 0.5) * candidateGridMeters) / METERS_PER_DEGREE_LATITUDE;
  });

  // Cells about a radius wide: each search then reads about nine cells.
  const grid = buildPointGrid(lon, lat, Math.max(radiusMeters, 500), uncoveredMask);
  const reach: number[] = [];
  const collect = (index: number) => {
    reach.push(index);
  };
  let used = 0;
  for (let c = 0; c < count; c++) {
    reach.length = 0;
    forEachWithin(grid, candidates.lon[c], candidates.lat[c], radiusMeters, collect);
    reach.sort((a, b) => a - b);
    if (used + reach.length > candidates.coverItems.length) {
      const grown = new Uint32Array(Math.max(candidates.coverItems.length * 2, used + reach.length));
      grown.set(candidates.coverItems.subarray(0, used));
      candidates.coverItems = grown;
    }
    candidates.coverItems.set(reach, used);
    used += reach.length;
    candidates.coverStart[c + 1] = used;
    if (onCandidate && (c + 1) % PROGRESS_EVERY === 0) onCandidate(c + 1, count);
  }
  candidates.coverItems = candidates.coverItems.slice(0, used);
  return candidates;
}

/** Greedy maximum coverage with lazy evaluation: up to k sites, fewer when no gain remains. */
export function suggestSites(
  targets: TargetColumns,
  uncoveredMask: Uint8Array,
  k: number,
  options: SuggestOptions,
): Suggestion {
  const { radiusMeters, candidateGridMeters = 1000, weighted = false, onProgress } = options;
  const weightOf = (i: number) => (weighted && targets.weight ? targets.weight[i] : 1);
  for (let i = 0; i < uncoveredMask.length; i++) {
    if (uncoveredMask[i] === 1 && !(weightOf(i) >= 0 && weightOf(i) < Infinity))
      throw new RangeError(`target ${i} has weight ${weightOf(i)}; weights must be finite and ≥ 0`);
  }
  const candidates = buildCandidates(
    targets,
    uncoveredMask,
    radiusMeters,
    candidateGridMeters,
    onProgress && ((done, count) => onProgress(done, count + k)),
  );
  const count = candidates.lon.length;
  const total = count + k;
  onProgress?.(count, total);
  const { coverStart, coverItems } = candidates;

  let uncoveredTotal = 0;
  for (let i = 0; i < uncoveredMask.length; i++) if (uncoveredMask[i] === 1) uncoveredTotal += weightOf(i);
  const covered = new Uint8Array(uncoveredMask.length);
  const gainOf = (c: number) => {
    let gain = 0;
    for (let j = coverStart[c]; j < coverStart[c + 1]; j++)
      if (!covered[coverItems[j]]) gain += weightOf(coverItems[j]);
    return gain;
  };

  // Max-heap of candidates by (gain descending, index ascending); evaluatedAt says in which round
  // (number of picks made) a candidate's gain was last computed.
  const gains = new Float64Array(count);
  const evaluatedAt = new Int32Array(count);
  const heap = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    gains[c] = gainOf(c);
    heap[c] = c;
  }
  const before = (a: number, b: number) => gains[a] > gains[b] || (gains[a] === gains[b] && a < b);
  let heapSize = count;
  const siftDown = (position: number) => {
    for (;;) {
      const left = 2 * position + 1,
        right = left + 1;
      let top = position;
      if (left < heapSize && before(heap[left], heap[top])) top = left;
      if (right < heapSize && before(heap[right], heap[top])) top = right;
      if (top === position) return;
      [heap[top], heap[position]] = [heap[position], heap[top]];
      position = top;
    }
  };
  for (let position = (heapSize >> 1) - 1; position >= 0; position--) siftDown(position);

  const picks: SitePick[] = [];
  let cumulative = 0;
  while (picks.length < k && heapSize > 0) {
    const top = heap[0];
    if (evaluatedAt[top] !== picks.length) {
      gains[top] = gainOf(top);
      evaluatedAt[top] = picks.length;
      siftDown(0);
      continue;
    }
    if (!(gains[top] > 0)) break;
    const newlyCovered: number[] = [];
    for (let j = coverStart[top]; j < coverStart[top + 1]; j++) {
      if (!covered[coverItems[j]]) {
        covered[coverItems[j]] = 1;
        newlyCovered.push(coverItems[j]);
      }
    }
    cumulative += gains[top];
    picks.push({
      candidateIndex: top,
      targetIndex: candidates.targetIndex[top],
      lon: candidates.lon[top],
      lat: candidates.lat[top],
      newlyCovered,
      gain: gains[top],
      cumulative,
    });
    heap[0] = heap[--heapSize];
    siftDown(0);
    onProgress?.(count + picks.length, total);
  }
  if (picks.length < k) onProgress?.(total, total);
  return { picks, candidateCount: count, uncoveredTotal };
}

/** A pick as the map draws it: its rank, position, the radius it was picked with and a label. */
export interface SiteMarker {
  rank: number;
  lon: number;
  lat: number;
  radiusMeters: number;
  /** The marker's tooltip and accessible name, already translated. */
  label: string;
}

/** The targets a run aims at, as the map draws them: where, why (UNCOVERED_* bits), and picked. */
export interface TargetMarkers {
  lon: Float64Array;
  lat: Float64Array;
  reasons: Uint8Array;
  /** 1 where one of the picks covers the target. */
  coveredByPick: Uint8Array;
}
