// What the benchmarks share: the geodata files, the seeded points of the county-index rows and the
// seeded sample's layers, and timing by min and median.
import { readFileSync } from 'node:fs';
import type { AreaIndex, CountyCollection } from '../../src/core/areas.ts';
import { countyIndexOf } from '../../src/core/assign/countyIndex.ts';
import { mulberry32 } from '../../src/core/coverage/random.ts';
import { layersFromSample } from '../../src/core/layers/fromSample.ts';
import { DEFAULT_SAMPLE_SEED, generateSample } from '../../src/core/sample/generate.ts';
import { timeRuns } from './chinaMeasure.ts';

export const geodataText = (path: string) =>
  readFileSync(new URL(`../../geodata/${path}`, import.meta.url), 'utf8');

/** The counties in ascending adcode order (the county index's order), and the area index. */
export function benchGeodata(): { counties: CountyCollection; areas: AreaIndex } {
  const counties: CountyCollection = JSON.parse(geodataText('counties.geojson'));
  counties.features.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode));
  return { counties, areas: JSON.parse(geodataText('areas.json')) as AreaIndex };
}

/** `borderShare` of the points lie within ~50 m of a county border; the rest are uniform over Guizhou's box. */
export function seededPoints(counties: CountyCollection, count: number, seed: number, borderShare: number) {
  const random = mulberry32(seed);
  const lon = new Float64Array(count),
    lat = new Float64Array(count);
  const edges = counties.features.flatMap(({ geometry }) =>
    geometry.coordinates.flatMap((polygon) =>
      polygon.flatMap((ring) => ring.slice(1).map((p, i) => [ring[i], p])),
    ),
  );
  for (let i = 0; i < count; i++) {
    if (random() >= borderShare) {
      lon[i] = 103.6 + random() * 6;
      lat[i] = 24.6 + random() * 4.7;
      continue;
    }
    const [a, b] = edges[Math.floor(random() * edges.length)],
      t = random();
    lon[i] = a[0] + (b[0] - a[0]) * t + (random() - 0.5) * 0.001; // ±50 m
    lat[i] = a[1] + (b[1] - a[1]) * t + (random() - 0.5) * 0.001;
  }
  return { lon, lat };
}

/** The seeded sample's layers (326,000 stations, 17,964 villages, the places), as the app loads them. */
export function sampleLayers(counties: CountyCollection, areas: AreaIndex) {
  const sample = generateSample(DEFAULT_SAMPLE_SEED, {
    areas,
    countyIndex: countyIndexOf(counties).index,
    villagesCsv: geodataText('villages.csv'),
    relocationSitesCsv: geodataText('sources/relocation-sites.csv'),
    scenicAreasCsv: geodataText('sources/scenic-areas.csv'),
  });
  return layersFromSample(
    sample,
    areas.counties.map((c) => c.adcode),
  );
}

/** Runs `run` `runs` times: the fastest and the median time, and the last result. */
export const timed = timeRuns;

export const ms = (x: number) => `${x.toFixed(1)} ms`;
/** Points per second, in millions. */
export const rate = (count: number, milliseconds: number) =>
  `${(((count / milliseconds) * 1000) / 1e6).toFixed(1)} M/s`;
