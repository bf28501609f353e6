import { expect, test } from 'vitest';
import { townshipRows } from './townships';
import {
  STATUS_NO as NO,
  STATUS_UNKNOWN as UNKNOWN,
  STATUS_YES_UNDATED as YES,
  type VillageLayer,
} from './types';

interface VillageRow {
  code: string;
  county: number;
  lon?: number;
  lat?: number;
  fiber?: number;
  gigabit?: number;
  fiveG?: number;
}

function villageLayer(rows: VillageRow[]): VillageLayer {
  const status = (pick: (r: VillageRow) => number | undefined) =>
    Int16Array.from(rows, (r) => pick(r) ?? UNKNOWN);
  return {
    code: rows.map((r) => r.code),
    name: rows.map((r) => `村${r.code}`),
    county: Int16Array.from(rows, (r) => r.county),
    lon: Float64Array.from(rows, (r) => r.lon ?? 106),
    lat: Float64Array.from(rows, (r) => r.lat ?? 26),
    status: {
      fiber: status((r) => r.fiber),
      gigabit: status((r) => r.gigabit),
      fourG: status(() => UNKNOWN),
      fiveG: status((r) => r.fiveG),
    },
    source: { kind: 'sample', name: 'test' },
  };
}

const names = new Map([['520102001', '甲镇']]);

test('villages are grouped by the first 9 digits of their code, sorted by code, named where a name is known', () => {
  const villages = villageLayer([
    { code: '520102002001', county: 0 },
    { code: '520102001001', county: 0 },
    { code: '520102002002', county: 0 },
    { code: '520102001002', county: 0 },
  ]);
  const rows = townshipRows(villages, 0, 2025, undefined, names);
  expect(rows.map((r) => [r.code, r.name, r.villages])).toEqual([
    ['520102001', '甲镇', 2],
    ['520102002', '520102002', 2],
  ]);
});

test('only the villages of the asked county count', () => {
  const villages = villageLayer([
    { code: '520102001001', county: 0 },
    { code: '520103001001', county: 1 },
    { code: '520103001002', county: 1 },
  ]);
  expect(townshipRows(villages, 1, 2025, undefined, names).map((r) => [r.code, r.villages])).toEqual([
    ['520103001', 2],
  ]);
  expect(townshipRows(villages, 2, 2025, undefined, names)).toEqual([]);
});

test('villages without coordinates count among the villages but not among those with a position', () => {
  const villages = villageLayer([
    { code: '520102001001', county: 0 },
    { code: '520102001002', county: 0, lon: NaN, lat: NaN },
    { code: '520102001003', county: 0, lat: NaN },
    { code: '520102001004', county: 0, lon: Infinity },
  ]);
  const [row] = townshipRows(villages, 0, 2025, undefined, names);
  expect([row.villages, row.withPosition]).toEqual([4, 1]);
});

test('statuses as of the year, with unknown left out of the known counts', () => {
  const villages = villageLayer([
    { code: '520102001001', county: 0, fiber: 2015, gigabit: 2024, fiveG: 2021 },
    { code: '520102001002', county: 0, fiber: YES, gigabit: NO, fiveG: UNKNOWN },
    { code: '520102001003', county: 0, fiber: UNKNOWN, gigabit: 2022, fiveG: NO },
  ]);
  const [row] = townshipRows(villages, 0, 2022, undefined, names);
  expect(row).toMatchObject({
    fiberKnown: 2,
    fiber: 2,
    gigabitKnown: 3,
    gigabit: 1,
    fiveGKnown: 2,
    fiveG: 1,
  });
});

test('modelled 5G counts villages first covered by the year; 0 is never, and no model counts none', () => {
  const villages = villageLayer([
    { code: '520102001001', county: 0 },
    { code: '520102001002', county: 0 },
    { code: '520102001003', county: 0 },
    { code: '520102001004', county: 0 },
  ]);
  const modelled5g = Int16Array.of(2020, 2022, 2023, 0);
  expect(townshipRows(villages, 0, 2022, modelled5g, names)[0].modelled5g).toBe(2);
  expect(townshipRows(villages, 0, 2022, undefined, names)[0].modelled5g).toBe(0);
});
