// The areas a summary is made for, at one level (county, prefecture or province), as columns,
// with the mapping from county index (the assignment's output) to area row.
import type { AreaIndex } from '../areas';

export type Level = 'county' | 'prefecture' | 'province';
export const LEVELS: readonly Level[] = ['county', 'prefecture', 'province'];

export interface AreaTable {
  level: Level;
  adcodes: string[];
  names: string[];
  population2020: Float64Array;
  areaKm2: Float64Array;
  /** Row of each county (by county index, ascending adcode) at this level. */
  rowOfCounty: Int16Array;
}

export const PROVINCE = { adcode: '520000', name: '贵州省' } as const;

/** County order is ascending adcode, the order the county index uses. */
export function sortedCounties(index: AreaIndex): AreaIndex['counties'] {
  return [...index.counties].sort((a, b) => a.adcode.localeCompare(b.adcode));
}

export function areaTable(index: AreaIndex, level: Level): AreaTable {
  const counties = sortedCounties(index);
  if (level === 'county') {
    return {
      level,
      adcodes: counties.map((c) => c.adcode),
      names: counties.map((c) => c.name),
      population2020: Float64Array.from(counties, (c) => c.population2020),
      areaKm2: Float64Array.from(counties, (c) => c.areaKm2),
      rowOfCounty: Int16Array.from(counties, (_, i) => i),
    };
  }
  if (level === 'prefecture') {
    const prefectures = [...index.prefectures].sort((a, b) => a.adcode.localeCompare(b.adcode));
    const rowOf = new Map(prefectures.map((p, i) => [p.adcode, i]));
    return {
      level,
      adcodes: prefectures.map((p) => p.adcode),
      names: prefectures.map((p) => p.name),
      population2020: Float64Array.from(prefectures, (p) => p.population2020),
      areaKm2: Float64Array.from(prefectures, (p) => p.areaKm2),
      rowOfCounty: Int16Array.from(counties, (c) => rowOf.get(c.prefectureAdcode)!),
    };
  }
  return {
    level,
    adcodes: [PROVINCE.adcode],
    names: [PROVINCE.name],
    population2020: Float64Array.of(counties.reduce((s, c) => s + c.population2020, 0)),
    areaKm2: Float64Array.of(counties.reduce((s, c) => s + c.areaKm2, 0)),
    rowOfCounty: new Int16Array(counties.length),
  };
}
