// State runs without the map or the worker: the engine and the map come in through ports (a fake
// engine and a fake map here), as start-up provides the real ones.
import { beforeEach, expect, test, vi } from 'vitest';
import type { EngineClient } from '../worker/client';
import type { ViewRequest, ViewResult } from '../worker/layerView';
import type { OverlaySourceName } from '../core/layers/types';
import { provideEngine } from './engine';
import { connectMapData } from './mapData';
import { layersSettled, refreshLayers } from './layerData';
import { useAtlas } from './store';

vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));

const figureTable = (adcodes: string[]) =>
  ({ adcodes, figures: new Proxy({}, { get: () => adcodes.map((_, i) => i + 1) }) }) as ViewResult['figures'];

function fakes(views: Array<Partial<ViewResult>>) {
  const requests: ViewRequest[] = [];
  const drawn: Array<[OverlaySourceName, string | number]> = [];
  let call = 0;
  const engine = {
    layerInfo: async () => ({ sources: {}, operators: [], bands: [], stationsVersion: 1 }),
    view: async (request: ViewRequest) => {
      requests.push(request);
      return {
        figures: figureTable(['520122']),
        geojson: {},
        tiles: {},
        timings: {},
        ...views[Math.min(call++, views.length - 1)],
      };
    },
  } as unknown as EngineClient;
  provideEngine(() => engine);
  connectMapData({
    setLayerGeojson: (name, geojson) =>
      drawn.push([name, typeof geojson === 'string' ? geojson : new TextDecoder().decode(geojson)]),
    setLayerTiles: (name, version) => drawn.push([name, version]),
  });
  return { requests, drawn };
}

beforeEach(() => useAtlas.setState({ asOfYear: 2025, figures: new Map() }));

test('a refresh sends each source the engine redrew to the map and the figures to the store', async () => {
  const { requests, drawn } = fakes([{ geojson: { scenicAreas: 'S' }, tiles: { villages: 7 } }]);
  useAtlas.setState({ asOfYear: 2023 });
  await refreshLayers();
  expect(requests.map((r) => r.asOfYear)).toEqual([2023]);
  // GeoJSON sources get their text, tile sources their tiles' new version.
  expect(drawn).toEqual([
    ['villages', 7],
    ['scenicAreas', 'S'],
  ]);
  expect(useAtlas.getState().figures.get('520122')).toBeDefined();
});

test('refreshes asked for while one runs fold into one more, and layersSettled waits for it', async () => {
  const { requests } = fakes([{}]);
  void refreshLayers();
  useAtlas.setState({ asOfYear: 2021 });
  void refreshLayers();
  void refreshLayers();
  await layersSettled();
  // Three asks, two runs: the one running and one more, which reads the year as it is by then.
  expect(requests).toHaveLength(2);
  expect(requests.at(-1)?.asOfYear).toBe(2021);
});
