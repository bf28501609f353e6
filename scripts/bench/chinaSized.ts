// A China-sized synthetic data set on Guizhou's map, for the benchmarks of the China-sized run:
// as many 5G stations as China has (~4.5 million) and villages in proportion (~490,000 at that
// size), spread over Guizhou's 88 counties, at any size from the sample's 130,000 up.
//
// How points are spread: the seeded SAMPLE (src/core/sample) is the template. Synthetic station i
// copies 5G template station ⌊i × T / n⌋ (T template stations, n wanted: each template station is
// copied n / T times, in the sample's order, so a data set keeps the sample's mix of operators,
// bands, build years and counties) and is placed by a Gaussian around the template's position,
// redrawn until it lies in the template's county (scatterInCounties, the sample's own placer).
// Villages the same way around the sample's village positions (themselves synthetic: the
// village list is real, its positions are the sample's layout). So cities stay dense and the
// countryside sparse, at national density; relocation sites and scenic areas are the sample's.
//
// Rules relied on:
// - Deterministic for a seed: the template is generateSample(seed) and each size draws from its
//   own mulberry32 stream derived from (seed, size), so the same seed gives the same points.
// - Every point lies in the county it was drawn for (scatterInCounties' rule), and that county is
//   the one assignCounties gives back; benchmarks still assign afresh (that is what they time).
// - Only 5G stations (technology 0): the China-sized figure is the 5G build-out.
// - Synthetic village codes keep the template's township (first 9 digits), then "-k" for copy k,
//   so township figures still group them; they are not valid NBS codes.
import { readFileSync } from 'node:fs';
import type { AreaIndex, CountyCollection } from '../../src/core/areas.ts';
import { countyIndexOf, type CountyIndex } from '../../src/core/assign/countyIndex.ts';
import { mulberry32 } from '../../src/core/coverage/random.ts';
import { layersFromSample } from '../../src/core/layers/fromSample.ts';
import type { LayerSet } from '../../src/core/layers/registry.ts';
import type { StationLayer } from '../../src/core/layers/stationColumns.ts';
import type { VillageLayer } from '../../src/core/layers/villages.ts';
import { DEFAULT_SAMPLE_SEED, generateSample } from '../../src/core/sample/generate.ts';
import { scatterInCounties } from '../../src/core/sample/scatter.ts';

/** China's 5G stations and administrative villages, rounded (MIIT, end of 2025; NBS). */
export const NATIONAL_FIVE_G_STATIONS = 4_500_000;
export const NATIONAL_VILLAGES = 490_000;
/** The sizes the cost curve is printed at: the sample's 5G count up to China's. */
export const CHINA_SIZES = [130_000, 500_000, 1_500_000, 4_500_000] as const;

/** Spread of a copy around its template: a town block for stations, a village's land for villages. */
const STATION_SIGMA_METERS = 300;
const VILLAGE_SIGMA_METERS = 1_500;

export interface ChinaTemplate {
  seed: number;
  areas: AreaIndex;
  counties: CountyCollection['features'];
  countyIndex: CountyIndex;
  /** The sample's layers: 5G and 4G stations, villages, relocation sites, scenic areas. */
  sampleLayers: LayerSet;
  /** How many of the sample's stations are 5G (they come first). */
  fiveGCount: number;
}

export function loadChinaTemplate(seed = DEFAULT_SAMPLE_SEED): ChinaTemplate {
  const read = (path: string) => readFileSync(new URL(`../../geodata/${path}`, import.meta.url), 'utf8');
  const areas: AreaIndex = JSON.parse(read('areas.json'));
  const { index: countyIndex, counties } = countyIndexOf(JSON.parse(read('counties.geojson')));
  const sample = generateSample(seed, {
    areas,
    countyIndex,
    villagesCsv: read('villages.csv'),
    relocationSitesCsv: read('sources/relocation-sites.csv'),
    scenicAreasCsv: read('sources/scenic-areas.csv'),
  });
  const sampleLayers = layersFromSample(
    sample,
    counties.map((c) => c.properties.adcode),
  );
  return { seed, areas, counties, countyIndex, sampleLayers, fiveGCount: sample.stations.fiveGCount };
}

/** Villages that go with `stationCount` stations at China's ratio (490,000 at 4.5 million). */
export function villagesFor(stationCount: number): number {
  return Math.round((NATIONAL_VILLAGES * stationCount) / NATIONAL_FIVE_G_STATIONS);
}

