// Benchmark of the station grid at the plan's 2025 scale: 130,000 5G stations (seeded, uniform
// over Guizhou's bounding box) and 18,000 targets (about the province's village-level units).
// Timings are the minimum and median of five runs; the minimum is the figure to compare.
import { mulberry32, randomPoints } from './random';
import { buildPointGrid, nearest, type NearestResult, type PointGrid } from './stationGrid';

export const BENCH_STATION_COUNT = 130_000;
export const BENCH_TARGET_COUNT = 18_000;
const RUNS = 5;

export interface NearestBench {
  buildMs: number;
  queryMs: number;
  buildMedianMs: number;
  queryMedianMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

export function benchNearest(): NearestBench {
  const stations = randomPoints(mulberry32(20_250_001), BENCH_STATION_COUNT);
  const targets = randomPoints(mulberry32(20_250_002), BENCH_TARGET_COUNT);
  const found: NearestResult = { index: -1, meters: Infinity };
  const buildTimes: number[] = [],
    queryTimes: number[] = [];
  let checksum = 0;
  for (let run = 0; run < RUNS; run++) {
    const buildStart = performance.now();
    const grid: PointGrid = buildPointGrid(stations.lon, stations.lat);
    const queryStart = performance.now();
    for (let t = 0; t < BENCH_TARGET_COUNT; t++)
      checksum += nearest(grid, targets.lon[t], targets.lat[t], Infinity, found).meters;
    const end = performance.now();
    buildTimes.push(queryStart - buildStart);
    queryTimes.push(end - queryStart);
  }
  // Using the results keeps the engine from discarding the queries as dead code.
  if (!Number.isFinite(checksum)) throw new Error('nearest returned a non-finite distance');
  return {
    buildMs: Math.min(...buildTimes),
    queryMs: Math.min(...queryTimes),
    buildMedianMs: median(buildTimes),
    queryMedianMs: median(queryTimes),
  };
}
