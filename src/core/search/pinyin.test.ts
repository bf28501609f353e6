import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { AreaIndex } from '../areas';
import { placePinyin } from './pinyin';

test('a county, a city and a district show their proper name in pinyin', () => {
  expect(placePinyin('息烽县')).toBe('Xifeng');
  expect(placePinyin('凯里市')).toBe('Kaili');
  expect(placePinyin('观山湖区')).toBe('Guanshanhu');
  expect(placePinyin('六枝特区')).toBe('Liuzhi');
});

test('autonomous areas drop the peoples they are named for', () => {
  expect(placePinyin('黔东南苗族侗族自治州')).toBe('Qiandongnan');
  expect(placePinyin('威宁彝族回族苗族自治县')).toBe('Weining');
  expect(placePinyin('印江土家族苗族自治县')).toBe('Yinjiang');
});

test('都 reads dū and a syllable starting with a vowel after another takes an apostrophe', () => {
  expect(placePinyin('都匀市')).toBe('Duyun');
  expect(placePinyin('三都水族自治县')).toBe('Sandu');
  expect(placePinyin('正安县')).toBe("Zheng'an");
  expect(placePinyin('安顺市')).toBe('Anshun');
});

test('a one-character proper name keeps its ending', () => {
  expect(placePinyin('水城区')).toBe('Shuicheng');
});

test('every one of the 97 areas gets a distinct, non-empty Latin name', () => {
  const areas: AreaIndex = JSON.parse(readFileSync('geodata/areas.json', 'utf8'));
  const names = [...areas.prefectures, ...areas.counties].map((a) => placePinyin(a.name));
  expect(names.every((n) => /^[A-Z][a-z']+$/.test(n))).toBe(true);
  expect(new Set(names).size).toBe(97);
});
