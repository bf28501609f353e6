// The site suggester over the loaded layers: which targets of an area are without 5G as of a year
// (as reported, as modelled, or either), and where K new stations of one radius would cover the
// most of them.
//
// Rules relied on:
// - Targets are villages, relocation sites and 4A/5A scenic areas of the scope that have a
//   position (the others cannot be placed within any radius and are only counted as left out).
//   A county scope takes its county's targets, a prefecture its counties', the province every
//   target in a Guizhou county (rows outside Guizhou are in no scope).
// - A target is modelled covered as of a year when its modelled first 5G year is set and ≤ the
//   year, the rule the area figures count by; reported uncovered when its reported 5G status (a
//   village's status.fiveG, a place's `reported`, edits applied) is "no" as of the year — unknown
//   is not "no". request.targetBasis picks which of the two (or either) the sites aim at (core
//   suggest.ts targetMask); new sites cover what lies within radiusMeters (haversine).
// - Weighted, gains count residents. A relocation site weighs its relocated residents. A village
//   weighs its county's average residents per village-level unit (2020 census residents ÷ the
//   county's village-level units in the loaded layer): village sheets and the sample give no
//   village population, and an average keeps villages and sites in one unit (people) rather than
//   letting a site of 5,000 outweigh 4,000 villages of weight 1. A site of unknown size weighs as
//   such a village. Scenic areas have no residents and weigh 0: they count in the unweighted mode.
import type { AreaIndex } from '../core/areas';
import {
  suggestSites as greedySites,
  targetMask,
  uncoveredReasons,
  UNCOVERED_MODELLED,
  UNCOVERED_REPORTED,
  type SuggestTargetBasis,
  type TargetMarkers,
} from '../core/coverage/suggest';
import { coveredBy } from '../core/layers/encoding';
import { isGradedScenicArea, statusAt, type LayerSet } from '../core/layers/types';
import type { LayerSnapshot } from './layerView';

export type SuggestTargetKind = 'village' | 'relocationSite' | 'scenicArea';

export interface SuggestRequest {
  scope: { adcode: string } | 'province';
  asOfYear: number;
  /** At most this many sites; fewer when no site gains anything. */
  k: number;
  radiusMeters: number;
  weighted: boolean;
  /** Which targets to cover: reported uncovered, modelled uncovered, or either. */
  targetBasis: SuggestTargetBasis;
}

export interface SuggestTarget {
  kind: SuggestTargetKind;
  name: string;
  /** The 12-digit NBS code of a village, '' for other targets. */
  code: string;
  /** Residents counted for it when weighted. */
  weight: number;
}

export interface SuggestedSite {
  rank: number;
  lon: number;
  lat: number;
  /** Marginal gain: the newly covered targets, or their residents when weighted. */
  gain: number;
  newlyCovered: SuggestTarget[];
  /** This site and the ones before it: targets newly covered, and their weight. */
  cumulativeCount: number;
  cumulativeWeight: number;
  /** The uncovered target the site stands on; null for the centre of a 1 km candidate cell. */
  standsOn: SuggestTarget | null;
}

export interface SuggestTotals {
  /** Targets of the scope with a position, and those without (left out). */
  targets: number;
  withoutPosition: number;
  /** Targets the basis does not aim at (covered on that basis, or of unknown reported status). */
  coveredBefore: number;
  /** Targets the basis aims at. */
  uncoveredBefore: number;
  /** Of the targets with a position: reported "no", and not reached by the model (they overlap). */
  reportedUncovered: number;
  modelledUncovered: number;
  /** Summed weight of the uncovered targets: what the curve's 100 % means when weighted. */
  uncoveredWeight: number;
  coveredAfter: number;
}

export interface SuggestResult {
  request: SuggestRequest;
  picks: SuggestedSite[];
  totals: SuggestTotals;
  /** The targets aimed at, for the map. */
  targetPoints: TargetMarkers;
  candidateCount: number;
  /** Whether any layer it read is the synthetic sample. */
  sample: boolean;
  workerMs: number;
}

type ScopeTest = (county: number) => boolean;

function scopeTest(areas: AreaIndex, scope: SuggestRequest['scope']): ScopeTest {
  if (scope === 'province') return (county) => county >= 0;
  const inScope = areas.counties.map((c) => c.adcode === scope.adcode || c.prefectureAdcode === scope.adcode);
  if (!inScope.includes(true)) throw new RangeError(`no county or prefecture has the adcode ${scope.adcode}`);
  return (county) => county >= 0 && inScope[county];
}

/** 2020 census residents per village-level unit of the loaded layer, by county index (NaN when none). */
function residentsPerVillage(areas: AreaIndex, layers: LayerSet): Float64Array {
  const villages = new Float64Array(areas.counties.length);
  const county = layers.villages?.county ?? new Int16Array(0);
  for (let i = 0; i < county.length; i++) if (county[i] >= 0) villages[county[i]]++;
  return Float64Array.from(areas.counties, (c, k) =>
    villages[k] > 0 ? c.population2020 / villages[k] : NaN,
  );
}

