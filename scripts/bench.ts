// `npm run bench`: the engine's speed targets, measured on seeded data and printed as a table
// (min and median of 5 runs): assignment, summaries, the layers' views, point tiles (bench/tiles.ts)
// and CSV ingest (bench/ingest.ts). The China-sized runs are their own scripts (bench/china.ts,
// bench/postgis.ts): they take minutes and over a gigabyte. Points are uniform over Guizhou's
// bounding box, or half of them within ~50 m of county borders, where the index has to do exact tests.
import pointsWithinPolygon from '@turf/points-within-polygon';
import { assignCounties, buildCountyIndex } from '../src/core/assign/countyIndex.ts';
import { areaTable } from '../src/core/summary/areaTable.ts';
import { summarize } from '../src/core/summary/summarize.ts';
import { benchNearest, BENCH_STATION_COUNT, BENCH_TARGET_COUNT } from '../src/core/coverage/bench.ts';
import { NO_STATION_FILTER } from '../src/core/layers/stationFilter.ts';
import { LayerView } from '../src/worker/layerView.ts';
import { benchTiles } from './bench/tiles.ts';
import { benchIngest } from './bench/ingest.ts';
import { benchRedraw } from './bench/redraw.ts';
import {
  benchGeodata,
  sampleLayers as seededSampleLayers,
  seededPoints,
  timed,
  ms,
  rate,
} from './bench/common.ts';

const RUNS = 5;
const { counties, areas } = benchGeodata();
const geometries = counties.features.map((f) => f.geometry);
const time = <T>(run: () => T) => timed(RUNS, run);

const rows: string[][] = [];
let peakRss = process.memoryUsage().rss;
const sampleMemory = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

const build = time(() => buildCountyIndex(geometries));
const index0 = build.result;
rows.push([
  `county index build (88 counties, ${index0.edgeCounty.length.toLocaleString('en')} edges, ${index0.columns}×${index0.rows} cells)`,
  ms(build.min),
  ms(build.median),
  '≤ 300 ms',
]);
const index = build.result;
const table = areaTable(areas, 'county');

for (const [label, borderShare] of [
  ['uniform', 0],
  ['half near borders', 0.5],
] as const)
  for (const count of [10_000, 100_000, 1_000_000]) {
    const points = seededPoints(counties, count, count, borderShare);
    const county = new Int16Array(count);
    const run = time(() => {
      assignCounties(index, points.lon, points.lat, county);
      sampleMemory();
      return summarize(table, { county });
    });
    sampleMemory();
    rows.push([
      `assign + county summary, ${count.toLocaleString('en')} points, ${label}`,
      `${ms(run.min)} (${rate(count, run.min)})`,
      ms(run.median),
      count === 1_000_000 ? '≥ 10 M/s (≤ 100 ms)' : '',
    ]);
  }

const naiveCount = 10_000;
const naivePoints = seededPoints(counties, naiveCount, 7, 0.5);
const naiveCollection = {
  type: 'FeatureCollection' as const,
  features: Array.from(naivePoints.lon, (x, i) => ({
    type: 'Feature' as const,
    properties: {},
    geometry: { type: 'Point' as const, coordinates: [x, naivePoints.lat[i]] },
  })),
};
const naive = time(() =>
  counties.features.reduce((found, f) => found + pointsWithinPolygon(naiveCollection, f).features.length, 0),
);
const fast = time(() => assignCounties(index, naivePoints.lon, naivePoints.lat));
rows.push([
  `naive Turf pointsWithinPolygon per county, ${naiveCount.toLocaleString('en')} points`,
  `${ms(naive.min)} (${rate(naiveCount, naive.min)})`,
  ms(naive.median),
  `index is ${(naive.min / fast.min).toFixed(0)}× faster on the same points`,
]);

const nearest = benchNearest();
rows.push([
  `nearest station: ${BENCH_TARGET_COUNT.toLocaleString('en')} targets among ${BENCH_STATION_COUNT.toLocaleString('en')} stations`,
  ms(nearest.queryMs),
  ms(nearest.queryMedianMs),
  '≤ 50 ms',
]);
rows.push([
  `station grid build, ${BENCH_STATION_COUNT.toLocaleString('en')} stations`,
  ms(nearest.buildMs),
  ms(nearest.buildMedianMs),
  '',
]);
sampleMemory();
rows.push([
  'peak memory (process RSS, incl. Node itself)',
  `${(peakRss / 2 ** 20).toFixed(0)} MB`,
  '',
  '≤ 200 MB',
]);

// The layers as the engine worker serves them, on the seeded sample (326,000 stations, 17,964 villages).
const sampleLayers = seededSampleLayers(counties, areas);
const loaded = time(() => {
  const view = new LayerView(areas);
  view.setLayers(sampleLayers);
  view.view({ asOfYear: 2025, filter: NO_STATION_FILTER });
  return view;
});
rows.push([
  'layers loaded: station radii, modelled first years of 18,600 targets, first view',
  ms(loaded.min),
  ms(loaded.median),
  'once per loaded data set',
]);
// The engine's part of a redraw, first call and later calls, and where its time goes (redraw.ts).
rows.push(
  ...benchRedraw().map(([measure, first, min, median]) => [
    measure,
    min || first,
    median,
    min ? `first call ${first}; goal ≤ 50 ms` : 'once',
  ]),
);
rows.push(...benchTiles());
rows.push(...benchIngest());

console.log(
  `| measure | min | median | target / note |\n|---|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`,
);
console.log(`\nNode ${process.version}, ${RUNS} runs each, seeded data.`);
