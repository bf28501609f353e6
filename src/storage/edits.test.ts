import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { saveDataset } from './datasets';
import { editsFor, recordEdit } from './edits';
import { StorageError } from './errors';
import type { StoredDataset } from './types';

const freshDatabaseName = () => `atlas-test-${crypto.randomUUID()}`;

/** A database holding one empty village dataset, new for each test. */
async function databaseWithVillages(): Promise<string> {
  const databaseName = freshDatabaseName();
  const villages: StoredDataset = {
    id: 'villages',
    name: '行政村',
    layer: 'villages',
    rowCount: 0,
    importedAt: '2024-01-01T00:00:00.000Z',
    sourceFile: 'villages.csv',
    datum: 'wgs84',
    sample: false,
    columns: {},
  };
  await saveDataset(villages, databaseName);
  return databaseName;
}

test('recorded edits come back with growing keys, newest first, for the dataset or one row', async () => {
  const databaseName = await databaseWithVillages();
  const first = await recordEdit(
    { datasetId: 'villages', rowKey: '520111001001', field: 'fiber', value: true, date: '2023-03-01' },
    databaseName,
  );
  const second = await recordEdit(
    {
      datasetId: 'villages',
      rowKey: '520111001002',
      field: '5g',
      value: false,
      date: '2023-04-01',
      note: '山后无信号',
    },
    databaseName,
  );
  const third = await recordEdit(
    { datasetId: 'villages', rowKey: '520111001001', field: '5g', value: true, date: '2024-01-15' },
    databaseName,
  );
  expect(second.key).toBeGreaterThan(first.key);
  expect(third.key).toBeGreaterThan(second.key);
  expect(first.note).toBe('');
  expect(Number.isNaN(Date.parse(first.editedAt))).toBe(false);
  expect(await editsFor('villages', undefined, databaseName)).toEqual([third, second, first]);
  expect(await editsFor('villages', '520111001001', databaseName)).toEqual([third, first]);
});

test('an edit is stored with its kind, author and source; older records read as desk changes', async () => {
  const databaseName = await databaseWithVillages();
  const verified = await recordEdit(
    {
      datasetId: 'villages',
      rowKey: '520111001001',
      field: 'gigabit',
      kind: 'verify',
      value: true,
      date: '2026-11-02',
      author: ' 王工 ',
      source: 'field',
    },
    databaseName,
  );
  const plain = await recordEdit(
    { datasetId: 'villages', rowKey: '520111001001', field: 'fiber', value: false, date: '2026-11-03' },
    databaseName,
  );
  expect(verified).toMatchObject({ kind: 'verify', author: '王工', source: 'field' });
  expect(plain).toMatchObject({ kind: 'set', author: '', source: 'desk' });
  expect(await editsFor('villages', '520111001001', databaseName)).toEqual([plain, verified]);
});

test('an edit of a dataset that is not stored is refused and not kept', async () => {
  const databaseName = await databaseWithVillages();
  const error = await recordEdit(
    { datasetId: 'gone', rowKey: 'x', field: '4g', value: true, date: '2024-01-01' },
    databaseName,
  ).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(StorageError);
  expect((error as StorageError).code).toBe('not-found');
  expect(await editsFor('gone', undefined, databaseName)).toEqual([]);
});

test('an edit with an impossible date or an unknown field is refused as invalid', async () => {
  const databaseName = await databaseWithVillages();
  const base = { datasetId: 'villages', rowKey: 'x', value: true } as const;
  for (const bad of [
    { ...base, field: '4g', date: '2024-02-30' },
    { ...base, field: '4g', date: '1/2/2024' },
    { ...base, field: '6g', date: '2024-01-01' },
    { ...base, field: '4g', date: '2024-01-01', kind: 'approve' },
  ]) {
    const error = await recordEdit(bad as Parameters<typeof recordEdit>[0], databaseName).catch(
      (caught: unknown) => caught,
    );
    expect((error as StorageError).code, JSON.stringify(bad)).toBe('invalid');
  }
  expect(await editsFor('villages', undefined, databaseName)).toEqual([]);
});
