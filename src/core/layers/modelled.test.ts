import { expect, test } from 'vitest';
import { modelledYearsOf } from './modelled';
import type { PlaceLayer } from './types';

const source = { kind: 'sample', name: 'test' } as const;
const place = (lon: number): PlaceLayer => ({
  key: ['甲'],
  name: ['甲'],
  county: Int16Array.of(0),
  lon: Float64Array.of(lon),
  lat: Float64Array.of(26),
  approximate: Uint8Array.of(0),
  reported: Int16Array.of(-1),
  population: Float64Array.of(NaN),
  level: ['5A'],
  source,
});
// Two 5G mid-band stations with a 1,000 m radius: one of unknown build year, one built in 2023.
const stations = {
  lon: Float64Array.of(106, 106.1),
  lat: Float64Array.of(26, 26),
  bandClass: Uint8Array.of(0, 0),
  buildYear: Int16Array.of(0, 2023),
};
const radii = Float32Array.of(1000, 1000);

test('a target gets the first year a station reaches it, 1 for a station of unknown year, 0 when none does', () => {
  const years = modelledYearsOf(stations, radii, { relocationSites: place(106), scenicAreas: place(106.1) });
  expect(Array.from(years.relocationSites5g!)).toEqual([1]);
  expect(Array.from(years.scenicAreas5g!)).toEqual([2023]);
  expect(Array.from(modelledYearsOf(stations, radii, { scenicAreas: place(106.5) }).scenicAreas5g!)).toEqual([
    0,
  ]);
});

test('only the target layers given get a column, so the result can be spread over another', () => {
  expect(Object.keys(modelledYearsOf(stations, radii, { scenicAreas: place(106) }))).toEqual([
    'scenicAreas5g',
  ]);
});
