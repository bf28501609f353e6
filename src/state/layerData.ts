// Keeps the map's layer data and the store's area figures in step with the engine worker: after
// the loaded data change (sample loaded or cleared), the station filter or the year. Calls are
// coalesced: while one refresh runs, further requests fold into one more.
//
// Single stations and villages are never sent: the map asks the engine for their tiles as it draws
// them (src/map/tileProtocol.ts); a refresh only gives their tiles a new version when their data change.
import { create } from 'zustand';
import type { AreaFigures } from '../core/metrics';
import { FIGURES, type FigureTable } from '../core/layers/figures';
import { OVERLAY_SOURCE_NAMES } from '../core/layers/registry';
import { mapData } from './mapData';
import { getEngine } from './engine';
import { useLayers } from './layers';
import { useAtlas } from './store';

let running: Promise<void> | null = null;
let queued = false;

/** Whether a layer refresh is running or queued, for the map's "preparing layers" status. */
export const useLayerLoading = create<{ refreshing: boolean }>()(() => ({ refreshing: false }));

export function refreshLayers(): Promise<void> {
  if (running) {
    queued = true;
    return running;
  }
  useLayerLoading.setState({ refreshing: true });
  running = (async () => {
    do {
      queued = false;
      await refreshOnce();
    } while (queued);
  })().finally(() => {
    running = null;
    useLayerLoading.setState({ refreshing: false });
  });
  return running;
}

async function refreshOnce(): Promise<void> {
  const engine = getEngine();
  const started = performance.now();
  const info = await engine.layerInfo();
  useAtlas.getState().setLayerInfo(info);
  const map = mapData();
  const { asOfYear } = useAtlas.getState();
  const result = await engine.view({ asOfYear, filter: useLayers.getState().filter });
  // The view holds only the sources to redraw.
  for (const name of OVERLAY_SOURCE_NAMES) {
    const geojson = result.geojson[name];
    if (geojson !== undefined) map?.setLayerGeojson(name, geojson);
    const version = result.tiles[name];
    if (version !== undefined) map?.setLayerTiles(name, version);
  }
  useAtlas.getState().setFigures(figureMap(result.figures));
  // The frame that first shows the new figures: the end of a year or filter step, for the browser test.
  requestAnimationFrame(() => performance.mark('figures-painted'));
  performance.measure('layers-refresh', { start: started, detail: result.timings });
}

/** A figure table (columns per figure) as one small record per area, for the store. */
export function figureMap(table: FigureTable): Map<string, AreaFigures> {
  const figures = new Map<string, AreaFigures>();
  table.adcodes.forEach((adcode, row) => {
    figures.set(
      adcode,
      Object.fromEntries(FIGURES.map((name) => [name, table.figures[name][row]])) as AreaFigures,
    );
  });
  return figures;
}

/** Resolves once no layer refresh is running or queued: the figures and the map data are current. */
export async function layersSettled(): Promise<void> {
  while (running) await running;
}

/** Refreshes whenever the year or the station filter changes. Call once, after the engine is ready. */
export function followLayerInputs(): void {
  useAtlas.subscribe((state, previous) => {
    if (state.asOfYear !== previous.asOfYear) void refreshLayers();
  });
  useLayers.subscribe((state, previous) => {
    if (state.filter !== previous.filter) void refreshLayers();
  });
}
