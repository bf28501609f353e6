import { expect, test } from 'vitest';
import { STATUS_UNKNOWN as UNKNOWN } from './encoding';
import { villageTileProperties, type VillageLayer } from './villages';

const source = { kind: 'sample', name: 'test' } as const;

test('villages: tile properties carry code, name, statuses, modelled years and edit mark', () => {
  const villages: VillageLayer = {
    code: ['520102001001', '520102001002', '520102001003'],
    name: ['甲"村"\\', '乙村', '丙村'],
    county: new Int16Array(3),
    lon: Float64Array.of(106.5, NaN, 106.7),
    lat: Float64Array.of(26.5, 26.6, NaN),
    status: {
      fiber: Int16Array.of(2015, 0, 0),
      gigabit: Int16Array.of(UNKNOWN, 0, 0),
      fourG: Int16Array.of(1, 0, 0),
      fiveG: Int16Array.of(2022, 0, 0),
    },
    source,
  };
  const properties = villageTileProperties(villages, Int16Array.of(2021, 0, 0), Int16Array.of(0, 0, 0));
  const row = (i: number) =>
    Object.fromEntries(Object.entries(properties).map(([key, column]) => [key, column[i]]));
  expect(row(0)).toEqual({
    c: '520102001001',
    n: '甲"村"\\',
    f: 2015,
    g: -1,
    q: 1,
    v: 2022,
    m: 2021,
    k: 0,
    e: 0,
  });
});
