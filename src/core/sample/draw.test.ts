import { describe, expect, test } from 'vitest';
import { mulberry32 } from '../coverage/random';
import { apportion, normal, pickWeighted, streamFor } from './draw';

describe('apportion', () => {
  test('parts add up exactly to the total and follow the weights', () => {
    const counts = apportion(31_790, [5_987_018, 3_031_602, 6_606_675, 1]);
    expect(counts.reduce((sum, x) => sum + x, 0)).toBe(31_790);
    expect(counts[0] / counts[1]).toBeCloseTo(5_987_018 / 3_031_602, 2);
  });

  test('largest remainders take the leftovers; ties go to the lower index', () => {
    expect(Array.from(apportion(10, [1, 1, 1]))).toEqual([4, 3, 3]);
    expect(Array.from(apportion(2, [1, 1, 1]))).toEqual([1, 1, 0]);
    expect(Array.from(apportion(7, [0, 2, 5]))).toEqual([0, 2, 5]);
  });

  test('zero total gives zeros; bad input is refused', () => {
    expect(Array.from(apportion(0, [1, 2]))).toEqual([0, 0]);
    expect(() => apportion(3, [0, 0])).toThrow(RangeError);
    expect(() => apportion(3, [1, -1])).toThrow(RangeError);
    expect(() => apportion(2.5, [1])).toThrow(RangeError);
  });
});

describe('pickWeighted', () => {
  test('never picks a zero weight, and picks in proportion', () => {
    const random = mulberry32(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[pickWeighted(random, [0, 1, 3, 0])]++;
    expect(counts[0]).toBe(0);
    expect(counts[3]).toBe(0);
    expect(counts[2] / counts[1]).toBeCloseTo(3, 0);
  });

  test('a random number at the top of the range still lands on a positive weight', () => {
    expect(pickWeighted(() => 0.999999999999, [0.1, 0.2, 0.7, 0])).toBe(2);
    expect(() => pickWeighted(() => 0.5, [0, 0])).toThrow(RangeError);
  });
});

describe('streams', () => {
  test('the same seed and part give the same numbers; another part or seed differs', () => {
    const draw = (seed: number, part: string) => Array.from({ length: 5 }, streamFor(seed, part));
    expect(draw(1, 'stations')).toEqual(draw(1, 'stations'));
    expect(draw(1, 'stations')).not.toEqual(draw(1, 'villages'));
    expect(draw(1, 'stations')).not.toEqual(draw(2, 'stations'));
  });

  test('normal deviates have mean ≈ 0 and variance ≈ 1, and are finite', () => {
    const random = mulberry32(3);
    let sum = 0,
      squares = 0,
      finite = true;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const x = normal(random);
      finite &&= Number.isFinite(x);
      sum += x;
      squares += x * x;
    }
    expect(finite).toBe(true);
    expect(sum / n).toBeCloseTo(0, 1);
    expect(squares / n).toBeCloseTo(1, 1);
    expect(Number.isFinite(normal(() => 0))).toBe(true);
  });
});
