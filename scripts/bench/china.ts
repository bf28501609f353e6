// The China-sized run in the browser worker's code path, in Node (the same core the engine worker
// runs): a seeded synthetic set of 130,000 … 4,500,000 5G stations and villages in proportion on
// Guizhou's map (chinaSized.ts), assigned to counties and summarised per county, then loaded into
// the engine's real LayerView: station radii, modelled coverage, figures, low-zoom cells, and the
// station tiles (src/core/tiles) of the bench views (chinaViews.ts), each part timed on its own.
//
//   npx tsx scripts/bench/china.ts [sizes…]     (a markdown table; peak RSS ~1.3 GB at 4.5 M)
//
// Rules relied on: rows give the min and median of 5 runs (3 from 1.5 M stations); the steps done
// once per data set (radii, modelled years, first tile) 3 runs (2 at 4.5 M), as each row says.
// The machine is shared, so the load average is printed beside the figures.
import { pathToFileURL } from 'node:url';
import { assignCounties } from '../../src/core/assign/countyIndex.ts';
import { NO_STATION_FILTER } from '../../src/core/layers/stationFilter.ts';
import { areaTable } from '../../src/core/summary/areaTable.ts';
import { summarize } from '../../src/core/summary/summarize.ts';
import { buildPointTileIndex } from '../../src/core/tiles/pointTileIndex.ts';
import { LayerView } from '../../src/worker/layerView.ts';
import {
  CHINA_SIZES,
  chinaSizedLayers,
  loadChinaTemplate,
  villagesFor,
  type ChinaTemplate,
} from './chinaSized.ts';
import {
  machineLoad,
  markdownTable,
  minAndMedian,
  ms,
  peakRssMb,
  perSecond,
  thousands,
  timeRuns,
} from './chinaMeasure.ts';
import { benchWorkerTiles, firstTileOfViews, STATION_TILE_SOURCE } from './chinaTiles.ts';

const runsFor = (size: number) => (size >= 1_500_000 ? 3 : 5);
/** The size the goal is set at: 4.5 M stations assigned and summarised in < 1 s. */
const GOAL_STATIONS = 4_500_000;

export async function benchChina(sizes: readonly number[] = CHINA_SIZES): Promise<string[][]> {
  const rows: string[][] = [];
  let started = performance.now();
  const template = loadChinaTemplate();
  rows.push([
    'template: the seeded sample (130,000 5G stations, 17,964 villages) and the county index',
    ms(performance.now() - started),
    '',
    `1 run, not part of the run; ${machineLoad()}`,
  ]);
  const table = areaTable(template.areas, 'county');
  for (const size of sizes) {
    const runs = runsFor(size);
    const label = `${thousands(size)} stations`;
    started = performance.now();
    const layers = chinaSizedLayers(template, size);
    const stations = layers.stations!;
    rows.push([
      `generate ${label} + ${thousands(villagesFor(size))} villages (seeded, inside their counties)`,
      ms(performance.now() - started),
      '',
      `1 run; ${machineLoad()}`,
    ]);

    const county = new Int16Array(size);
    const assign = timeRuns(runs, () =>
      assignCounties(template.countyIndex, stations.lon, stations.lat, county),
    );
    const misplaced = county.reduce((n, c, i) => n + (c === stations.county[i] ? 0 : 1), 0);
    rows.push([
      `assign to counties, ${label}`,
      `${ms(assign.min)} (${perSecond(size, assign.min)})`,
      ms(assign.median),
      `${runs} runs; ${misplaced} assigned to another county than drawn for`,
    ]);
    const assignSummary = timeRuns(runs, () => {
      assignCounties(template.countyIndex, stations.lon, stations.lat, county);
      return summarize(table, { county });
    });
    rows.push([
      `assign + county summary (summarize, as npm run bench), ${label}`,
      ms(assignSummary.min),
      ms(assignSummary.median),
      `${runs} runs${size === GOAL_STATIONS ? '; < 1 s' : ''}`,
    ]);
    rows.push(...benchLayerView(template, layers, size, runs));
  }
  rows.push(['peak memory (process RSS, incl. Node itself)', `${peakRssMb()} MB`, '', machineLoad()]);
  return rows;
}

