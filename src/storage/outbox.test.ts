import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { expect, test } from 'vitest';
import { listDatasets, saveDataset } from './datasets';
import { closeAtlasDatabase, inTransaction, openAtlasDatabase } from './db';
import { editsFor, recordEdit, type NewStatusEdit } from './edits';
import {
  PENDING_KEY_BASE,
  baseVersionOf,
  listOutbox,
  markApplied,
  markConflict,
  markRejected,
  markSent,
} from './outbox';
import { storeTeamEdits, teamEditCursor } from './teamEdits';
import type { OutboxEntry, ServerEdit, StoredDataset } from './types';

const freshDatabaseName = () => `atlas-test-${crypto.randomUUID()}`;

const dataset = (id: string): StoredDataset => ({
  id,
  name: '行政村',
  layer: 'villages',
  rowCount: 0,
  importedAt: '2024-01-01T00:00:00.000Z',
  sourceFile: 'villages.csv',
  datum: 'wgs84',
  sample: false,
  columns: {},
});

/** A database holding one copy of a server dataset ('server-villages') and one local dataset. */
async function teamDatabase(): Promise<string> {
  const databaseName = freshDatabaseName();
  await saveDataset(dataset('local-villages'), databaseName);
  const metadata = await saveDataset(dataset('server-villages'), databaseName);
  const origin = {
    kind: 'server',
    version: 1,
    uploadedBy: '省办',
    uploadedAt: '2026-01-01T00:00:00Z',
    etag: '"1"',
  };
  await inTransaction(databaseName, ['datasets'], 'readwrite', { code: 'write-failed', what: 'test' }, (tx) =>
    tx.objectStore('datasets').put({ ...metadata, origin: origin as never }),
  );
  return databaseName;
}

const edit = (fields: Partial<NewStatusEdit> = {}): NewStatusEdit => ({
  datasetId: 'server-villages',
  rowKey: '520111001001',
  field: 'fiber',
  value: true,
  date: '2026-03-01',
  source: 'field',
  ...fields,
});

let serverIds = 100;
/** The server's answer to an entry (or someone else's edit when no entry is given). */
const serverEdit = (fields: Partial<ServerEdit>, entry?: OutboxEntry): ServerEdit => ({
  id: ++serverIds,
  datasetId: entry?.datasetId ?? 'server-villages',
  rowKey: entry?.rowKey ?? '520111001001',
  field: entry?.field ?? 'fiber',
  kind: entry?.kind ?? 'set',
  value: entry?.value ?? true,
  date: entry?.date ?? '2026-02-01',
  note: '',
  author: '李工',
  authorId: 7,
  source: 'desk',
  editedAt: '2026-02-01T08:00:00.000Z',
  version: 1,
  mutationId: entry?.mutationId ?? crypto.randomUUID(),
  ...fields,
});

test('a version-2 database upgrades to version 3 keeping its datasets, edits and slides', async () => {
  const databaseName = freshDatabaseName();
  const old = await openDB(databaseName, 2, {
    upgrade(database) {
      database.createObjectStore('datasets', { keyPath: 'id' });
      database.createObjectStore('datasetColumns', { keyPath: 'id' });
      const edits = database.createObjectStore('edits', { keyPath: 'key', autoIncrement: true });
      edits.createIndex('byDatasetId', 'datasetId');
      edits.createIndex('byDatasetIdRowKey', ['datasetId', 'rowKey']);
      database.createObjectStore('slides', { keyPath: 'id' });
    },
  });
  const { columns: _columns, ...metadata } = dataset('villages');
  await old.put('datasets', { ...metadata, byteSize: 0 });
  await old.put('datasetColumns', { id: 'villages', columns: {} });
  const oldEdit = {
    ...edit({ datasetId: 'villages' }),
    kind: 'set',
    note: '旧',
    author: '',
    editedAt: '2025-01-01T00:00:00Z',
  };
  await old.add('edits', oldEdit);
  await old.put('slides', { id: 's1', position: 0, title: '第一页' });
  old.close();

  const upgraded = await openAtlasDatabase(databaseName);
  expect(upgraded.version).toBe(3);
  expect([...upgraded.objectStoreNames].sort()).toEqual(
    ['datasetColumns', 'datasets', 'edits', 'outbox', 'slides', 'teamEdits'].sort(),
  );
  expect((await listDatasets(databaseName)).map((d) => d.id)).toEqual(['villages']);
  expect(await editsFor('villages', undefined, databaseName)).toEqual([{ ...oldEdit, key: 1 }]);
  expect(await upgraded.get('slides', 's1')).toMatchObject({ title: '第一页' });
  // Edits of a local dataset still go to the local store.
  const next = await recordEdit(edit({ datasetId: 'villages' }), databaseName);
  expect(next.key).toBe(2);
  expect(await listOutbox(undefined, databaseName)).toEqual([]);
});

test('an edit of a server dataset is queued on disk, survives reopening and counts as pending', async () => {
  const databaseName = await teamDatabase();
  const recorded = await recordEdit(edit(), databaseName);
  expect(recorded).toMatchObject({ pending: true, key: PENDING_KEY_BASE + 1, value: true });
  await closeAtlasDatabase(databaseName);

  const [entry] = await listOutbox(undefined, databaseName);
  expect(entry).toMatchObject({ state: 'pending', sequence: 1, baseVersion: 0, attempts: 0 });
  expect(entry.mutationId).toMatch(/^[0-9a-f-]{36}$/);
  expect(await editsFor('server-villages', undefined, databaseName)).toEqual([recorded]);
  expect(await editsFor('server-villages', '520111001001', databaseName)).toEqual([recorded]);
  expect(await editsFor('server-villages', 'other-row', databaseName)).toEqual([]);
  // The local dataset's edits are not touched by the outbox.
  expect(await editsFor('local-villages', undefined, databaseName)).toEqual([]);
});

