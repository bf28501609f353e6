import { describe, expect, test } from 'vitest';
import type { AreaRecord } from '../areas';
import { FIGURES, PROVINCE_ADCODE, type Figure } from '../layers/figures';
import type { AreaFigures } from '../metrics';
import { INDICATOR_IDS, PLAN_INDICATORS, type IndicatorId } from './planIndicators';
import { buildScorecard, type ScorecardInputs } from './scorecard';

const figuresOf = (values: Partial<Record<Figure, number>>): AreaFigures =>
  Object.fromEntries(FIGURES.map((name) => [name, values[name] ?? 0])) as AreaFigures;

const area = (
  adcode: string,
  level: AreaRecord['level'],
  prefectureAdcode: string,
  population2020: number,
): AreaRecord => ({
  level,
  adcode,
  name: adcode,
  prefectureAdcode,
  prefectureName: prefectureAdcode,
  population2020,
  areaKm2: 100,
  densityPerKm2: population2020 / 100,
  bounds: [106, 26, 107, 27],
  countyAdcodes: level === 'county' ? [adcode] : [],
});

// Two prefectures: 520100 (counties 520101 with 100,000 residents, 520102 with 100,000) and
// 520200 (county 520201 with 200,000); 400,000 residents in all.
const areas = new Map(
  [
    area('520100', 'prefecture', '520100', 200_000),
    area('520101', 'county', '520100', 100_000),
    area('520102', 'county', '520100', 100_000),
    area('520200', 'prefecture', '520200', 200_000),
    area('520201', 'county', '520200', 200_000),
  ].map((a) => [a.adcode, a]),
);

/** Stations: 520101 has 400 5G (40 per 10k), 520102 100 (10), 520201 200 (10); relocation sites only in 520201. */
function inputs(overrides: Partial<ScorecardInputs> = {}): ScorecardInputs {
  const county = {
    '520101': figuresOf({
      stations5g: 400,
      stations4g: 1_000,
      townships: 4,
      townshipsKnown5g: 4,
      townships5g: 4,
      townshipsModelled5g: 3,
      fiveG: 9,
      fiveGKnown: 10,
    }),
    '520102': figuresOf({
      stations5g: 100,
      stations4g: 500,
      townships: 2,
      townshipsKnown5g: 2,
      townships5g: 1,
      townshipsModelled5g: 2,
      fiveG: 1,
      fiveGKnown: 10,
    }),
    '520201': figuresOf({
      stations5g: 200,
      stations4g: 500,
      townships: 4,
      townshipsKnown5g: 0,
      townshipsModelled5g: 1,
      relocationSites: 4,
      relocationKnown: 2,
      relocationReported: 2,
      relocationModelled: 1,
    }),
  };
  const sum = (...rows: AreaFigures[]) =>
    figuresOf(Object.fromEntries(FIGURES.map((name) => [name, rows.reduce((s, r) => s + r[name], 0)])));
  const figures = new Map<string, AreaFigures>([
    ...Object.entries(county),
    ['520100', sum(county['520101'], county['520102'])],
    ['520200', sum(county['520201'])],
    [PROVINCE_ADCODE, sum(...Object.values(county))],
  ]);
  return {
    figures,
    areas,
    asOfYear: 2025,
    sources: {
      stations: { kind: 'sample' },
      villages: { kind: 'dataset' },
      relocationSites: { kind: 'sample' },
    },
    ...overrides,
  };
}

const rowOf = (id: IndicatorId, scoreInputs = inputs()) =>
  buildScorecard(scoreInputs).rows.find((r) => r.indicator.id === id)!;

describe('plan indicators', () => {
  test('every indicator appears once, with the published 5G figures and their dates', () => {
    expect(PLAN_INDICATORS.map((i) => i.id)).toEqual([...INDICATOR_IDS]);
    const fiveG = PLAN_INDICATORS.find((i) => i.id === 'fiveGStations')!;
    expect([fiveG.baseline2020, fiveG.target2025]).toEqual([20_721, 130_000]);
    expect(fiveG.reported.map((r) => [r.year, r.month, r.value])).toEqual([
      [2019, 12, 1_467],
      [2020, 12, 20_721],
      [2022, 12, 84_300],
      [2025, 10, 126_000],
    ]);
  });

  test('users, ports, bandwidth and all mobile base stations are not measurable', () => {
    const measurable = PLAN_INDICATORS.filter((i) => i.measures.length > 0).map((i) => i.id);
    expect(measurable).toEqual([
      'fiveGStations',
      'fiveGStationsPer10k',
      'fourGStations',
      'townshipsWith5g',
      'villagesWith5g',
      'villagesWithFiber',
      'relocationSitesCovered',
      'scenicAreas4a5aWith5g',
    ]);
  });
});

