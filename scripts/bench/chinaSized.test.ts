import { describe, expect, it } from 'vitest';
import { assignCounties } from '../../src/core/assign/countyIndex';
import { chinaSizedLayers, loadChinaTemplate, villagesFor } from './chinaSized';

// One template (the seeded sample, a few seconds) for the whole file: it is only read.
const template = loadChinaTemplate();

describe('China-sized synthetic set', () => {
  it('gives the same points and rows for the same seed and size', () => {
    const first = chinaSizedLayers(template, 20_000);
    const again = chinaSizedLayers(template, 20_000);
    expect(again.stations!.lon).toEqual(first.stations!.lon);
    expect(again.stations!.lat).toEqual(first.stations!.lat);
    expect(again.stations!.operator).toEqual(first.stations!.operator);
    expect(again.villages!.lon).toEqual(first.villages!.lon);
    expect(again.villages!.code).toEqual(first.villages!.code);
  });

  it('puts every station and village in the county it was drawn for', () => {
    const { stations, villages } = chinaSizedLayers(template, 20_000);
    expect(assignCounties(template.countyIndex, stations!.lon, stations!.lat)).toEqual(stations!.county);
    expect(assignCounties(template.countyIndex, villages!.lon, villages!.lat)).toEqual(villages!.county);
  });

  it('has villages at China’s ratio and keeps each village in its township', () => {
    const { stations, villages } = chinaSizedLayers(template, 45_000);
    expect(stations!.lon.length).toBe(45_000);
    expect(villages!.lon.length).toBe(villagesFor(45_000));
    expect(villagesFor(4_500_000)).toBe(490_000);
    expect(new Set(villages!.code).size).toBe(villages!.code.length);
    const townships = new Set(template.sampleLayers.villages!.code.map((code) => code.slice(0, 9)));
    expect(villages!.code.every((code) => townships.has(code.slice(0, 9)))).toBe(true);
  });
});
