// The engine worker's part of a redraw (LayerView.view) on the seeded sample (326,000 stations,
// 17,964 villages): after the first view, a station-filter change and a year change, each timed
// on its first call (cold, as a user's first change in a fresh worker) and then as min and median
// of later calls; and each part of a view alone (the station mask, the figures, every GeoJSON
// source, the tile versions), so the table says where the time goes.
// Runnable alone: `npx tsx scripts/bench/redraw.ts`.
import { pathToFileURL } from 'node:url';
import type { AreaIndex } from '../../src/core/areas.ts';
import type { SourceInputs } from '../../src/core/layers/definition.ts';
import { computeAreaFigures } from '../../src/core/layers/figures.ts';
import { LAYER_NAMES, LAYERS, type LayerSet, type ModelledKey } from '../../src/core/layers/registry.ts';
import {
  NO_STATION_FILTER,
  stationFilterMask,
  type StationFilter,
} from '../../src/core/layers/stationFilter.ts';
import { LayerView } from '../../src/worker/layerView.ts';
import { benchGeodata, sampleLayers, timed, ms } from './common.ts';

const RUNS = 7;
const WITHOUT_MOBILE: StationFilter = {
  ...NO_STATION_FILTER,
  operators: ['中国电信', '中国联通', '中国广电'],
};
const ONLY_N41: StationFilter = { ...NO_STATION_FILTER, bands: ['n41'] };

interface FirstAndLater {
  first: number;
  /** The process's CPU time in the first call: steadier than the clock on a busy machine, but it
   * counts V8's compiler and GC threads too. */
  firstCpu: number;
  min: number;
  median: number;
}

/** First call, then min and median of `RUNS` later calls. */
function firstAndLater(run: (i: number) => unknown): FirstAndLater {
  const cpu = process.cpuUsage(),
    started = performance.now();
  run(0);
  const first = performance.now() - started,
    { user, system } = process.cpuUsage(cpu);
  let i = 1;
  const later = timed(RUNS, () => run(i++));
  return { first, firstCpu: (user + system) / 1000, min: later.min, median: later.median };
}

const row = (label: string, t: FirstAndLater) => [
  label,
  `${ms(t.first)} (CPU ${ms(t.firstCpu)})`,
  ms(t.min),
  ms(t.median),
];

/** The view's parts, each alone, for a filter of the stations as of a year. */
function partRows(areas: AreaIndex, layers: LayerSet, view: LayerView): string[][] {
  const { stations } = layers;
  const { modelled } = view.snapshot();
  const filters = [WITHOUT_MOBILE, NO_STATION_FILTER];
  const rows: string[][] = [];
  rows.push(
    row(
      '  station filter mask',
      firstAndLater((i) => stationFilterMask(stations!, filters[i % 2], 2025)),
    ),
  );
  const mask = stationFilterMask(stations!, NO_STATION_FILTER, 2025);
  // As the view counts them: the stations by their filter (stations.ts), without masks.
  rows.push(
    row(
      '  figures (computeAreaFigures)',
      firstAndLater((i) =>
        computeAreaFigures(areas, {
          layers,
          modelled,
          asOfYear: 2025 - (i % 6),
          stationFilter: filters[i % 2],
        }),
      ),
    ),
  );
  for (const name of LAYER_NAMES) {
    const columns = layers[name];
    if (!columns) continue;
    for (const [source, definition] of Object.entries(LAYERS[name].sources)) {
      if (definition.format !== 'geojson') continue;
      const inputs = (i: number): SourceInputs<ModelledKey> => ({
        asOfYear: 2025 - (i % 6),
        modelled,
        stationMask: mask,
        stationRadiiMeters: undefined,
        // The nearest-station distances are the view's to make; here a stand-in of no cost.
        nearest5gMeters: (lon) => new Float64Array(lon.length).fill(1000),
      });
      rows.push(
        row(
          `  GeoJSON ${source} (${definition.refresh})`,
          firstAndLater((i) => definition.write(columns, inputs(i))),
        ),
      );
    }
  }
  return rows;
}

export function benchRedraw(): string[][] {
  const { counties, areas } = benchGeodata();
  const layers = sampleLayers(counties, areas);
  const view = new LayerView(areas);
  const rows: string[][] = [];
  let started = performance.now();
  view.setLayers(layers);
  view.view({ asOfYear: 2025, filter: NO_STATION_FILTER });
  rows.push(['layers loaded and first view', ms(performance.now() - started), '', '']);

  const filters = [WITHOUT_MOBILE, ONLY_N41, NO_STATION_FILTER];
  rows.push(
    row(
      'view after a station-filter change',
      firstAndLater((i) => view.view({ asOfYear: 2025, filter: filters[i % filters.length] })),
    ),
  );
  // Years stepped as on the slider: each a year not seen before, then back over them.
  const years = [2024, 2023, 2022, 2021, 2020, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
  rows.push(
    row(
      'view after a year change',
      firstAndLater((i) => view.view({ asOfYear: years[i % years.length], filter: NO_STATION_FILTER })),
    ),
  );
  started = performance.now();
  const result = view.view({ asOfYear: 2022, filter: WITHOUT_MOBILE });
  rows.push([
    `  one view's own timings: modelled ${ms(result.timings.modelledMs)}, figures ${ms(result.timings.figuresMs)}`,
    ms(performance.now() - started),
    '',
    '',
  ]);
  rows.push(...partRows(areas, layers, view));
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(
    `| measure | first call | min | median |\n|---|---|---|---|\n${benchRedraw()
      .map((r) => `| ${r.join(' | ')} |`)
      .join('\n')}`,
  );
  console.log(`\nNode ${process.version}, first call then ${RUNS} runs each, seeded data.`);
}
