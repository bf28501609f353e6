import { expect, test } from 'vitest';
import { classBreaks, classify } from './classify';

const values = [1, 2, 3, 4, 10, 11, 12, 30, 31, 32];

test('quantile breaks split the areas into classes of about equal size', () => {
  const breaks = classBreaks(values, 'quantile', 5);
  expect(classify(values, breaks).counts).toEqual([2, 2, 2, 2, 2]);
});

test('natural breaks find the gaps between clusters', () => {
  expect(classBreaks(values, 'naturalBreaks', 3)).toEqual([4, 12]);
  expect(classify(values, [4, 12]).counts).toEqual([4, 3, 3]);
});

test('equal interval divides the range evenly; a value on a break falls in the lower class', () => {
  expect(classBreaks([0, 10, 20, 30, 40], 'equalInterval', 4)).toEqual([10, 20, 30]);
  expect(Array.from(classify([0, 10, 20, 30, 40], [10, 20, 30]).classOf)).toEqual([0, 0, 1, 2, 3]);
});

test('target classes are shares of the plan target, with "met" starting at the target', () => {
  const breaks = classBreaks(values, 'target', 6, { target: 33 });
  const { classOf } = classify([33, 32.9, 50], breaks);
  expect(Array.from(classOf)).toEqual([4, 3, 5]);
});

test('manual breaks are used as given (sorted); missing values are "no data"', () => {
  const result = classify([5, NaN, 50], classBreaks([], 'manual', 0, { manual: [20, 10] }));
  expect(result.breaks).toEqual([10, 20]);
  expect(Array.from(result.classOf)).toEqual([0, -1, 2]);
  expect(result.counts).toEqual([1, 0, 1]);
});
