// The seeded sample the app generates, made here in Node from the same geodata and the same code,
// so a browser test can check the page against an independent computation or the CLI.
import { readFileSync } from 'node:fs';
import type { AreaIndex, CountyCollection } from '../../src/core/areas';
import { countyIndexOf } from '../../src/core/assign/countyIndex';
import { DEFAULT_SAMPLE_SEED, generateSample, type Sample } from '../../src/core/sample/generate';

let cached: { areas: AreaIndex; sample: Sample } | undefined;

export function seededSample(): { areas: AreaIndex; sample: Sample } {
  if (cached) return cached;
  const read = (path: string) => readFileSync(path, 'utf8');
  const areas = JSON.parse(read('geodata/areas.json')) as AreaIndex;
  const sample = generateSample(DEFAULT_SAMPLE_SEED, {
    areas,
    countyIndex: countyIndexOf(JSON.parse(read('geodata/counties.geojson')) as CountyCollection).index,
    villagesCsv: read('geodata/villages.csv'),
    relocationSitesCsv: read('geodata/sources/relocation-sites.csv'),
    scenicAreasCsv: read('geodata/sources/scenic-areas.csv'),
  });
  cached = { areas, sample };
  return cached;
}
