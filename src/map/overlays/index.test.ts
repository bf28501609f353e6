import { expect, test } from 'vitest';
import { LAYER_NAMES, LAYERS } from '../../core/layers/registry';
import { OVERLAY_LAYER, OVERLAY_SOURCE, OVERLAYS } from './index';

test('every layer draws only from its own sources, one MapLibre source per GeoJSON the engine writes', () => {
  for (const name of LAYER_NAMES) {
    const { sources, layers } = OVERLAYS[name];
    expect(Object.keys(sources).sort(), name).toEqual(Object.keys(LAYERS[name].sources).sort());
    for (const layer of layers())
      expect(Object.values(sources), layer.id).toContain((layer as { source: string }).source);
  }
});

test('source and style-layer ids are unique, and the style layers are the ones named in OVERLAY_LAYER', () => {
  const sourceIds = Object.values(OVERLAY_SOURCE);
  expect(new Set(sourceIds).size).toBe(sourceIds.length);
  const layerIds = LAYER_NAMES.flatMap((name) => OVERLAYS[name].layers().map((layer) => layer.id));
  expect(new Set(layerIds).size).toBe(layerIds.length);
  expect([...layerIds].sort()).toEqual(Object.values(OVERLAY_LAYER).sort());
});
