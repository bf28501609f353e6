import { describe, expect, test } from 'vitest';
import type { AreaIndex } from '../core/areas';
import { UNCOVERED_MODELLED, UNCOVERED_REPORTED } from '../core/coverage/suggest';
import {
  STATUS_NO,
  STATUS_UNKNOWN,
  STATUS_YES_UNDATED,
  type LayerSet,
  type LayerSource,
  type PlaceLayer,
  type VillageLayer,
} from '../core/layers/types';
import type { LayerSnapshot } from './layerView';
import { suggestForScope, type SuggestRequest } from './suggestView';

// Three counties: 520101 and 520102 in prefecture 520100, 520201 in 520200.
const areas = {
  counties: [
    { adcode: '520101', prefectureAdcode: '520100', population2020: 40_000 },
    { adcode: '520102', prefectureAdcode: '520100', population2020: 9_000 },
    { adcode: '520201', prefectureAdcode: '520200', population2020: 50_000 },
  ],
  prefectures: [{ adcode: '520100' }, { adcode: '520200' }],
  neighbours: [],
} as unknown as AreaIndex;

const SAMPLE: LayerSource = { kind: 'sample', name: '示例数据' };
const DATASET: LayerSource = { kind: 'dataset', name: 'mine', datasetId: 'd1' };
/** Metres east of 106.6°E at 26.5°N, as degrees of longitude. */
const east = (meters: number) => 106.6 + meters / (111_195 * Math.cos((26.5 * Math.PI) / 180));

interface Row {
  name: string;
  county: number;
  lon: number;
  lat?: number;
  year?: number;
  /** Reported 5G status code (encoding.ts); "no" unless given. */
  reported?: number;
}

function villages(rows: Row[], source = SAMPLE): VillageLayer {
  const none = new Int16Array(rows.length);
  const fiveG = Int16Array.from(rows, (r) => r.reported ?? STATUS_NO);
  return {
    code: rows.map((_, i) => `52010110${String(i).padStart(4, '0')}`),
    name: rows.map((r) => r.name),
    county: Int16Array.from(rows, (r) => r.county),
    lon: Float64Array.from(rows, (r) => r.lon),
    lat: Float64Array.from(rows, (r) => r.lat ?? 26.5),
    status: { fiber: none, gigabit: none, fourG: none, fiveG },
    source,
  };
}

function places(rows: Array<Row & { population?: number; level?: string }>, source = SAMPLE): PlaceLayer {
  return {
    key: rows.map((r) => r.name),
    name: rows.map((r) => r.name),
    county: Int16Array.from(rows, (r) => r.county),
    lon: Float64Array.from(rows, (r) => r.lon),
    lat: Float64Array.from(rows, (r) => r.lat ?? 26.5),
    approximate: new Uint8Array(rows.length),
    reported: Int16Array.from(rows, (r) => r.reported ?? STATUS_NO),
    population: Float64Array.from(rows, (r) => r.population ?? NaN),
    level: rows.map((r) => r.level ?? ''),
    source,
  };
}

function snapshot(
  layers: {
    villages?: Row[];
    relocationSites?: Array<Row & { population?: number }>;
    scenicAreas?: Array<Row & { level?: string }>;
  },
  source = SAMPLE,
): LayerSnapshot {
  const set: LayerSet = {
    villages: layers.villages && villages(layers.villages, source),
    relocationSites: layers.relocationSites && places(layers.relocationSites, source),
    scenicAreas: layers.scenicAreas && places(layers.scenicAreas, source),
  };
  const years = (rows?: Row[]) => rows && Int16Array.from(rows, (r) => r.year ?? 0);
  return {
    layers: set,
    modelled: {
      columns: {
        lon: new Float64Array(0),
        lat: new Float64Array(0),
        bandClass: new Uint8Array(0),
        buildYear: new Int16Array(0),
      },
      radiiMeters: new Float32Array(0),
      villages5g: years(layers.villages),
      relocationSites5g: years(layers.relocationSites),
      scenicAreas5g: years(layers.scenicAreas),
    },
  };
}

