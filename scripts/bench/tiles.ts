// Point tiles as the engine worker makes them for the map: the tile index over the sample's
// 326,000 stations (5G and 4G) and 17,964 villages, and every tile of a few views a user opens
// (Guiyang's centre and a rural county, zoom 9–12), timed one by one: the p95 per tile of each of
// 5 runs, min and median.
// Runnable alone: `npx tsx scripts/bench/tiles.ts`.
import { NO_STATION_FILTER } from '../../src/core/layers/stationFilter.ts';
import { mercatorX, mercatorY } from '../../src/core/tiles/pointTileIndex.ts';
import { LayerView } from '../../src/worker/layerView.ts';
import { benchGeodata, sampleLayers } from './common.ts';

/** The tiles a 1280 × 720 view at `zoom` centred on lon/lat asks for (512-px tiles). */
export function viewTiles(lon: number, lat: number, zoom: number): Array<[number, number, number]> {
  const z = Math.floor(zoom);
  const scale = 2 ** z;
  const tilesAcross = (1280 / 512) * 2 ** (zoom - z);
  const tilesDown = (720 / 512) * 2 ** (zoom - z);
  const cx = mercatorX(lon) * scale;
  const cy = mercatorY(lat) * scale;
  const tiles: Array<[number, number, number]> = [];
  for (let x = Math.floor(cx - tilesAcross / 2); x <= Math.floor(cx + tilesAcross / 2); x++)
    for (let y = Math.floor(cy - tilesDown / 2); y <= Math.floor(cy + tilesDown / 2); y++)
      tiles.push([z, x, y]);
  return tiles;
}

/** Views a user opens: Guiyang's centre (dense) and 从江县 (rural), zoom 9 to 12. */
export const BENCH_VIEWS = [9, 10, 11, 12].flatMap((zoom) => [
  viewTiles(106.63, 26.65, zoom),
  viewTiles(108.905, 25.747, zoom),
]);

export function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { min: sorted[0], median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

export function benchTiles(): string[][] {
  const { counties, areas } = benchGeodata();
  const layers = sampleLayers(counties, areas);
  const rows: string[][] = [];
  const firstTile: number[] = [];
  for (let run = 0; run < 5; run++) {
    const view = new LayerView(areas);
    view.setLayers(layers);
    view.view({ asOfYear: 2025, filter: NO_STATION_FILTER });
    const started = performance.now();
    view.tile('stations', ...BENCH_VIEWS[2][0]);
    firstTile.push(performance.now() - started);
  }
  const first = percentiles(firstTile);
  rows.push([
    `first station tile after loading: index of ${layers.stations!.lon.length.toLocaleString('en')} stations + tile`,
    `${first.min.toFixed(1)} ms`,
    `${first.median.toFixed(1)} ms`,
    'once per loaded station set',
  ]);
  const view = new LayerView(areas);
  view.setLayers(layers);
  view.view({ asOfYear: 2025, filter: NO_STATION_FILTER });
  for (const source of ['stations', 'villages'] as const) {
    view.tile(source, 0, 0, 0);
    const p95s: number[] = [];
    const all: number[] = [];
    let bytes = 0;
    for (let run = 0; run < 5; run++) {
      const times: number[] = [];
      for (const tiles of BENCH_VIEWS)
        for (const [z, x, y] of tiles) {
          const started = performance.now();
          bytes = Math.max(bytes, view.tile(source, z, x, y).byteLength);
          times.push(performance.now() - started);
        }
      p95s.push(percentiles(times).p95);
      all.push(...times);
    }
    const p95 = percentiles(p95s);
    const each = percentiles(all);
    rows.push([
      `${source} tile p95, zoom 9–12 views of Guiyang and 从江县 (${all.length / 5} tiles, largest ${(bytes / 1024).toFixed(0)} kB)`,
      `${p95.min.toFixed(1)} ms`,
      `${p95.median.toFixed(1)} ms`,
      `median tile ${each.median.toFixed(2)} ms, slowest ${each.max.toFixed(1)} ms`,
    ]);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = benchTiles();
  console.log(
    `| measure | min | median | note |\n|---|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`,
  );
}
