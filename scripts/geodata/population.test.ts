import { describe, expect, test } from 'vitest';
import { buildPopulation } from './population';

describe('buildPopulation', () => {
  const prefectures = 'adcode,name,population2020,source\nP1,甲市,1000,bulletin\nP2,乙市,500,bulletin\n';
  const header = 'adcode,name,prefectureAdcode,population2020,precision,source\n';

  test('carries every exact census figure and its source', () => {
    const result = buildPopulation(header + 'A,a,P1,400,exact,src A\nB,b,P1,600,exact,src B\nD,d,P2,500,exact,src D\n', prefectures);
    expect(result.size).toBe(3);
    expect(result.get('A')).toEqual({ population2020: 400, populationSource: 'census', populationNote: 'src A' });
  });

  test('refuses a county without a census figure instead of estimating it', () => {
    expect(() => buildPopulation(header + 'A,a,P1,1000,exact,s\nB,b,P1,,,\nD,d,P2,500,exact,s\n', prefectures)).toThrow(/B b: no exact 2020 census figure/);
  });

  test('refuses a rounded figure', () => {
    expect(() => buildPopulation(header + 'A,a,P1,1000,rounded_100,s\nD,d,P2,500,exact,s\n', prefectures)).toThrow(/A a: no exact/);
  });

  test('refuses a prefecture whose counties do not sum exactly to its census total', () => {
    expect(() => buildPopulation(header + 'A,a,P1,999,exact,s\nD,d,P2,500,exact,s\n', prefectures)).toThrow(/甲市: its counties sum to 999/);
  });
});
