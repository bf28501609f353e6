import { expect, test } from 'vitest';
import { formatDecimal, formatInteger, formatPopulation } from './format';

test('Chinese readers get 万 for large populations, English readers thousands separators', () => {
  expect(formatPopulation(966_276, 'zh-CN')).toBe('96.63万');
  expect(formatPopulation(9_000, 'zh-CN')).toBe('9,000');
  expect(formatPopulation(966_276, 'en')).toBe('966,276');
  expect(formatInteger(38_562_148, 'zh-CN')).toBe('38,562,148');
  expect(formatDecimal(214.66, 'en', 1)).toBe('214.7');
});