/** The layers of a China-sized run with `stationCount` 5G stations (and villagesFor(it) villages). */
export function chinaSizedLayers(template: ChinaTemplate, stationCount: number): LayerSet {
  return {
    stations: chinaSizedStations(template, stationCount),
    villages: chinaSizedVillages(template, villagesFor(stationCount)),
    relocationSites: template.sampleLayers.relocationSites,
    scenicAreas: template.sampleLayers.scenicAreas,
  };
}

export function chinaSizedStations(template: ChinaTemplate, count: number): StationLayer {
  const from = template.sampleLayers.stations!;
  const pick = templateRows(template.fiveGCount, count);
  const { lon, lat } = scatterCopies(
    template,
    streamSeed(template.seed, count, 1),
    pick,
    from,
    STATION_SIGMA_METERS,
  );
  return {
    lon,
    lat,
    county: gather(Int16Array, pick, from.county),
    technology: new Uint8Array(count),
    bandClass: gather(Uint8Array, pick, from.bandClass),
    buildYear: gather(Int16Array, pick, from.buildYear),
    operator: gather(Uint8Array, pick, from.operator),
    operators: from.operators,
    band: gather(Uint8Array, pick, from.band),
    bands: from.bands,
    source: { kind: 'sample', name: `China-sized synthetic set, ${count.toLocaleString('en')} 5G stations` },
  };
}

export function chinaSizedVillages(template: ChinaTemplate, count: number): VillageLayer {
  const from = template.sampleLayers.villages!;
  const pick = templateRows(from.lon.length, count);
  const { lon, lat } = scatterCopies(
    template,
    streamSeed(template.seed, count, 2),
    pick,
    from,
    VILLAGE_SIGMA_METERS,
  );
  const code: string[] = new Array(count),
    name: string[] = new Array(count);
  for (let i = 0, copy = 0; i < count; i++) {
    copy = i > 0 && pick[i] === pick[i - 1] ? copy + 1 : 0;
    code[i] = copy === 0 ? from.code[pick[i]] : `${from.code[pick[i]]}-${copy}`;
    name[i] = copy === 0 ? from.name[pick[i]] : `${from.name[pick[i]]}-${copy}`;
  }
  const status = (column: Int16Array) => gather(Int16Array, pick, column);
  return {
    code,
    name,
    county: gather(Int16Array, pick, from.county),
    lon,
    lat,
    status: {
      fiber: status(from.status.fiber),
      gigabit: status(from.status.gigabit),
      fourG: status(from.status.fourG),
      fiveG: status(from.status.fiveG),
    },
    source: { kind: 'sample', name: `China-sized synthetic set, ${count.toLocaleString('en')} villages` },
  };
}

/** Template row of each of `count` copies: ⌊i × templateCount / count⌋, in the template's order. */
function templateRows(templateCount: number, count: number): Uint32Array {
  const rows = new Uint32Array(count);
  for (let i = 0; i < count; i++) rows[i] = Math.floor((i * templateCount) / count);
  return rows;
}

function scatterCopies(
  template: ChinaTemplate,
  seed: number,
  pick: Uint32Array,
  from: { lon: Float64Array; lat: Float64Array; county: Int16Array },
  sigmaMeters: number,
): { lon: Float64Array; lat: Float64Array } {
  return scatterInCounties(mulberry32(seed), template.countyIndex, {
    county: gather(Int16Array, pick, from.county),
    centreLon: gather(Float64Array, pick, from.lon),
    centreLat: gather(Float64Array, pick, from.lat),
    sigmaMeters: new Float32Array(pick.length).fill(sigmaMeters),
  });
}

/** column[pick[i]] for every i, in a new array of the column's type (a loop: TypedArray.from with
 * a mapping function is several times slower at millions of rows). */
function gather<T extends Int16Array | Uint8Array | Float64Array>(
  Type: { new (length: number): T },
  pick: Uint32Array,
  column: ArrayLike<number>,
): T {
  const out = new Type(pick.length);
  for (let i = 0; i < pick.length; i++) out[i] = column[pick[i]];
  return out;
}

/** One stream per (seed, size, what): sizes do not share draws, and a seed fixes all of them. */
function streamSeed(seed: number, count: number, what: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(count, 0x85ebca6b) + what * 0x27d4eb2f) >>> 0;
}