const request = (change: Partial<SuggestRequest> = {}): SuggestRequest => ({
  scope: 'province',
  asOfYear: 2025,
  k: 5,
  radiusMeters: 1000,
  weighted: false,
  // The rows' reported status is "no" unless a test says otherwise: most tests are about the model.
  targetBasis: 'modelled',
  ...change,
});

describe('suggestForScope', () => {
  test('takes the targets of a county, of a prefecture by its counties, or of every Guizhou county', () => {
    const data = snapshot({
      villages: [
        { name: 'a1', county: 0, lon: east(0) },
        { name: 'b1', county: 1, lon: east(20_000) },
        { name: 'c1', county: 2, lon: east(40_000) },
        { name: 'outside', county: -1, lon: east(60_000) },
      ],
    });
    const targets = (scope: SuggestRequest['scope']) =>
      suggestForScope(data, areas, request({ scope })).totals.targets;
    expect(targets({ adcode: '520101' })).toBe(1);
    expect(targets({ adcode: '520100' })).toBe(2);
    expect(targets({ adcode: '520201' })).toBe(1);
    expect(targets('province')).toBe(3);
    expect(() => suggestForScope(data, areas, request({ scope: { adcode: '110000' } }))).toThrow(RangeError);
  });

  test('counts villages without a position as left out, and only 4A and 5A scenic areas', () => {
    const data = snapshot({
      villages: [
        { name: 'placed', county: 0, lon: east(0) },
        { name: 'code only', county: 0, lon: NaN, lat: NaN },
      ],
      scenicAreas: [
        { name: '5A', county: 0, lon: east(5000), level: '5A' },
        { name: '4A', county: 0, lon: east(9000), level: '4A' },
        { name: '3A', county: 0, lon: east(13_000), level: '3A' },
      ],
    });
    const { totals, picks } = suggestForScope(data, areas, request());
    expect(totals).toMatchObject({ targets: 3, withoutPosition: 1, uncoveredBefore: 3 });
    expect(picks.flatMap((p) => p.newlyCovered.map((t) => t.name)).sort()).toEqual(['4A', '5A', 'placed']);
  });

  test('leaves out targets the model covers by the year, and counts those covered only later', () => {
    const data = snapshot({
      villages: [
        { name: 'since 2021', county: 0, lon: east(0), year: 2021 },
        { name: 'from 2024', county: 0, lon: east(5000), year: 2024 },
        { name: 'never', county: 0, lon: east(10_000) },
      ],
    });
    expect(suggestForScope(data, areas, request({ asOfYear: 2025 })).totals).toMatchObject({
      coveredBefore: 3 - 1,
      uncoveredBefore: 1,
    });
    const in2022 = suggestForScope(data, areas, request({ asOfYear: 2022 }));
    expect(in2022.totals).toMatchObject({ coveredBefore: 1, uncoveredBefore: 2 });
    expect(in2022.picks.flatMap((p) => p.newlyCovered.map((t) => t.name))).toEqual(['from 2024', 'never']);
  });

  test('picks the biggest cluster first and adds up the gains to the covered count after', () => {
    // Clusters 10 km apart: three villages and a relocation site, two villages, one scenic area.
    const data = snapshot({
      villages: [
        { name: 'v1', county: 0, lon: east(0) },
        { name: 'v2', county: 0, lon: east(200) },
        { name: 'v3', county: 0, lon: east(400) },
        { name: 'w1', county: 0, lon: east(10_000) },
        { name: 'w2', county: 0, lon: east(10_300) },
        { name: 'covered', county: 0, lon: east(10_100), year: 2020 },
      ],
      relocationSites: [{ name: 'site', county: 0, lon: east(100), population: 3000 }],
      scenicAreas: [{ name: 'falls', county: 0, lon: east(20_000), level: '5A' }],
    });
    const result = suggestForScope(data, areas, request({ k: 5 }));
    expect(result.picks.map((p) => [p.rank, p.gain, p.cumulativeCount])).toEqual([
      [1, 4, 4],
      [2, 2, 6],
      [3, 1, 7],
    ]);
    expect(result.picks[0].newlyCovered.map((t) => [t.kind, t.name])).toEqual([
      ['village', 'v1'],
      ['village', 'v2'],
      ['village', 'v3'],
      ['relocationSite', 'site'],
    ]);
    expect(result.picks[2].standsOn).toMatchObject({ kind: 'scenicArea', name: 'falls' });
    expect(result.totals).toMatchObject({
      targets: 8,
      coveredBefore: 1,
      uncoveredBefore: 7,
      coveredAfter: 8,
    });
    expect(result.totals.coveredAfter).toBe(
      result.totals.coveredBefore + result.picks.reduce((sum, p) => sum + p.gain, 0),
    );
    expect(result.picks[2].lon).toBeCloseTo(east(20_000), 9);
  });

  test('weighted, counts relocated residents, villages at their county average and scenic areas at 0', () => {
    // County 520101: 40,000 residents over 4 villages → 10,000 each; county 520102: 9,000 over 3.
    const data = snapshot({
      villages: [
        { name: 'v1', county: 0, lon: east(0) },
        { name: 'v2', county: 0, lon: east(300) },
        { name: 'v3', county: 0, lon: east(600) },
        { name: 'v4', county: 0, lon: east(900), year: 2020 },
        { name: 'b1', county: 1, lon: east(30_000) },
        { name: 'b2', county: 1, lon: east(30_200) },
        { name: 'b3', county: 1, lon: east(30_400) },
      ],
      relocationSites: [
        { name: 'big site', county: 1, lon: east(15_000), population: 25_000 },
        { name: 'unknown size', county: 1, lon: east(45_000) },
      ],
      scenicAreas: [{ name: 'falls', county: 0, lon: east(60_000), level: '5A' }],
    });
    const result = suggestForScope(data, areas, request({ weighted: true, k: 10 }));
    expect(result.picks.map((p) => [p.gain, p.newlyCovered.map((t) => t.name)])).toEqual([
      [30_000, ['v1', 'v2', 'v3']],
      [25_000, ['big site']],
      [9_000, ['b1', 'b2', 'b3']],
      [3_000, ['unknown size']],
    ]);
    expect(result.picks.at(-1)!.cumulativeWeight).toBe(67_000);
    expect(result.totals).toMatchObject({ uncoveredBefore: 9, uncoveredWeight: 67_000, coveredAfter: 1 + 8 });
    // Unweighted, the three villages of 520102 and the three of 520101 tie, and the scenic area counts.
    const unweighted = suggestForScope(data, areas, request({ k: 10 }));
    expect(unweighted.picks.map((p) => p.gain)).toEqual([3, 3, 1, 1, 1]);
    expect(unweighted.totals.coveredAfter).toBe(10);
  });

  test('aims at the reported "no", the modelled uncovered, or either; unknown is not "no"', () => {
    // 10 km apart: each village is its own site.
    const data = snapshot({
      villages: [
        { name: 'said no, modelled', county: 0, lon: east(0), reported: STATUS_NO, year: 2020 },
        { name: 'said yes, not modelled', county: 0, lon: east(10_000), reported: STATUS_YES_UNDATED },
        { name: 'unknown, modelled', county: 0, lon: east(20_000), reported: STATUS_UNKNOWN, year: 2020 },
        { name: 'said no, not modelled', county: 0, lon: east(30_000), reported: STATUS_NO },
        { name: 'unknown, not modelled', county: 0, lon: east(40_000), reported: STATUS_UNKNOWN },
      ],
    });
    const run = (targetBasis: SuggestRequest['targetBasis']) =>
      suggestForScope(data, areas, request({ targetBasis, k: 10 }));
    const names = (result: ReturnType<typeof run>) =>
      result.picks.flatMap((p) => p.newlyCovered.map((t) => t.name)).sort();
    expect(names(run('reported'))).toEqual(['said no, modelled', 'said no, not modelled']);
    expect(names(run('modelled'))).toEqual([
      'said no, not modelled',
      'said yes, not modelled',
      'unknown, not modelled',
    ]);
    const either = run('either');
    expect(names(either)).toEqual([
      'said no, modelled',
      'said no, not modelled',
      'said yes, not modelled',
      'unknown, not modelled',
    ]);
    expect(either.totals).toMatchObject({
      targets: 5,
      uncoveredBefore: 4,
      coveredBefore: 1,
      reportedUncovered: 2,
      modelledUncovered: 3,
      coveredAfter: 5,
    });
    // The counts of both kinds are the same whatever the basis; what is aimed at is not.
    expect(run('reported').totals).toMatchObject({
      uncoveredBefore: 2,
      coveredBefore: 3,
      reportedUncovered: 2,
      modelledUncovered: 3,
    });
  });

  test('reads a reported status as of the year, and the reported status of sites and scenic areas', () => {
    const data = snapshot({
      villages: [{ name: 'yes since 2024', county: 0, lon: east(0), reported: 2024, year: 2020 }],
      relocationSites: [{ name: 'site said no', county: 0, lon: east(10_000), year: 2020 }],
      scenicAreas: [
        {
          name: '5A said yes',
          county: 0,
          lon: east(20_000),
          level: '5A',
          reported: STATUS_YES_UNDATED,
          year: 2020,
        },
      ],
    });
    const reported = (asOfYear: number) =>
      suggestForScope(data, areas, request({ targetBasis: 'reported', asOfYear, k: 10 }))
        .picks.flatMap((p) => p.newlyCovered.map((t) => t.name))
        .sort();
    expect(reported(2022)).toEqual(['site said no', 'yes since 2024']);
    expect(reported(2025)).toEqual(['site said no']);
  });

  test('hands the map the aimed-at targets: where, why, and whether a pick covers them', () => {
    const data = snapshot({
      villages: [
        { name: 'cluster a', county: 0, lon: east(0) },
        { name: 'cluster b', county: 0, lon: east(300) },
        { name: 'lone', county: 0, lon: east(20_000), reported: STATUS_YES_UNDATED },
        { name: 'covered', county: 0, lon: east(40_000), reported: STATUS_YES_UNDATED, year: 2020 },
      ],
    });
    const { targetPoints } = suggestForScope(data, areas, request({ targetBasis: 'either', k: 1 }));
    expect([...targetPoints.lon]).toEqual([east(0), east(300), east(20_000)]);
    expect([...targetPoints.reasons]).toEqual([
      UNCOVERED_REPORTED | UNCOVERED_MODELLED,
      UNCOVERED_REPORTED | UNCOVERED_MODELLED,
      UNCOVERED_MODELLED,
    ]);
    expect([...targetPoints.coveredByPick]).toEqual([1, 1, 0]);
  });

  test('reports progress and says whether the data are the sample', () => {
    const rows = [{ name: 'v', county: 0, lon: east(0) }];
    const calls: Array<[number, number]> = [];
    const result = suggestForScope(snapshot({ villages: rows }), areas, request({ k: 3 }), (done, total) =>
      calls.push([done, total]),
    );
    expect(calls.at(-1)![0]).toBe(calls.at(-1)![1]);
    expect(result.sample).toBe(true);
    expect(suggestForScope(snapshot({ villages: rows }, DATASET), areas, request()).sample).toBe(false);
  });

  test('rejects a k that is not a whole number and a radius that is not positive', () => {
    const data = snapshot({ villages: [{ name: 'v', county: 0, lon: east(0) }] });
    expect(() => suggestForScope(data, areas, request({ k: 2.5 }))).toThrow(RangeError);
    expect(() => suggestForScope(data, areas, request({ radiusMeters: 0 }))).toThrow(RangeError);
    expect(() => suggestForScope(data, areas, request({ radiusMeters: NaN }))).toThrow(RangeError);
  });
});
