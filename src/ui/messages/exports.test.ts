// The exports' headings are looked up by column name: every column they can write has words in
// both languages, so no export falls back to an internal name.
import { expect, test } from 'vitest';
import { COUNTY_COLUMNS, DATASET_COLUMN_NAMES } from '../../core/export/datasetTable';
import { RANKING_COLUMNS } from '../../core/export/ranking';
import { LAYER_NAMES } from '../../core/layers/registry';
import { MODELLED_TECHNOLOGY } from '../../core/metrics';
import { en, zh } from './exports';

const keys = [
  ...[...DATASET_COLUMN_NAMES, ...COUNTY_COLUMNS].map((name) => `exports.field.${name}`),
  ...RANKING_COLUMNS.filter((column) => column !== 'value').map((column) => `exports.ranking.${column}`),
  ...LAYER_NAMES.map((layer) => `exports.layer.${layer}`),
  ...Object.values(MODELLED_TECHNOLOGY).map((technology) => `exports.noStations.${technology}`),
];

test('every exported column, layer and missing-stations message has Chinese and English words', () => {
  for (const key of keys) {
    expect(zh, key).toHaveProperty([key]);
    expect(en, key).toHaveProperty([key]);
  }
  expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
});
