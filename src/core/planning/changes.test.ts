import { expect, test } from 'vitest';
import type { AreaIndex } from '../areas';
import type { LayerSet, LayerSource } from '../layers/types';
import { newlyCovered } from './changes';

const areas = {
  counties: [
    { adcode: '520122', name: '息烽县' },
    { adcode: '520123', name: '修文县' },
  ],
  prefectures: [],
  neighbours: [],
} as unknown as AreaIndex;
const source: LayerSource = { kind: 'sample', name: 'test' };

function villages(fiveG: number[]): LayerSet['villages'] {
  const n = fiveG.length;
  const none = new Int16Array(n);
  return {
    code: fiveG.map((_, i) => `52012210100${i}`),
    name: fiveG.map((_, i) => `村${i}`),
    county: new Int16Array(n),
    lon: new Float64Array(n).fill(106.7),
    lat: new Float64Array(n).fill(27.1),
    status: { fiber: none, gigabit: none, fourG: none, fiveG: Int16Array.from(fiveG) },
    source,
  };
}

test('a village reported covered in a year between the two is newly covered; earlier, undated, unknown or never are not', () => {
  const layers: LayerSet = { villages: villages([2021, 2022, 2023, 2020, 1, -1, 0]) };
  const { rows } = newlyCovered(areas, layers, {}, 2021, 2023);
  expect(rows.map((r) => r.id)).toEqual(['520122101001', '520122101002']);
  expect(rows.every((r) => r.basis === 'reported' && r.countyName === '息烽县')).toBe(true);
});

test('reported and modelled are told apart, and counted per kind', () => {
  const layers: LayerSet = { villages: villages([2022, 2022, 0]) };
  const summary = newlyCovered(areas, layers, { villages5g: Int16Array.of(2022, 0, 2023) }, 2021, 2025);
  expect(summary.rows.map((r) => r.basis)).toEqual(['both', 'reported', 'modelled']);
  expect(summary.counts.village).toEqual({ reported: 1, modelled: 1, both: 1 });
  expect(summary.counts.scenicArea).toEqual({ reported: 0, modelled: 0, both: 0 });
});

test('the same year twice changes nothing', () => {
  const layers: LayerSet = { villages: villages([2022, 2023]) };
  expect(newlyCovered(areas, layers, { villages5g: Int16Array.of(2022, 2023) }, 2023, 2023).rows).toEqual([]);
});
