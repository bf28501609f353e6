import { expect, test } from 'vitest';
import { isGradedScenicArea, statusAt, STATUS_NO, STATUS_UNKNOWN, STATUS_YES_UNDATED } from './types';

test('no is no in every year, unknown is unknown (255) in every year', () => {
  for (const year of [2000, 2020, 2025]) {
    expect(statusAt(STATUS_NO, year)).toBe(0);
    expect(statusAt(STATUS_UNKNOWN, year)).toBe(255);
  }
});

test('yes since an unknown year is yes in every year, even before any dated status', () => {
  expect([1990, 2019, 2025].map((year) => statusAt(STATUS_YES_UNDATED, year))).toEqual([1, 1, 1]);
});

test('a dated yes becomes true at the end of its year and stays true', () => {
  expect([2020, 2021, 2022, 2030].map((year) => statusAt(2021, year))).toEqual([0, 1, 1, 1]);
});

test('only 4A and 5A grades are graded scenic areas, whatever follows the grade', () => {
  expect(['5A', '4A', ' 4A ', '5A级', '4A (红色旅游)'].map(isGradedScenicArea)).toEqual([
    true,
    true,
    true,
    true,
    true,
  ]);
  expect(['3A', '', 'red-tourism', 'A4', '45'].map(isGradedScenicArea)).toEqual([
    false,
    false,
    false,
    false,
    false,
  ]);
});
