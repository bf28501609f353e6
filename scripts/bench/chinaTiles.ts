// The engine worker's station tiles at China size, from the real LayerView: its first tile builds
// the Morton-ordered point index and the tile properties (src/core/tiles), every later one is one
// MVT written from the columns. Tiles are those of the bench views (chinaViews.ts).
//
// Rules relied on: a run asks for every tile of every view once; the row gives the min and median
// over runs of that run's 95th percentile per tile.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { AreaIndex } from '../../src/core/areas.ts';
import type { LayerView } from '../../src/worker/layerView.ts';
import { minAndMedian, ms, percentile, thousands } from './chinaMeasure.ts';
import { benchViews, tilesOfView } from './chinaViews.ts';

export const STATION_TILE_SOURCE = 'stations';

export function benchWorkerTiles(areas: AreaIndex, view: LayerView, label: string, runs: number): string[] {
  const tiles = benchViews(areas).flatMap((v) => tilesOfView(v).map((tile) => ({ name: v.name, ...tile })));
  const p95s: number[] = [];
  let worst = { milliseconds: 0, tile: '' };
  let largest: { bytes: Uint8Array; tile: string } = { bytes: new Uint8Array(0), tile: '' };
  for (let run = 0; run < runs; run++) {
    const times = tiles.map(({ name, z, x, y }) => {
      const started = performance.now();
      const bytes = view.tile(STATION_TILE_SOURCE, z, x, y);
      const milliseconds = performance.now() - started;
      if (milliseconds > worst.milliseconds) worst = { milliseconds, tile: `${name} ${z}/${x}/${y}` };
      if (bytes.length > largest.bytes.length) largest = { bytes, tile: `${name} ${z}/${x}/${y}` };
      return milliseconds;
    });
    p95s.push(percentile(times, 0.95));
  }
  const points = new VectorTile(new PbfReader(largest.bytes)).layers[STATION_TILE_SOURCE]?.length ?? 0;
  const { min, median } = minAndMedian(p95s);
  return [
    `worker tiles (LayerView.tile): p95 per station tile, ${tiles.length} tiles of 1280×720 views at zoom 9–12 (Guiyang, 望谟), ${label}`,
    ms(min),
    ms(median),
    `${runs} runs; slowest tile ${ms(worst.milliseconds)} (${worst.tile}); largest ${(largest.bytes.length / 2 ** 20).toFixed(1)} MB, ${thousands(points)} points (${largest.tile})`,
  ];
}

/** The first tile of the views: on a fresh view it builds the tile index and properties. */
export function firstTileOfViews(areas: AreaIndex): { z: number; x: number; y: number } {
  return tilesOfView(benchViews(areas)[0])[0];
}
