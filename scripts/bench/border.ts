// The county index's border worst case, alone: `npx tsx scripts/bench/border.ts`. The same seeded
// points as `npm run bench` (seed = count; `borderShare` of them within ~50 m of a county border,
// the rest uniform over Guizhou's bounding box), min and median of 5 runs.
import { fileURLToPath } from 'node:url';
import { blockLength } from '../../src/core/assign/borderBlock.ts';
import { assignCounties, buildCountyIndex, type CountyIndex } from '../../src/core/assign/countyIndex.ts';
import { areaTable } from '../../src/core/summary/areaTable.ts';
import { summarize } from '../../src/core/summary/summarize.ts';
import { benchGeodata, seededPoints, timed, ms, rate } from './common.ts';

const RUNS = 5;
const POINT_COUNT = 1_000_000;

const { counties, areas } = benchGeodata();
const geometries = counties.features.map((f) => f.geometry);
const time = <T>(run: () => T) => timed(RUNS, run);

/** The points of a set that fall in border cells, and the edges their cells hold (per point, mean). */
function borderPointsOf(index: CountyIndex, points: { lon: Float64Array; lat: Float64Array }) {
  const cellsPerDegree = 1 / index.cellDegrees;
  const kept: number[] = [];
  let edges = 0;
  points.lon.forEach((x, i) => {
    const column = Math.floor((x - index.west) * cellsPerDegree),
      row = Math.floor((points.lat[i] - index.south) * cellsPerDegree);
    if (!(column >= 0 && column < index.columns && row >= 0 && row < index.rows)) return;
    const code = index.cellCode[row * index.columns + column];
    if (code >= -1) return;
    kept.push(i);
    edges += index.borderBlocks[-2 - code + 2];
  });
  return {
    lon: Float64Array.from(kept, (i) => points.lon[i]),
    lat: Float64Array.from(kept, (i) => points.lat[i]),
    edgesPerPoint: edges / kept.length,
  };
}

export function benchBorder(): string[][] {
  const rows: string[][] = [];
  const build = time(() => buildCountyIndex(geometries));
  const index = build.result;
  let borderCells = 0,
    storedEdges = 0;
  for (let o = 0; o < index.borderBlocks.length; o += blockLength(index.borderBlocks, o), borderCells++)
    storedEdges += index.borderBlocks[o + 2];
  const indexBytes = index.cellCode.byteLength + index.borderBlocks.byteLength + index.edgeCounty.byteLength;
  rows.push([
    `county index build (${index.columns}×${index.rows} cells, ${borderCells.toLocaleString('en')} border cells holding ${storedEdges.toLocaleString('en')} edges; ${(indexBytes / 2 ** 20).toFixed(1)} MB)`,
    ms(build.min),
    ms(build.median),
    '≤ 300 ms',
  ]);

  const table = areaTable(areas, 'county');
  const county = new Int16Array(POINT_COUNT);
  for (const [borderShare, label] of [
    [0, 'uniform'],
    [0.5, 'half near borders'],
  ] as const) {
    const points = seededPoints(counties, POINT_COUNT, POINT_COUNT, borderShare);
    const assign = time(() => assignCounties(index, points.lon, points.lat, county));
    rows.push([
      `assign only, 1,000,000 points, ${label}`,
      `${ms(assign.min)} (${rate(POINT_COUNT, assign.min)})`,
      ms(assign.median),
      '',
    ]);
    const summarised = time(() => {
      assignCounties(index, points.lon, points.lat, county);
      return summarize(table, { county });
    });
    rows.push([
      `assign + county summary (as npm run bench measures it), ${label}`,
      `${ms(summarised.min)} (${rate(POINT_COUNT, summarised.min)})`,
      ms(summarised.median),
      '≥ 10 M/s (≤ 100 ms)',
    ]);
    if (borderShare === 0) continue;
    const inBorderCells = borderPointsOf(index, points);
    const count = inBorderCells.lon.length;
    const border = time(() =>
      assignCounties(index, inBorderCells.lon, inBorderCells.lat, county.subarray(0, count)),
    );
    rows.push([
      `assign only, the ${count.toLocaleString('en')} of them in border cells (${inBorderCells.edgesPerPoint.toFixed(2)} edges tested per point)`,
      `${ms(border.min)} (${((border.min * 1e6) / count).toFixed(0)} ns per point)`,
      `${ms(border.median)} (${((border.median * 1e6) / count).toFixed(0)} ns per point)`,
      '',
    ]);
  }
  rows.push([
    'peak memory (process RSS, incl. Node itself)',
    `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    '',
    '≤ 200 MB',
  ]);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = benchBorder();
  console.log(
    `| measure | min | median | target / note |\n|---|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`,
  );
  console.log(`\nNode ${process.version}, ${RUNS} runs each, seeded data.`);
}
