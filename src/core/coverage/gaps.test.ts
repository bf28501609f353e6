import { expect, test } from 'vitest';
import { rankGaps } from './gaps';

test('groups uncovered targets by area and ranks them by weight, then distance, then index', () => {
  const areas = rankGaps({
    covered: Uint8Array.of(0, 0, 1, 0, 0, 0, 0),
    nearestMeters: Float64Array.of(900, 5000, 10, 4000, 4000, Infinity, 300),
    areaIds: Int16Array.of(3, 3, 3, 3, 3, 1, 1),
    weight: Float64Array.of(500, 500, 9000, 800, 500, 20, 20),
  });
  expect(areas).toEqual([
    { areaId: 1, uncoveredCount: 2, uncoveredWeight: 40, targets: [5, 6] },
    { areaId: 3, uncoveredCount: 4, uncoveredWeight: 2300, targets: [3, 1, 4, 0] },
  ]);
});

test('puts targets outside every area last, and counts each target once when unweighted', () => {
  const areas = rankGaps({
    covered: new Uint8Array(3),
    nearestMeters: Float64Array.of(1, 2, 3),
    areaIds: Int16Array.of(-1, 0, -1),
  });
  expect(areas.map((a) => [a.areaId, a.uncoveredWeight, a.targets])).toEqual([
    [0, 1, [1]],
    [-1, 2, [2, 0]],
  ]);
});

test('limits the listed targets per area but keeps the full count and weight', () => {
  const areas = rankGaps(
    { covered: new Uint8Array(4), nearestMeters: Float64Array.of(1, 2, 3, 4), areaIds: new Int16Array(4) },
    2,
  );
  expect(areas).toEqual([{ areaId: 0, uncoveredCount: 4, uncoveredWeight: 4, targets: [3, 2] }]);
});

test('returns no areas when everything is covered', () => {
  expect(
    rankGaps({
      covered: Uint8Array.of(1, 1),
      nearestMeters: new Float64Array(2),
      areaIds: new Int16Array(2),
    }),
  ).toEqual([]);
});
