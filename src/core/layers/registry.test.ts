import { expect, test } from 'vitest';
import { FIGURES, LAYER_NAMES, LAYERS, METRIC_IDS, OVERLAY_SOURCE_NAMES } from './registry';

const everyLayer = <T>(each: (name: (typeof LAYER_NAMES)[number]) => T[]) => LAYER_NAMES.flatMap(each);
const unique = (values: readonly string[]) => new Set(values).size === values.length;

test('figures, metric ids, modelled columns and GeoJSON sources are unique across the layers', () => {
  expect(unique(FIGURES)).toBe(true);
  expect(unique(METRIC_IDS)).toBe(true);
  expect(unique(everyLayer((name) => Object.keys(LAYERS[name].modelled)))).toBe(true);
  expect(unique(OVERLAY_SOURCE_NAMES)).toBe(true);
});

test('an import layer feeds at most one map layer', () => {
  expect(unique(everyLayer((name) => [...LAYERS[name].datasetLayers]))).toBe(true);
});

test("a share is of two figures of the metric's own layer", () => {
  for (const name of LAYER_NAMES)
    for (const [id, metric] of Object.entries(LAYERS[name].metrics))
      if ('share' in metric) {
        expect(LAYERS[name].figures, id).toContain(metric.share.part);
        expect(LAYERS[name].figures, id).toContain(metric.share.whole);
      }
});

test("settings keys are unique across the layers, and the switches and choices name the layer's own settings", () => {
  expect(unique(everyLayer((name) => Object.keys(LAYERS[name].settings.defaults)))).toBe(true);
  for (const name of LAYER_NAMES) {
    const { defaults, visible, link } = LAYERS[name].settings;
    const keys = Object.keys(defaults);
    expect(keys, name).toContain(visible);
    for (const setting of Object.values(link.switches))
      expect(typeof defaults[setting], setting).toBe('boolean');
    for (const { setting, values } of Object.values(link.choices))
      expect(values, setting).toContain(defaults[setting]);
  }
});

test('share-link letters and keys are unique, and none is one the view itself writes', () => {
  const letters = [...everyLayer((name) => Object.keys(LAYERS[name].settings.link.switches)), 'c'];
  expect(unique(letters)).toBe(true);
  expect(letters.every((letter) => letter.length === 1)).toBe(true);
  const sources = everyLayer((name) => [LAYERS[name].settings.link.source]);
  const keys = [
    ...sources,
    ...sources.map((key) => `${key}n`),
    ...everyLayer((name) => Object.keys(LAYERS[name].settings.link.choices)),
    ...['v', 'c', 'z', 'sel', 'y', 'l', 'm', 'lv', 'cm', 'k', 'br', 'on', 'cf'],
  ];
  expect(unique(keys)).toBe(true);
});
