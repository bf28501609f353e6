// The gap list a field crew works from: in a scope (a set of counties, or a lon/lat box) and as of
// a year, the villages, relocation sites and 4A/5A scenic areas that are not modelled covered by
// 5G, whose reported 5G status is missing, or whose report and the model disagree; each with its
// reasons, the distance to the nearest 5G and 4G station on air, and population where known.
//
// Rules relied on:
// - Reported status as of the year is statusAt of the layer's code; modelled coverage as of the
//   year is "first modelled year ≠ 0 and ≤ year" (the figures' rule), so the list and the area
//   figures count the same targets.
// - A target without a position has no modelled status: it is listed for a missing report, or as
//   'noPosition' when not reported covered, never as a disagreement; its distances are NaN. With
//   no station layer loaded every positioned target is modelled uncovered (as the figures count
//   it) at distance Infinity.
// - A county scope holds the targets of those counties, with or without a position; a box holds
//   the targets whose position lies in it (edges included), whatever their county.
// - Scenic areas count when graded 4A or 5A (isGradedScenicArea), the plan's deep-coverage target.
// - Sorting keeps rows without a value (NaN) last in both directions, and breaks ties by county
//   code, kind and row index, so an order never depends on the input order.
import type { AreaIndex, Bounds } from '../areas';
import {
  DISAGREEMENT_KINDS,
  findDisagreements,
  NOT_REPORTED,
  type DisagreementKind,
} from '../coverage/disagreements';
import { nearest, type NearestResult, type PointGrid } from '../coverage/stationGrid';
import type { ModelledYears } from '../layers/figures';
import { isGradedScenicArea, statusAt, type LayerSet, type PlaceLayer } from '../layers/types';

