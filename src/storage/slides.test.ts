import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { expect, test } from 'vitest';
import { listDatasets } from './datasets';
import { DATABASE_VERSION } from './db';
import { editsFor } from './edits';
import { legacyBounds } from '../core/slidesFile';
import { deleteSlide, importSlides, listSlides, saveSlides } from './slides';
import type { StoredDataset, StoredSlide } from './types';

const freshDatabaseName = () => `atlas-test-${crypto.randomUUID()}`;

const slide = (id: string, position: number, name = id): StoredSlide => ({
  id,
  name,
  caption: '',
  view: 'v=1&m=stations.per10k',
  createdAt: '2025-03-01T08:00:00.000Z',
  bounds: [106.52, 26.95, 106.95, 27.33],
  position,
});

const villages: StoredDataset = {
  id: 'villages',
  name: '行政村',
  layer: 'villages',
  rowCount: 2,
  importedAt: '2024-01-01T00:00:00.000Z',
  sourceFile: 'villages.csv',
  datum: 'wgs84',
  sample: false,
  columns: { code: ['520122100201', '520122100202'] },
};

test('slides come back in position order, whatever order they were written in', async () => {
  const databaseName = freshDatabaseName();
  await saveSlides([slide('c', 2), slide('a', 0)], databaseName);
  await saveSlides([slide('b', 1)], databaseName);
  expect((await listSlides(databaseName)).map((s) => s.id)).toEqual(['a', 'b', 'c']);
});

test('a slide stored before slides kept bounds is read with the box its centre and zoom showed', async () => {
  const databaseName = freshDatabaseName();
  const { bounds: _, ...old } = { ...slide('old', 0), view: 'v=1&c=106.7,27.1&z=8&m=stations.per10k' };
  const { bounds: __, ...noCamera } = slide('no-camera', 1);
  await saveSlides([old as StoredSlide, noCamera as StoredSlide], databaseName);
  const [read, withoutCamera] = await listSlides(databaseName);
  expect(read.bounds).toEqual(legacyBounds(old.view));
  expect(read.bounds![0]).toBeLessThan(106.7);
  expect(read.bounds![2]).toBeGreaterThan(106.7);
  expect(withoutCamera.bounds).toBeNull();
  // Saved again (renamed), it keeps the box it was read with.
  await saveSlides([{ ...read, name: '息烽县' }], databaseName);
  expect((await listSlides(databaseName))[0]).toMatchObject({ name: '息烽县', bounds: read.bounds });
});

test('a reorder written in one call swaps two slides; a delete removes one', async () => {
  const databaseName = freshDatabaseName();
  await saveSlides([slide('a', 0), slide('b', 1), slide('c', 2)], databaseName);
  await saveSlides([slide('a', 1), slide('b', 0)], databaseName);
  await deleteSlide('c', databaseName);
  expect((await listSlides(databaseName)).map((s) => s.id)).toEqual(['b', 'a']);
});

test('an import replaces slides with the same id in place and adds the others after', async () => {
  const databaseName = freshDatabaseName();
  await saveSlides([slide('a', 0), slide('b', 1)], databaseName);
  const { position: _, ...renamedA } = slide('a', 0, '全省');
  const { position: __, ...newC } = slide('c', 0);
  const all = await importSlides([newC, renamedA], databaseName);
  expect(all.map((s) => [s.id, s.name, s.position])).toEqual([
    ['a', '全省', 0],
    ['b', 'b', 1],
    ['c', 'c', 2],
  ]);
});

test('a slide without an id is refused before anything is written', async () => {
  const databaseName = freshDatabaseName();
  await expect(saveSlides([slide('a', 0), slide('', 1)], databaseName)).rejects.toMatchObject({
    code: 'invalid',
  });
  expect(await listSlides(databaseName)).toEqual([]);
});

test('datasets and edits written under version 1 survive the upgrade that adds the slides', async () => {
  expect(DATABASE_VERSION).toBe(3);
  const databaseName = freshDatabaseName();
  const old = await openDB(databaseName, 1, {
    upgrade(database) {
      database.createObjectStore('datasets', { keyPath: 'id' });
      database.createObjectStore('datasetColumns', { keyPath: 'id' });
      const edits = database.createObjectStore('edits', { keyPath: 'key', autoIncrement: true });
      edits.createIndex('byDatasetId', 'datasetId');
      edits.createIndex('byDatasetIdRowKey', ['datasetId', 'rowKey']);
    },
  });
  const { columns, ...metadata } = villages;
  await old.put('datasets', { ...metadata, byteSize: 48 });
  await old.put('datasetColumns', { id: 'villages', columns });
  await old.add('edits', {
    datasetId: 'villages',
    rowKey: '520122100202',
    field: 'fiber',
    value: true,
    date: '2023-01-01',
    note: '',
    editedAt: '2023-01-02T00:00:00.000Z',
  });
  old.close();
  expect((await listDatasets(databaseName)).map((d) => [d.id, d.rowCount])).toEqual([['villages', 2]]);
  expect((await editsFor('villages', undefined, databaseName)).map((e) => e.rowKey)).toEqual([
    '520122100202',
  ]);
  expect(await listSlides(databaseName)).toEqual([]);
  await saveSlides([slide('a', 0)], databaseName);
  expect(await listSlides(databaseName)).toHaveLength(1);
});
