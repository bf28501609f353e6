// Places the browser tests use, named once: counties with their adcode and seat (the point a test
// clicks to select one), as in geodata/counties.geojson, and any county looked up there by name.
import { readFileSync } from 'node:fs';
import type { CountyCollection } from '../../src/core/areas';

type Seat = readonly [lon: number, lat: number];

/** 息烽县 (贵阳市): the county most tests select. */
export const XIFENG = { name: '息烽县', adcode: '520122', seat: [106.733857, 27.096099] as Seat } as const;

let counties: CountyCollection | undefined;

/** Every county of geodata/counties.geojson. */
export function allCounties(): CountyCollection {
  counties ??= JSON.parse(readFileSync('geodata/counties.geojson', 'utf8')) as CountyCollection;
  return counties;
}

/** A county's properties (adcode, seat, prefecture…) by its name. */
export function countyNamed(name: string) {
  const county = allCounties().features.find((f) => f.properties.name === name);
  if (!county) throw new Error(`no county named ${name} in geodata/counties.geojson`);
  return county.properties;
}
