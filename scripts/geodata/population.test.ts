import { describe, expect, test } from 'vitest';
import { apportion, buildPopulation } from './population';

describe('apportion', () => {
  test('splits a total into integers in proportion, summing exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(1_000_001, [3, 1]).reduce((a, b) => a + b)).toBe(1_000_001);
  });
});

describe('buildPopulation', () => {
  const prefectures = 'adcode,name,population2020,source\nP1,甲市,1000,bulletin\nP2,乙市,500,bulletin\n';
  test('keeps census figures, estimates the missing ones from the remainder by village units, and flags them', () => {
    const counties = 'adcode,name,prefectureAdcode,population2020,precision,source\nA,a,P1,400,exact,src A\nB,b,P1,,,\nC,c,P1,,,\nD,d,P2,500,exact,src D\n';
    const result = buildPopulation(counties, prefectures, new Map([['B', 1], ['C', 2]]));
    expect(result.get('A')).toMatchObject({ population2020: 400, populationSource: 'census' });
    expect(result.get('B')).toMatchObject({ population2020: 200, populationSource: 'estimate' });
    expect(result.get('C')).toMatchObject({ population2020: 400, populationSource: 'estimate' });
  });

  test('moves figures rounded to 100 within their rounding so a complete prefecture sums exactly', () => {
    const counties = 'adcode,name,prefectureAdcode,population2020,precision,source\nA,a,P1,600,rounded_100,s\nB,b,P1,400,rounded_100,s\nD,d,P2,530,rounded_100,s\n';
    const result = buildPopulation(counties, prefectures, new Map());
    expect(result.get('D')).toMatchObject({ population2020: 500, populationSource: 'census-rounded' });
    expect(result.get('A')?.population2020).toBe(600);
  });

  test('refuses a prefecture whose counties disagree with its total beyond rounding', () => {
    const counties = 'adcode,name,prefectureAdcode,population2020,precision,source\nA,a,P1,1200,exact,s\nD,d,P2,500,exact,s\n';
    expect(() => buildPopulation(counties, prefectures, new Map())).toThrow(/甲市/);
  });
});