describe('buildScorecard', () => {
  test('5G stations: the province count, its gap and the share of the way from 20,721 to 130,000', () => {
    const [line] = rowOf('fiveGStations').lines;
    expect(line.value).toBe(700);
    expect(line.gap).toBe(130_000 - 700);
    expect(line.shareOfWay).toBeCloseTo((700 - 20_721) / (130_000 - 20_721), 12);
    expect(line.reached).toBe(false);
    expect(line.sample).toBe(true);
  });

  test('a count that reaches the target is marked reached, with no gap', () => {
    const reached = inputs({ figures: new Map([[PROVINCE_ADCODE, figuresOf({ stations5g: 130_000 })]]) });
    const [line] = rowOf('fiveGStations', reached).lines;
    expect([line.value, line.gap, line.shareOfWay, line.reached]).toEqual([130_000, 0, 1, true]);
  });

  test("5G per 10k residents: the province over all prefectures' residents, areas laggards first, ties by adcode", () => {
    const [line] = rowOf('fiveGStationsPer10k').lines;
    expect(line.value).toBeCloseTo((700 * 1e4) / 400_000, 12);
    expect(line.areas!.counties.map((a) => [a.adcode, a.value])).toEqual([
      ['520102', 10],
      ['520201', 10],
      ['520101', 40],
    ]);
    expect(line.areas!.counties[2]).toMatchObject({ reached: true, gap: 0 });
    expect(line.areas!.prefectures.map((a) => [a.adcode, a.value])).toEqual([
      ['520200', 10],
      ['520100', 25],
    ]);
    expect(line.areas!.counties[0].shareOfTarget).toBeCloseTo(10 / 33, 12);
  });

  test('a share without a baseline has no share of the way; reported and modelled are separate lines', () => {
    const [reported, modelled] = rowOf('townshipsWith5g').lines;
    expect([
      reported.measure.kind === 'share' && reported.measure.basis,
      reported.part,
      reported.whole,
      reported.value,
    ]).toEqual(['reported', 5, 6, (100 * 5) / 6]);
    expect(reported.shareOfWay).toBeNull();
    expect(reported.gap).toBeCloseTo(100 - (100 * 5) / 6, 12);
    expect([
      modelled.measure.kind === 'share' && modelled.measure.basis,
      modelled.part,
      modelled.whole,
    ]).toEqual(['modelled', 6, 10]);
    expect(reported.sample).toBe(false);
  });

  test('areas with no known status are left out of the lists and counted', () => {
    const [reported] = rowOf('townshipsWith5g').lines;
    expect(reported.areas!.counties.map((a) => a.adcode)).toEqual(['520102', '520101']);
    expect(reported.areas!.countiesWithoutValue).toBe(1);
    expect(reported.areas!.prefecturesWithoutValue).toBe(1);
    const [relocation] = rowOf('relocationSitesCovered').lines;
    expect(relocation.areas!.counties.map((a) => [a.adcode, a.value, a.reached])).toEqual([
      ['520201', 100, true],
    ]);
    expect(relocation.areas!.countiesWithoutValue).toBe(2);
  });

  test('without a numeric target, areas are ordered by value and nothing is reached', () => {
    const [line] = rowOf('villagesWith5g').lines;
    expect([line.value, line.gap, line.shareOfTarget, line.reached]).toEqual([50, null, null, false]);
    expect(line.areas!.counties.map((a) => [a.adcode, a.value])).toEqual([
      ['520102', 10],
      ['520101', 90],
    ]);
  });

  test('a layer not loaded gives no value, no gap and no area lists', () => {
    const [line] = rowOf('scenicAreas4a5aWith5g').lines;
    expect([line.layerLoaded, line.value, line.gap, line.shareOfWay, line.reached, line.areas]).toEqual([
      false,
      null,
      null,
      null,
      false,
      undefined,
    ]);
    const unloaded = rowOf('fiveGStations', inputs({ sources: {} })).lines[0];
    expect([unloaded.layerLoaded, unloaded.value]).toEqual([false, null]);
  });

  test('an indicator the data cannot measure has no lines', () => {
    for (const id of [
      'mobileBaseStations',
      'fiveGShareOfStations',
      'telephoneUsers',
      'tenGPonPortShare',
    ] as const) {
      expect(rowOf(id)).toMatchObject({ measurable: false, lines: [] });
    }
  });

  test('the year asked for is carried with the rows', () => {
    expect(buildScorecard(inputs({ asOfYear: 2022 })).asOfYear).toBe(2022);
  });
});