/** The engine's LayerView over the China-sized layers: load, first view, then view changes. */
function benchLayerView(
  template: ChinaTemplate,
  layers: ReturnType<typeof chinaSizedLayers>,
  size: number,
  runs: number,
): string[][] {
  const label = `${thousands(size)} stations`;
  const loadRuns = size >= 4_500_000 ? 2 : 3;
  const radii: number[] = [],
    modelled: number[] = [],
    firstFigures: number[] = [],
    firstSources: number[] = [],
    firstTile: number[] = [];
  const { z, x, y } = firstTileOfViews(template.areas);
  let view!: LayerView;
  for (let run = 0; run < loadRuns; run++) {
    view = new LayerView(template.areas);
    const started = performance.now();
    view.setLayers(layers);
    radii.push(performance.now() - started);
    const { timings } = view.view({ asOfYear: 2025, filter: NO_STATION_FILTER });
    modelled.push(timings.modelledMs);
    firstFigures.push(timings.figuresMs);
    firstSources.push(timings.totalMs - timings.modelledMs - timings.figuresMs);
    const tileStarted = performance.now();
    view.tile(STATION_TILE_SOURCE, z, x, y);
    firstTile.push(performance.now() - tileStarted);
  }
  const row = (measure: string, times: number[], note: string) => {
    const { min, median } = minAndMedian(times);
    return [measure, ms(min), ms(median), note];
  };
  const stations = layers.stations!;
  const tileIndex = timeRuns(loadRuns, () => buildPointTileIndex(stations.lon, stations.lat));
  const assignFigures = timeRuns(runs, () => {
    assignCounties(
      template.countyIndex,
      stations.lon,
      stations.lat,
      stations.county as Int16Array<ArrayBuffer>,
    );
    return view.figures({ asOfYear: 2025, filter: NO_STATION_FILTER });
  });
  const withoutMobile = { ...NO_STATION_FILTER, operators: ['中国电信', '中国联通', '中国广电'] };
  let flip = false;
  const filterTimings: ViewTimings[] = [];
  const filterChange = timeRuns(runs, () =>
    filterTimings.push(
      view.view({ asOfYear: 2025, filter: (flip = !flip) ? withoutMobile : NO_STATION_FILTER }).timings,
    ),
  );
  let year = 2020;
  const yearTimings: ViewTimings[] = [];
  const yearChange = timeRuns(runs, () =>
    yearTimings.push(
      view.view({ asOfYear: (year = year === 2025 ? 2020 : year + 1), filter: NO_STATION_FILTER }).timings,
    ),
  );
  const villages = thousands(villagesFor(size));
  return [
    row(
      `LayerView.setLayers: station radii (setting by distance to seats), ${label}`,
      radii,
      `${loadRuns} runs; once per data set`,
    ),
    row(
      `first view: modelled first-covered years of ${villages} villages + places, ${label}`,
      modelled,
      `${loadRuns} runs; once per data set`,
    ),
    row(`first view: figures (every layer, every area), ${label}`, firstFigures, `${loadRuns} runs`),
    row(
      `first view: map sources (cells and places GeoJSON, tile versions), ${label}`,
      firstSources,
      `${loadRuns} runs`,
    ),
    row(
      `first station tile: tile index (Morton sort) + tile properties + one tile, ${label}`,
      firstTile,
      `${loadRuns} runs; once per data set`,
    ),
    [
      `point tile index alone (buildPointTileIndex over the stations), ${label}`,
      ms(tileIndex.min),
      ms(tileIndex.median),
      `${loadRuns} runs`,
    ],
    benchWorkerTiles(template.areas, view, label, runs),
    [
      `assign + the worker's county figures (computeAreaFigures), ${label}`,
      ms(assignFigures.min),
      ms(assignFigures.median),
      `${runs} runs${size === GOAL_STATIONS ? '; < 1 s' : ''}`,
    ],
    [
      `view after a station-filter change, ${label}`,
      ms(filterChange.min),
      ms(filterChange.median),
      `${runs} runs; ${split(filterTimings)}; ≤ 50 ms goal`,
    ],
    [
      `view after a year change, ${label}`,
      ms(yearChange.min),
      ms(yearChange.median),
      `${runs} runs, mostly to a year not yet shown (its nearest-5G grid is built); ${split(yearTimings)}; ≤ 50 ms goal`,
    ],
  ];
}

type ViewTimings = ReturnType<LayerView['view']>['timings'];

/** Where a view's time goes, medians over the runs: the figures, and the map sources after them. */
function split(timings: ViewTimings[]): string {
  const figures = minAndMedian(timings.map((t) => t.figuresMs)).median;
  const sources = minAndMedian(timings.map((t) => t.totalMs - t.figuresMs - t.modelledMs)).median;
  return `median figures ${ms(figures)}, map sources ${ms(sources)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = process.argv.slice(2).map(Number);
  const rows = await benchChina(sizes.length ? sizes : CHINA_SIZES);
  console.log(markdownTable(rows));
  console.log(`\nNode ${process.version}, seeded data; ${machineLoad()} at the end.`);
}
