// The seeded sample as every layer it has (each layer's module reads its own part). Statuses are
// already dated; the sample has no village 4G status (villages.ts).
import type { Sample } from '../sample/generate';
import type { LayerSource } from './encoding';
import { LAYER_NAMES, LAYERS, type LayerSet } from './registry';

export function layersFromSample(sample: Sample, countyAdcodes: readonly string[]): LayerSet {
  const source: LayerSource = { kind: 'sample', name: sample.label };
  const countyOf = new Map(countyAdcodes.map((adcode, k) => [adcode, k]));
  const layers: Record<string, unknown> = {};
  for (const name of LAYER_NAMES) {
    const rows = LAYERS[name].fromSample?.(sample, { countyOf, source });
    if (rows) layers[name] = rows;
  }
  return layers as LayerSet;
}
