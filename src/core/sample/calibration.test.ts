import { describe, expect, test } from 'vitest';
import {
  calibrationTable,
  interpolateCumulative,
  PUBLISHED_4G_STATIONS,
  PUBLISHED_5G_STATIONS,
  SAMPLE_YEARS,
} from './calibration';

describe('calibration table', () => {
  const table = calibrationTable();

  test('covers 2019–2025 and keeps every published figure exactly', () => {
    expect(table.map((r) => r.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    for (const row of table) {
      if (row.fiveGPublished) expect(row.fiveGCumulative).toBe(PUBLISHED_5G_STATIONS[row.year]);
      if (row.fourGPublished) expect(row.fourGCumulative).toBe(PUBLISHED_4G_STATIONS[row.year]);
    }
    expect(table.filter((r) => r.fiveGPublished).map((r) => [r.year, r.fiveGCumulative])).toEqual([
      [2019, 1_467],
      [2020, 20_721],
      [2022, 84_300],
      [2025, 130_000],
    ]);
    expect(table.filter((r) => r.fourGPublished).map((r) => [r.year, r.fourGCumulative])).toEqual([
      [2020, 183_000],
      [2025, 196_000],
    ]);
  });

  test('unpublished years are linear between the published points on either side', () => {
    const fiveG = Object.fromEntries(table.map((r) => [r.year, r.fiveGCumulative]));
    expect(fiveG[2021]).toBe(Math.round((20_721 + 84_300) / 2));
    expect(fiveG[2023]).toBe(Math.round(84_300 + (130_000 - 84_300) / 3));
    expect(fiveG[2024]).toBe(Math.round(84_300 + (2 * (130_000 - 84_300)) / 3));
    // 4G before 2020 carries the 2020–2025 pace back one year.
    expect(table[0].fourGCumulative).toBe(183_000 - 2_600);
  });

  test('stations built by year add up to the cumulative counts, and no year is negative', () => {
    let fiveG = 0,
      fourG = 0;
    for (const row of table) {
      fiveG += row.fiveGBuilt;
      fourG += row.fourGBuilt;
      expect(fiveG).toBe(row.fiveGCumulative);
      expect(fourG).toBe(row.fourGCumulative);
      expect(row.fiveGBuilt).toBeGreaterThan(0);
      expect(row.fourGBuilt).toBeGreaterThan(0);
    }
  });

  test('the October 2025 report (126,000) lies within 1.5 % of the interpolated line', () => {
    const endOf2024 = table.find((r) => r.year === 2024)!.fiveGCumulative;
    const endOfOctober2025 = endOf2024 + ((130_000 - endOf2024) * 10) / 12;
    expect(Math.abs(endOfOctober2025 - 126_000) / 126_000).toBeLessThan(0.015);
  });

  test('extrapolates along the nearest two points outside the published range', () => {
    expect(Array.from(interpolateCumulative({ 2020: 100, 2021: 200 }))).toEqual(
      SAMPLE_YEARS.map((y) => 100 + 100 * (y - 2020)),
    );
    expect(() => interpolateCumulative({ 2020: 1 })).toThrow(RangeError);
  });
});