test('a retry keeps the mutation id; an applied edit replaces the pending one, never counting twice', async () => {
  const databaseName = await teamDatabase();
  await recordEdit(edit(), databaseName);
  const [queued] = await listOutbox(undefined, databaseName);
  await markSent(queued.mutationId, new Date('2026-03-01T09:00:00Z'), databaseName);
  const [sent] = await listOutbox(undefined, databaseName);
  expect(sent).toMatchObject({ mutationId: queued.mutationId, state: 'sent', attempts: 1 });
  expect(await editsFor('server-villages', undefined, databaseName)).toHaveLength(1);

  const answer = serverEdit({ version: 1 }, queued);
  await markApplied(queued.mutationId, answer, databaseName);
  const edits = await editsFor('server-villages', undefined, databaseName);
  expect(edits).toHaveLength(1);
  expect(edits[0]).toMatchObject({ key: answer.id, value: true, author: '李工' });
  expect(edits[0]).not.toHaveProperty('pending');
  expect(await listOutbox(undefined, databaseName)).toEqual([]);
});

test('a pull that brings our own edit (its answer was lost) removes the pending entry', async () => {
  const databaseName = await teamDatabase();
  await recordEdit(edit(), databaseName);
  const [queued] = await listOutbox(undefined, databaseName);
  const someoneElse = serverEdit({ field: '5g' });
  const ours = serverEdit({ version: 1 }, queued);
  expect(await storeTeamEdits([someoneElse, ours], databaseName)).toBe(2);
  // Pulled again (overlapping pages): nothing new, nothing twice.
  expect(await storeTeamEdits([ours], databaseName)).toBe(0);
  const edits = await editsFor('server-villages', undefined, databaseName);
  expect(edits.map((e) => e.key)).toEqual([ours.id, someoneElse.id]);
  expect(await listOutbox(undefined, databaseName)).toEqual([]);
  expect(await teamEditCursor('server-villages', databaseName)).toBe(ours.id);
  expect(await teamEditCursor('local-villages', databaseName)).toBe(0);
});

test('a conflicted or rejected entry stops counting but stays listed with the reason', async () => {
  const databaseName = await teamDatabase();
  await recordEdit(edit(), databaseName);
  await recordEdit(edit({ rowKey: '520111001002', field: '5g' }), databaseName);
  const [first, second] = await listOutbox(undefined, databaseName);
  const current = serverEdit({ version: 2, value: false });
  await markConflict(first.mutationId, { reason: '此项已被他人修改', conflictId: 9, current }, databaseName);
  await markRejected(second.mutationId, '不在你负责的县', databaseName);
  expect(await editsFor('server-villages', undefined, databaseName)).toEqual([]);
  const listed = await listOutbox(undefined, databaseName);
  expect(listed).toMatchObject([
    { mutationId: first.mutationId, state: 'conflict', reason: '此项已被他人修改', conflictId: 9, current },
    { mutationId: second.mutationId, state: 'rejected', reason: '不在你负责的县' },
  ]);
  // Sending again does not revive a refused entry.
  await markSent(second.mutationId, new Date(), databaseName);
  expect((await listOutbox(undefined, databaseName))[1].state).toBe('rejected');
});

test('the base version is the field’s highest known when edited, or the result of the edit before it', async () => {
  const databaseName = await teamDatabase();
  await storeTeamEdits(
    [serverEdit({ version: 1 }), serverEdit({ version: 3 }), serverEdit({ field: '5g', version: 7 })],
    databaseName,
  );
  await recordEdit(edit(), databaseName);
  await recordEdit(edit({ value: false, date: '2026-03-02' }), databaseName);
  const [first, second] = await listOutbox(undefined, databaseName);
  expect(first).toMatchObject({ baseVersion: 3 });
  expect(first.afterMutationId).toBeUndefined();
  expect(second).toMatchObject({ baseVersion: 3, afterMutationId: first.mutationId });
  // Someone else's later change pulled meanwhile does not become this edit's base.
  await storeTeamEdits([serverEdit({ version: 4 })], databaseName);
  expect(await baseVersionOf(second, databaseName)).toBe(3);
  // Once the first applies, the second is based on it.
  await markApplied(first.mutationId, serverEdit({ version: 5 }, first), databaseName);
  expect(await baseVersionOf(second, databaseName)).toBe(5);
  const keys = (await editsFor('server-villages', '520111001001', databaseName)).map((e) => e.key);
  expect(keys[0]).toBe(PENDING_KEY_BASE + second.sequence);
});

test('an edit kept from an answer does not move the pull past others’ edits not yet pulled', async () => {
  const databaseName = await teamDatabase();
  await storeTeamEdits([serverEdit({ id: 10, field: '5g' })], databaseName);
  await recordEdit(edit(), databaseName);
  const [queued] = await listOutbox(undefined, databaseName);
  // Someone else's edit got id 11 before ours (12) was applied.
  await markApplied(queued.mutationId, serverEdit({ id: 12 }, queued), databaseName);
  expect(await teamEditCursor('server-villages', databaseName)).toBe(10);
  await storeTeamEdits([serverEdit({ id: 11, field: '4g' }), serverEdit({ id: 12 }, queued)], databaseName);
  expect(await teamEditCursor('server-villages', databaseName)).toBe(12);
  // A late answer after the pull keeps it pulled.
  await markApplied(queued.mutationId, serverEdit({ id: 12 }, queued), databaseName);
  expect(await teamEditCursor('server-villages', databaseName)).toBe(12);
  expect((await editsFor('server-villages', undefined, databaseName)).map((e) => e.key)).toEqual([
    12, 11, 10,
  ]);
});
