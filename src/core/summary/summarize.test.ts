import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { AreaIndex } from '../areas';
import { areaTable, type AreaTable } from './areaTable';
import { builtBy, encodeCategories, FLAG_UNKNOWN, summarize } from './summarize';
import { PLAN, progress, townshipCoverage } from './plan';

// Two counties in one prefecture: A (10 km², 20,000 residents) and B (40 km², 5,000 residents).
const table: AreaTable = {
  level: 'county',
  adcodes: ['520101', '520102'],
  names: ['甲县', '乙县'],
  population2020: Float64Array.of(20_000, 5_000),
  areaKm2: Float64Array.of(10, 40),
  rowOfCounty: Int16Array.of(0, 1),
};

describe('summarize', () => {
  // Items: 3 in A, 2 in B, 1 outside.
  const county = Int16Array.of(0, 0, 0, 1, 1, -1);
  const operator = encodeCategories('operator', [
    '中国移动',
    '中国电信',
    '中国移动',
    '中国联通',
    '中国移动',
    '中国电信',
  ]);
  const relocated = { name: 'relocated', values: Float64Array.of(100, NaN, 50, 7, 3, 1_000) };
  const covered = Uint8Array.of(1, 0, FLAG_UNKNOWN, 1, 1, 0);
  const summary = summarize(table, { county, categorical: [operator], numeric: [relocated], covered });

  test('counts, densities per km² and per 10,000 residents', () => {
    expect(summary.rows.map((r) => [r.adcode, r.count, r.perKm2, r.per10k])).toEqual([
      ['520101', 3, 0.3, 1.5],
      ['520102', 2, 0.05, 4],
    ]);
  });

  test('counts by category, with zero for categories an area lacks', () => {
    expect(summary.rows[0].byCategory.operator).toEqual({ 中国移动: 2, 中国电信: 1, 中国联通: 0 });
    expect(summary.rows[1].byCategory.operator).toEqual({ 中国移动: 1, 中国电信: 0, 中国联通: 1 });
  });

  test('numeric sums skip missing values', () => {
    expect(summary.rows.map((r) => r.sums.relocated)).toEqual([150, 10]);
  });

  test('covered share counts only items whose status is known', () => {
    expect(summary.rows.map((r) => [r.coveredCount, r.coveredShare])).toEqual([
      [1, 0.5],
      [2, 1],
    ]);
  });

  test('items outside Guizhou are kept in their own row', () => {
    expect(summary.outside).toMatchObject({
      adcode: 'outside',
      count: 1,
      sums: { relocated: 1_000 },
      coveredShare: 0,
    });
    expect(summary.outside.byCategory.operator.中国电信).toBe(1);
  });

  test('an include mask (e.g. as of a year) leaves items out everywhere', () => {
    const buildYear = Int16Array.of(2019, 2024, 2021, 0, 2025, 2020);
    const asOf2021 = summarize(table, { county, include: builtBy(buildYear, 2021) });
    expect(asOf2021.rows.map((r) => r.count)).toEqual([2, 1]);
    expect(asOf2021.outside.count).toBe(1);
  });
});

describe('area tables from geodata/areas.json', () => {
  const index: AreaIndex = JSON.parse(readFileSync('geodata/areas.json', 'utf8'));
  test('county, prefecture and province levels share one population and area total', () => {
    const levels = (['county', 'prefecture', 'province'] as const).map((level) => areaTable(index, level));
    expect(levels.map((t) => t.adcodes.length)).toEqual([88, 9, 1]);
    for (const t of levels) expect(t.population2020.reduce((a, b) => a + b)).toBe(38_562_148);
    const prefectureOfXifeng = levels[1].adcodes[levels[1].rowOfCounty[levels[0].adcodes.indexOf('520122')]];
    expect(prefectureOfXifeng).toBe('520100');
  });
});

describe('plan progress', () => {
  test('5G stations: share of the way from 20,721 to 130,000', () => {
    const p = progress(84_300, PLAN.fiveGStations.target2025, PLAN.fiveGStations.baseline2020);
    expect(p.gap).toBe(45_700);
    expect(p.shareOfWay).toBeCloseTo((84_300 - 20_721) / (130_000 - 20_721), 10);
    expect(p.reached).toBe(false);
  });

  test('a township has 5G when any of its villages is covered; unknown when none is known', () => {
    const townshipOfVillage = Uint32Array.of(0, 0, 1, 1, 2);
    expect([...townshipCoverage(townshipOfVillage, 4, Uint8Array.of(0, 1, 0, 0, FLAG_UNKNOWN))]).toEqual([
      1, 0, 255, 255,
    ]);
  });
});