export const GAP_KINDS = ['village', 'relocationSite', 'scenicArea'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/** In the order a planner reads them: the disagreements first. */
export const GAP_REASONS = [
  'reportedYesModelledNo',
  'reportedNoModelledYes',
  'noStationInRadius',
  'reportedMissing',
  'noPosition',
] as const;
export type GapReason = (typeof GAP_REASONS)[number];

export type GapScope = { counties: ReadonlySet<number> } | { bounds: Bounds };

export interface GapRow {
  kind: GapKind;
  /** Row index in its layer. */
  index: number;
  /** 12-digit village code; '' for relocation sites and scenic areas. */
  code: string;
  name: string;
  /** '' outside Guizhou. */
  countyAdcode: string;
  countyName: string;
  /** First 9 digits of the village code; '' for the others. */
  townshipCode: string;
  /** NaN when unknown. */
  lon: number;
  lat: number;
  /** The position is a stand-in (e.g. the county seat), not surveyed. */
  approximate: boolean;
  reported: 'yes' | 'no' | 'unknown';
  modelled: 'covered' | 'notCovered' | 'unknown';
  /** Never empty; in GAP_REASONS order. */
  reasons: GapReason[];
  /** Metres to the nearest station on air by the year: Infinity when none, NaN without a position. */
  nearest5gMeters: number;
  nearest4gMeters: number;
  /** Relocated residents (relocation sites); NaN when unknown. */
  population: number;
  /** Scenic-area grade as given ('5A', '4A …'); '' for the others. */
  level: string;
}

export interface GapListInput {
  layers: Pick<LayerSet, 'villages' | 'relocationSites' | 'scenicAreas'>;
  modelled: ModelledYears;
  /** The county index's counties, in county-index order. */
  counties: ReadonlyArray<{ adcode: string; name: string }>;
  scope: GapScope;
  asOfYear: number;
  /** Grids of the 5G and 4G stations on air by the year (empty grids when none are loaded). */
  stations: { fiveG: PointGrid; fourG: PointGrid };
}

const DISAGREEMENT_REASON: Record<DisagreementKind, GapReason> = {
  'reported-yes-modelled-no': 'reportedYesModelledNo',
  'reported-no-modelled-yes': 'reportedNoModelledYes',
  'not-reported': 'reportedMissing',
};
const REPORTED_WORD = { 0: 'no', 1: 'yes', [NOT_REPORTED]: 'unknown' } as const;

/** The counties of an area code: a county, a prefecture's counties, or all for the province. */
export function countiesOfArea(areas: Pick<AreaIndex, 'counties'>, adcode: string): Set<number> {
  const result = new Set<number>();
  areas.counties.forEach((county, k) => {
    if (adcode === '520000' || county.adcode === adcode || county.prefectureAdcode === adcode) result.add(k);
  });
  return result;
}

interface Targets {
  kind: GapKind;
  lon: Float64Array;
  lat: Float64Array;
  county: Int16Array;
  /** Reported status code per row (see layers/types.ts). */
  reportedCode: (i: number) => number;
  firstModelledYear?: Int16Array;
  included: (i: number) => boolean;
  describe: (
    i: number,
  ) => Pick<GapRow, 'code' | 'name' | 'townshipCode' | 'approximate' | 'population' | 'level'>;
}

function placeTargets(
  kind: GapKind,
  places: PlaceLayer,
  firstModelledYear: Int16Array | undefined,
  included: (i: number) => boolean,
): Targets {
  return {
    kind,
    lon: places.lon,
    lat: places.lat,
    county: places.county,
    reportedCode: (i) => places.reported[i],
    firstModelledYear,
    included,
    describe: (i) => ({
      code: '',
      name: places.name[i],
      townshipCode: '',
      approximate: places.approximate[i] === 1,
      population: places.population[i],
      level: kind === 'scenicArea' ? places.level[i].trim() : '',
    }),
  };
}

export function findGapRows({
  layers,
  modelled,
  counties,
  scope,
  asOfYear,
  stations,
}: GapListInput): GapRow[] {
  const { villages, relocationSites, scenicAreas } = layers;
  const targets: Targets[] = [];
  if (villages) {
    targets.push({
      kind: 'village',
      lon: villages.lon,
      lat: villages.lat,
      county: villages.county,
      reportedCode: (i) => villages.status.fiveG[i],
      firstModelledYear: modelled.villages5g,
      included: () => true,
      describe: (i) => ({
        code: villages.code[i],
        name: villages.name[i],
        townshipCode: villages.code[i].slice(0, 9),
        approximate: false,
        population: NaN,
        level: '',
      }),
    });
  }
  if (relocationSites)
    targets.push(placeTargets('relocationSite', relocationSites, modelled.relocationSites5g, () => true));
  if (scenicAreas)
    targets.push(
      placeTargets('scenicArea', scenicAreas, modelled.scenicAreas5g, (i) =>
        isGradedScenicArea(scenicAreas.level[i]),
      ),
    );
  const rows: GapRow[] = [];
  for (const target of targets) rows.push(...gapRowsOf(target, counties, scope, asOfYear, stations));
  return rows;
}

function gapRowsOf(
  target: Targets,
  counties: GapListInput['counties'],
  scope: GapScope,
  asOfYear: number,
  stations: GapListInput['stations'],
): GapRow[] {
  const { lon, lat, county } = target;
  const positioned = (i: number) => Number.isFinite(lon[i]) && Number.isFinite(lat[i]);
  const inScope =
    'counties' in scope
      ? (i: number) => scope.counties.has(county[i])
      : (i: number) =>
          positioned(i) &&
          lon[i] >= scope.bounds[0] &&
          lon[i] <= scope.bounds[2] &&
          lat[i] >= scope.bounds[1] &&
          lat[i] <= scope.bounds[3];
  const scoped: number[] = [];
  for (let i = 0; i < lon.length; i++) if (target.included(i) && inScope(i)) scoped.push(i);

  // Rows with a modelled status go through the shared disagreement finder; the rest only have a report.
  const modelledKnown = (i: number) => target.firstModelledYear !== undefined && positioned(i);
  const reported = Uint8Array.from(scoped, (i) => statusAt(target.reportedCode(i), asOfYear));
  const modelledFlags = Uint8Array.from(scoped, (i) => {
    const first = target.firstModelledYear?.[i] ?? 0;
    return modelledKnown(i) && first !== 0 && first <= asOfYear ? 1 : 0;
  });
  const reasons = scoped.map((i, k): GapReason[] => {
    if (modelledKnown(i)) return modelledFlags[k] ? [] : ['noStationInRadius'];
    return reported[k] === NOT_REPORTED ? ['reportedMissing'] : [];
  });
  const knownSlots = scoped.flatMap((i, k) => (modelledKnown(i) ? [k] : []));
  const disagreements = findDisagreements(
    Uint8Array.from(knownSlots, (k) => reported[k]),
    Uint8Array.from(knownSlots, (k) => modelledFlags[k]),
  );
  disagreements.indices.forEach((slot, r) => {
    reasons[knownSlots[slot]].push(DISAGREEMENT_REASON[DISAGREEMENT_KINDS[disagreements.kinds[r]]]);
  });
  scoped.forEach((i, k) => {
    if (!positioned(i) && reported[k] !== 1) reasons[k].push('noPosition');
  });

  const found: NearestResult = { index: -1, meters: Infinity };
  const metersTo = (grid: PointGrid, i: number) =>
    positioned(i) ? nearest(grid, lon[i], lat[i], Infinity, found).meters : NaN;
  const rows: GapRow[] = [];
  scoped.forEach((i, k) => {
    if (reasons[k].length === 0) return;
    const area = county[i] >= 0 ? counties[county[i]] : undefined;
    rows.push({
      kind: target.kind,
      index: i,
      ...target.describe(i),
      countyAdcode: area?.adcode ?? '',
      countyName: area?.name ?? '',
      lon: positioned(i) ? lon[i] : NaN,
      lat: positioned(i) ? lat[i] : NaN,
      reported: REPORTED_WORD[reported[k] as 0 | 1 | 255],
      modelled: modelledKnown(i) ? (modelledFlags[k] ? 'covered' : 'notCovered') : 'unknown',
      reasons: reasons[k].sort((a, b) => GAP_REASONS.indexOf(a) - GAP_REASONS.indexOf(b)),
      nearest5gMeters: metersTo(stations.fiveG, i),
      nearest4gMeters: metersTo(stations.fourG, i),
    });
  });
  return rows;
}

export const isDisagreement = (row: Pick<GapRow, 'reasons'>) =>
  row.reasons.includes('reportedYesModelledNo') || row.reasons.includes('reportedNoModelledYes');

export interface GapFilter {
  kind?: GapKind;
  reason?: GapReason;
}

export function filterGapRows(rows: readonly GapRow[], { kind, reason }: GapFilter): GapRow[] {
  return rows.filter((row) => (!kind || row.kind === kind) && (!reason || row.reasons.includes(reason)));
}

export type GapSortKey = 'name' | 'kind' | 'county' | 'reasons' | 'nearest5g' | 'nearest4g' | 'population';
export interface GapSort {
  key: GapSortKey;
  descending: boolean;
}

const PLACE_NAMES = new Intl.Collator('zh-CN', { numeric: true });
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const reasonRank = (row: GapRow) =>
  GAP_REASONS.indexOf(row.reasons[0]) * 10 + (GAP_REASONS.length - row.reasons.length);

const NUMBER_OF: Partial<Record<GapSortKey, (row: GapRow) => number>> = {
  kind: (row) => GAP_KINDS.indexOf(row.kind),
  reasons: reasonRank,
  nearest5g: (row) => row.nearest5gMeters,
  nearest4g: (row) => row.nearest4gMeters,
  population: (row) => row.population,
};

/** A new array in the requested order. */
export function sortGapRows(rows: readonly GapRow[], { key, descending }: GapSort): GapRow[] {
  const direction = descending ? -1 : 1;
  const tieBreak = (a: GapRow, b: GapRow) =>
    compareText(a.countyAdcode, b.countyAdcode) ||
    GAP_KINDS.indexOf(a.kind) - GAP_KINDS.indexOf(b.kind) ||
    a.index - b.index;
  const numberOf = NUMBER_OF[key];
  const compare = (a: GapRow, b: GapRow): number => {
    if (key === 'name') return direction * PLACE_NAMES.compare(a.name, b.name) || tieBreak(a, b);
    if (key === 'county')
      return (
        direction * compareText(a.countyAdcode, b.countyAdcode) ||
        GAP_KINDS.indexOf(a.kind) - GAP_KINDS.indexOf(b.kind) ||
        PLACE_NAMES.compare(a.name, b.name) ||
        a.index - b.index
      );
    const x = numberOf!(a),
      y = numberOf!(b);
    if (Number.isNaN(x) || Number.isNaN(y))
      return Number(Number.isNaN(x)) - Number(Number.isNaN(y)) || tieBreak(a, b);
    return (x === y ? 0 : direction * (x < y ? -1 : 1)) || tieBreak(a, b);
  };
  return [...rows].sort(compare);
}
