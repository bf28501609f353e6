import { expect, test } from 'vitest';
import type { CircleLayerSpecification, StyleSpecification } from 'maplibre-gl';
import { baseStyle } from './layers';
import { OVERLAY_LAYER, OVERLAY_SOURCE } from './overlays';
import { exportStyle } from './exportStyle';
import { NO_TILES } from './tileProtocol';

/** The app's style as the live map has it with the sample loaded: GeoJSON from blob URLs, point tiles at a version. */
function liveStyle(): StyleSpecification {
  const style = baseStyle();
  for (const id of Object.values(OVERLAY_SOURCE))
    if (style.sources[id].type === 'vector')
      style.sources[id] = { ...style.sources[id], tiles: [`atlas-tiles://${id}/3/{z}/{x}/{y}`] };
    else style.sources[id] = { type: 'geojson', data: `blob:http://127.0.0.1/${id}` };
  style.sources.counties = {
    type: 'geojson',
    data: 'http://127.0.0.1/counties.geojson',
    promoteId: 'adcode',
  };
  return style;
}
const layer = (style: StyleSpecification, id: string) =>
  style.layers.find((l) => l.id === id) as CircleLayerSpecification;
const data = (style: StyleSpecification, id: string) => (style.sources[id] as { data: unknown }).data;
const tiles = (style: StyleSpecification, id: string) => (style.sources[id] as { tiles: string[] }).tiles;

test('by default single stations and their discs are hidden and their data left out, and the cells draw at every zoom', () => {
  const live = liveStyle();
  layer(live, OVERLAY_LAYER.discs).layout = { visibility: 'visible' };
  const style = exportStyle(live, { exactStations: false });
  expect(layer(style, OVERLAY_LAYER.stations).layout?.visibility).toBe('none');
  expect(layer(style, OVERLAY_LAYER.discs).layout?.visibility).toBe('none');
  expect(tiles(style, OVERLAY_SOURCE.stations)).toEqual([NO_TILES]);
  expect(layer(style, OVERLAY_LAYER.cells).maxzoom).toBeUndefined();
  expect(data(style, OVERLAY_SOURCE.stationCells)).toBe('blob:http://127.0.0.1/station-cells');
});

test('with exact positions chosen the stations layers keep the live visibility and data', () => {
  const style = exportStyle(liveStyle(), { exactStations: true });
  expect(layer(style, OVERLAY_LAYER.stations).layout?.visibility).toBeUndefined();
  expect(tiles(style, OVERLAY_SOURCE.stations)).toEqual(['atlas-tiles://stations/3/{z}/{x}/{y}']);
  expect(layer(style, OVERLAY_LAYER.cells).maxzoom).toBe(9);
});

test('sources only hidden layers draw are emptied; drawn ones keep their URLs and options', () => {
  const live = liveStyle();
  layer(live, OVERLAY_LAYER.relocation).layout = { visibility: 'none' };
  const style = exportStyle(live, { exactStations: false });
  expect(data(style, OVERLAY_SOURCE.relocationSites)).toEqual({ type: 'FeatureCollection', features: [] });
  expect(style.sources.counties).toEqual({
    type: 'geojson',
    data: 'http://127.0.0.1/counties.geojson',
    promoteId: 'adcode',
  });
});

test('the live style is left untouched', () => {
  const live = liveStyle();
  const before = JSON.stringify(live);
  exportStyle(live, { exactStations: false });
  expect(JSON.stringify(live)).toBe(before);
});
