import { expect, test } from 'vitest';
import type { AreaIndex } from '../core/areas';
import { bandClassCode } from '../core/coverage/radius';
import { STATUS_NO, STATUS_UNKNOWN, type VillageLayer } from '../core/layers/types';
import type { LayerSnapshot } from './layerView';
import { gapList } from './planningView';

// Two counties of one prefecture and one of another; a village in each, none reported covered.
const areas = {
  counties: [
    { adcode: '520101', name: '甲', prefectureAdcode: '520100' },
    { adcode: '520102', name: '乙', prefectureAdcode: '520100' },
    { adcode: '520201', name: '丙', prefectureAdcode: '520200' },
  ],
  prefectures: [],
  neighbours: [],
} as unknown as AreaIndex;

function snapshot(stationYears: number[]): LayerSnapshot {
  const n = 3,
    unknown = () => new Int16Array(n).fill(STATUS_UNKNOWN);
  const villages: VillageLayer = {
    code: ['520101001001', '520102001001', '520201001001'],
    name: ['一', '二', '三'],
    county: Int16Array.of(0, 1, 2),
    lon: Float64Array.of(106, 106.2, 106.4),
    lat: Float64Array.of(26, 26, 26),
    status: {
      fiber: unknown(),
      gigabit: unknown(),
      fourG: unknown(),
      fiveG: new Int16Array(n).fill(STATUS_NO),
    },
    source: { kind: 'sample', name: 't' },
  };
  // One 5G station per year given, all at the first village. The modelled years are given as never
  // covered, so every village is listed and only the distances are under test.
  const columns = {
    lon: new Float64Array(stationYears.length).fill(106),
    lat: new Float64Array(stationYears.length).fill(26),
    bandClass: new Uint8Array(stationYears.length).fill(bandClassCode('5G-mid')),
    buildYear: Int16Array.from(stationYears),
  };
  return {
    layers: { villages },
    modelled: {
      columns,
      radiiMeters: new Float32Array(stationYears.length).fill(1500),
      villages5g: Int16Array.of(0, 0, 0),
    },
  };
}

test('an area code selects its counties, a prefecture all of its own, a box what lies inside', () => {
  const data = snapshot([2021]);
  const codes = (scope: Parameters<typeof gapList>[2]['scope']) =>
    gapList(areas, data, { scope, asOfYear: 2025 }).rows.map((row) => row.code);
  expect(codes({ adcode: '520102' })).toEqual(['520102001001']);
  expect(codes({ adcode: '520100' })).toEqual(['520101001001', '520102001001']);
  expect(codes({ adcode: '520000' })).toHaveLength(3);
  expect(codes({ bounds: [106.1, 25, 107, 27] })).toEqual(['520102001001', '520201001001']);
});

test('distances count only the stations on air by the year, and say whether stations are loaded', () => {
  const data = snapshot([2021, 2024]);
  const first = (asOfYear: number) =>
    gapList(areas, data, { scope: { adcode: '520101' }, asOfYear }).rows[0].nearest5gMeters;
  expect(first(2020)).toBe(Infinity);
  expect(first(2021)).toBe(0);
  expect(first(2025)).toBe(0);
  expect(gapList(areas, data, { scope: { adcode: '520101' }, asOfYear: 2025 }).stationsLoaded).toBe(false);
});