export function suggestForScope(
  snapshot: LayerSnapshot,
  areas: AreaIndex,
  request: SuggestRequest,
  onProgress?: (done: number, total: number) => void,
): SuggestResult {
  const started = performance.now();
  const { k, radiusMeters, asOfYear, weighted, targetBasis } = request;
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number ≥ 0, got ${k}`);
  if (!(radiusMeters > 0) || !Number.isFinite(radiusMeters))
    throw new RangeError(`radiusMeters must be a positive number, got ${radiusMeters}`);
  const inScope = scopeTest(areas, request.scope);
  const { layers, modelled } = snapshot;
  const perVillage = residentsPerVillage(areas, layers);
  const averageVillage = (county: number) => (Number.isFinite(perVillage[county]) ? perVillage[county] : 0);

  const lon: number[] = [],
    lat: number[] = [],
    weight: number[] = [],
    reported: number[] = [],
    modelledCovered: number[] = [];
  const found: SuggestTarget[] = [];
  let withoutPosition = 0;
  const add = (
    kind: SuggestTargetKind,
    layer: { lon: Float64Array; lat: Float64Array; county: Int16Array; name: string[] },
    firstYear: Int16Array | undefined,
    reportedStatus: Int16Array,
    include: (i: number) => boolean,
    weightOf: (i: number) => number,
  ) => {
    for (let i = 0; i < layer.lon.length; i++) {
      if (!inScope(layer.county[i]) || !include(i)) continue;
      if (!Number.isFinite(layer.lon[i]) || !Number.isFinite(layer.lat[i])) {
        withoutPosition++;
        continue;
      }
      lon.push(layer.lon[i]);
      lat.push(layer.lat[i]);
      weight.push(weightOf(i));
      reported.push(statusAt(reportedStatus[i], asOfYear));
      modelledCovered.push(coveredBy(firstYear, i, asOfYear));
      found.push({
        kind,
        name: layer.name[i],
        code: kind === 'village' ? layers.villages!.code[i] : '',
        weight: weightOf(i),
      });
    }
  };
  const { villages, relocationSites, scenicAreas } = layers;
  if (villages)
    add(
      'village',
      villages,
      modelled.villages5g,
      villages.status.fiveG,
      () => true,
      (i) => averageVillage(villages.county[i]),
    );
  if (relocationSites) {
    const population = relocationSites.population;
    add(
      'relocationSite',
      relocationSites,
      modelled.relocationSites5g,
      relocationSites.reported,
      () => true,
      (i) => (Number.isFinite(population[i]) ? population[i] : averageVillage(relocationSites.county[i])),
    );
  }
  if (scenicAreas)
    add(
      'scenicArea',
      scenicAreas,
      modelled.scenicAreas5g,
      scenicAreas.reported,
      (i) => isGradedScenicArea(scenicAreas.level[i]),
      () => 0,
    );

  const reasons = uncoveredReasons(Uint8Array.from(reported), Uint8Array.from(modelledCovered));
  const mask = targetMask(reasons, targetBasis);
  const suggestion = greedySites(
    { lon: Float64Array.from(lon), lat: Float64Array.from(lat), weight: Float64Array.from(weight) },
    mask,
    k,
    { radiusMeters, weighted, onProgress },
  );
  let cumulativeCount = 0,
    cumulativeWeight = 0;
  const picks = suggestion.picks.map((pick, j): SuggestedSite => {
    const newlyCovered = pick.newlyCovered.map((t) => found[t]);
    cumulativeCount += newlyCovered.length;
    for (const target of newlyCovered) cumulativeWeight += target.weight;
    return {
      rank: j + 1,
      lon: pick.lon,
      lat: pick.lat,
      gain: pick.gain,
      newlyCovered,
      cumulativeCount,
      cumulativeWeight,
      standsOn: pick.targetIndex >= 0 ? found[pick.targetIndex] : null,
    };
  });
  let uncoveredBefore = 0,
    uncoveredWeight = 0,
    reportedUncovered = 0,
    modelledUncovered = 0;
  mask.forEach((flag, t) => {
    uncoveredBefore += flag;
    uncoveredWeight += flag * weight[t];
    if (reasons[t] & UNCOVERED_REPORTED) reportedUncovered++;
    if (reasons[t] & UNCOVERED_MODELLED) modelledUncovered++;
  });
  const used = [layers.stations, villages, relocationSites, scenicAreas];
  return {
    request,
    picks,
    candidateCount: suggestion.candidateCount,
    targetPoints: targetPointsOf(lon, lat, reasons, mask, suggestion.picks),
    totals: {
      targets: found.length,
      withoutPosition,
      coveredBefore: found.length - uncoveredBefore,
      uncoveredBefore,
      reportedUncovered,
      modelledUncovered,
      uncoveredWeight,
      coveredAfter: found.length - uncoveredBefore + cumulativeCount,
    },
    sample: used.some((layer) => layer?.source.kind === 'sample'),
    workerMs: performance.now() - started,
  };
}

/** The aimed-at targets only, in target order, each marked when one of the picks covers it. */
function targetPointsOf(
  lon: readonly number[],
  lat: readonly number[],
  reasons: Uint8Array,
  mask: Uint8Array,
  picks: ReadonlyArray<{ newlyCovered: readonly number[] }>,
): TargetMarkers {
  const picked = new Uint8Array(mask.length);
  for (const pick of picks) for (const t of pick.newlyCovered) picked[t] = 1;
  const kept: number[] = [];
  mask.forEach((flag, t) => {
    if (flag) kept.push(t);
  });
  return {
    lon: Float64Array.from(kept, (t) => lon[t]),
    lat: Float64Array.from(kept, (t) => lat[t]),
    reasons: Uint8Array.from(kept, (t) => reasons[t]),
    coveredByPick: Uint8Array.from(kept, (t) => picked[t]),
  };
}
