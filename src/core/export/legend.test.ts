import { expect, test } from 'vitest';
import { classBreaks, classify } from '../classify';
import { legendRows, type LegendClassification } from './legend';

const format = (value: number) => value.toFixed(1);
const labels = { noData: '无数据', targetMet: (target: string) => `达到规划目标（≥ ${target}）` };
const COLOURS = ['#c1', '#c2', '#c3', '#c4', '#c5', '#c6'];

function view(values: number[], breaks: number[], target?: number): LegendClassification {
  const array = Float64Array.from(values);
  return { ...classify(array, breaks), values: array, colors: COLOURS.slice(0, breaks.length + 1), target };
}

test('one row per class with its colour, range and count; the first class open below, the last open above', () => {
  const rows = legendRows(view([1, 2, 3, 4, 5, 6], [2, 4]), format, labels, '#nd', '#green');
  expect(rows).toEqual([
    { colour: '#c1', range: '≤ 2.0', count: 2 },
    { colour: '#c2', range: '2.0 – 4.0', count: 2 },
    { colour: '#c3', range: '> 4.0', count: 2 },
  ]);
});

test('areas without a value get a no-data row; a target adds the areas meeting it, as an outline row', () => {
  const rows = legendRows(view([10, 40, NaN, 33, 20], [20, 30], 33), format, labels, '#nd', '#green');
  expect(rows.slice(3)).toEqual([
    { colour: '#nd', range: '无数据', count: 1 },
    { colour: '#green', range: '达到规划目标（≥ 33.0）', count: 2, outline: true },
  ]);
  expect(rows.slice(0, 3).reduce((sum, r) => sum + r.count, 0)).toBe(4);
});

test('classes around the target read as "target – next" and "≥ target", as in the side panel', () => {
  const values = [5, 10, 20, 30, 33, 40, 60];
  const breaks = classBreaks(values, 'target', 6, { target: 33 });
  const rows = legendRows(view(values, breaks, 33), format, labels, '#nd', '#green');
  expect(rows.map((r) => r.range)).toEqual([
    '≤ 8.3',
    '8.3 – 16.5',
    '16.5 – 24.8',
    '24.8 – 33.0',
    '33.0 – 49.5',
    '> 49.5',
    '达到规划目标（≥ 33.0）',
  ]);
  expect(rows[4].count + rows[5].count).toBe(rows[6].count);
});

test('no breaks (all areas equal): one class from min to max', () => {
  const rows = legendRows(view([7, 7, 7], []), format, labels, '#nd', '#green');
  expect(rows).toEqual([{ colour: '#c1', range: '7.0 – 7.0', count: 3 }]);
});
