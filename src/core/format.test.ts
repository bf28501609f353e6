import { expect, test } from 'vitest';
import { formatDateTime, formatDecimal, formatInteger, formatMonth, formatPopulation } from './format';

test('Chinese readers get 万 for large populations, English readers thousands separators', () => {
  expect(formatPopulation(966_276, 'zh-CN')).toBe('96.63万');
  expect(formatPopulation(9_000, 'zh-CN')).toBe('9,000');
  expect(formatPopulation(966_276, 'en')).toBe('966,276');
  expect(formatInteger(38_562_148, 'zh-CN')).toBe('38,562,148');
  expect(formatDecimal(214.66, 'en', 1)).toBe('214.7');
});

test("dates and months in each reader's order", () => {
  expect(formatDateTime('2025-11-24T09:27:00', 'zh-CN')).toBe('2025年11月24日 09:27');
  expect(formatDateTime('2025-11-24T09:27:00', 'en')).toBe('24 Nov 2025, 09:27');
  expect(formatMonth(2025, 10, 'zh-CN')).toBe('2025年10月');
  expect(formatMonth(2025, 10, 'en')).toBe('October 2025');
});
