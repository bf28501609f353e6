import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { encodeColumnar } from '../core/io/columnarBinary';
import { listDatasets, loadDataset, saveDataset } from '../storage/datasets';
import type { DatasetMetadata, StoredDataset } from '../storage/types';
import { setCsrfToken } from './api';
import {
  datasetsToFetch,
  syncServerDataset,
  syncServerDatasets,
  uploadDataset,
  type DatasetInfo,
} from './datasetSync';
import { fakeServer, jsonAnswer, offlineFetch, type FakeAnswer } from './fakeServer';

beforeEach(() => vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } }));
afterEach(() => vi.unstubAllGlobals());

const freshDatabaseName = () => `atlas-test-${crypto.randomUUID()}`;

/** Two villages as the server holds them (its own id and name in the body are not what counts). */
const villages = (): StoredDataset => ({
  id: 'body-id',
  name: 'body name',
  layer: 'villages',
  rowCount: 2,
  importedAt: '2020-01-01T00:00:00.000Z',
  sourceFile: 'body.csv',
  datum: 'wgs84',
  sample: false,
  columns: {
    lon: Float64Array.of(106.7, 107.1),
    lat: Float64Array.of(26.5, 26.9),
    county: Int16Array.of(3, 12),
    name: ['花溪村', '青岩村'],
  },
});

const info = (fields: Partial<DatasetInfo> = {}): DatasetInfo => ({
  id: 'ds-villages-3',
  layer: 'villages',
  version: 3,
  name: '村表 2025',
  sourceFile: '村表.xlsx',
  datum: 'gcj02',
  rowCount: 2,
  rejectedCount: 1,
  uploadedBy: '李强',
  uploadedAt: '2025-03-04T05:06:07.000Z',
  etag: 'v3-a',
  ...fields,
});

/** The body as the server sends it: the ETag header quoted (the listing gives the tag bare). */
const binary =
  (etag: string, dataset = villages()): FakeAnswer =>
  (request) =>
    request.headers['if-none-match'] === `"${etag}"`
      ? new Response(null, { status: 304, headers: { etag: `"${etag}"` } })
      : new Response(new Uint8Array(encodeColumnar(dataset)), {
          headers: { 'content-type': 'application/vnd.gca.columnar', etag: `"${etag}"` },
        });

const datasetRequests = (requests: Array<{ path: string }>) =>
  requests.filter((r) => r.path.startsWith('/api/datasets/')).length;

test('a server dataset is stored under its server id, with its version, uploader and ETag', async () => {
  const databaseName = freshDatabaseName();
  const server = fakeServer({
    'GET /api/datasets': () => jsonAnswer(200, { datasets: [info()] }),
    'GET /api/datasets/ds-villages-3': binary('v3-a'),
  });
  vi.stubGlobal('fetch', server.fetch);
  const report = await syncServerDatasets(databaseName);
  expect(report.fetched).toEqual(['ds-villages-3']);
  const [metadata] = await listDatasets(databaseName);
  expect(metadata).toMatchObject({
    id: 'ds-villages-3',
    name: '村表 2025',
    layer: 'villages',
    datum: 'gcj02',
    sourceFile: '村表.xlsx',
    importedAt: '2025-03-04T05:06:07.000Z',
    origin: {
      kind: 'server',
      version: 3,
      uploadedBy: '李强',
      uploadedAt: '2025-03-04T05:06:07.000Z',
      etag: 'v3-a',
    },
  });
  const stored = await loadDataset('ds-villages-3', databaseName);
  expect(stored.columns.name).toEqual(['花溪村', '青岩村']);
  expect(Array.from(stored.columns.lon as Float64Array)).toEqual([106.7, 107.1]);
});

test('a copy with the listed ETag is not fetched again', async () => {
  const databaseName = freshDatabaseName();
  const server = fakeServer({
    'GET /api/datasets': () => jsonAnswer(200, { datasets: [info()] }),
    'GET /api/datasets/ds-villages-3': binary('v3-a'),
  });
  vi.stubGlobal('fetch', server.fetch);
  await syncServerDatasets(databaseName);
  const second = await syncServerDatasets(databaseName);
  expect(second.fetched).toEqual([]);
  expect(datasetRequests(server.requests)).toBe(1);
});

test('a changed ETag is fetched with If-None-Match of the copy held, and replaces it', async () => {
  const databaseName = freshDatabaseName();
  const first = fakeServer({
    'GET /api/datasets': () => jsonAnswer(200, { datasets: [info()] }),
    'GET /api/datasets/ds-villages-3': binary('v3-a'),
  });
  vi.stubGlobal('fetch', first.fetch);
  await syncServerDatasets(databaseName);
  const changed = { ...villages(), columns: { ...villages().columns, name: ['花溪村', '青岩镇'] } };
  const second = fakeServer({
    'GET /api/datasets': () => jsonAnswer(200, { datasets: [info({ etag: 'v3-b' })] }),
    'GET /api/datasets/ds-villages-3': binary('v3-b', changed),
  });
  vi.stubGlobal('fetch', second.fetch);
  expect((await syncServerDatasets(databaseName)).fetched).toEqual(['ds-villages-3']);
  expect(second.requests.at(-1)?.headers['if-none-match']).toBe('"v3-a"');
  expect((await loadDataset('ds-villages-3', databaseName)).columns.name).toEqual(['花溪村', '青岩镇']);
  expect((await listDatasets(databaseName))[0].origin?.etag).toBe('v3-b');
});

test('the 同步 button asks again with If-None-Match; 304 keeps the copy as it is', async () => {
  const databaseName = freshDatabaseName();
  const server = fakeServer({
    'GET /api/datasets': () => jsonAnswer(200, { datasets: [info()] }),
    'GET /api/datasets/ds-villages-3': binary('v3-a'),
  });
  vi.stubGlobal('fetch', server.fetch);
  await syncServerDatasets(databaseName);
  expect(await syncServerDataset('ds-villages-3', databaseName)).toBe(false);
  expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v3-a"');
  expect(datasetRequests(server.requests)).toBe(2);
});

test('one dataset that cannot be read is reported; the others still come, and the old copy stays', async () => {
  const databaseName = freshDatabaseName();
  const good = info({ id: 'ds-villages-4', version: 4, etag: 'v4' });
  const broken = info({ etag: 'v3-broken' });
  const held: DatasetMetadata = await saveDataset(
    {
      ...villages(),
      id: broken.id,
      origin: { kind: 'server', version: 3, uploadedBy: '李强', uploadedAt: '', etag: 'v3-a' },
    },
    databaseName,
  );
  const server = fakeServer({
    'GET /api/datasets': () => jsonAnswer(200, { datasets: [broken, good] }),
    'GET /api/datasets/ds-villages-3': () =>
      new Response(new Uint8Array([1, 2, 3, 4]), { headers: { etag: '"v3-broken"' } }),
    'GET /api/datasets/ds-villages-4': binary('v4'),
  });
  vi.stubGlobal('fetch', server.fetch);
  const report = await syncServerDatasets(databaseName);
  expect(report.fetched).toEqual(['ds-villages-4']);
  expect(report.failed).toEqual([
    { id: broken.id, name: broken.name, message: expect.stringContaining('GCAC') },
  ]);
  const stored = await listDatasets(databaseName);
  expect(stored.find((d) => d.id === broken.id)?.origin?.etag).toBe(held.origin?.etag);
});

test('losing the connection stops the sync with an offline error', async () => {
  vi.stubGlobal('fetch', offlineFetch);
  await expect(syncServerDatasets(freshDatabaseName())).rejects.toMatchObject({ code: 'offline', status: 0 });
});

test('which datasets to fetch: those missing here and those whose ETag changed, never local imports', () => {
  const local = (id: string, etag?: string): DatasetMetadata => ({
    id,
    name: id,
    layer: 'villages',
    rowCount: 1,
    importedAt: '',
    sourceFile: '',
    datum: 'wgs84',
    sample: false,
    byteSize: 0,
    ...(etag && { origin: { kind: 'server' as const, version: 1, uploadedBy: '', uploadedAt: '', etag } }),
  });
  const server = [info({ id: 'a', etag: '1' }), info({ id: 'b', etag: '2' }), info({ id: 'c', etag: '3' })];
  const wanted = datasetsToFetch(server, [local('a', '1'), local('b', 'old'), local('mine')]);
  expect(wanted.map((d) => d.id)).toEqual(['b', 'c']);
});

test('an upload sends the original file with the dialog’s choices and the CSRF token', async () => {
  setCsrfToken('csrf-upload');
  const answer = {
    dataset: info(),
    acceptedCount: 2,
    rejectedCount: 1,
    problems: [{ row: 4, column: '经度', message: '经度超出贵州范围' }],
  };
  const server = fakeServer({ 'POST /api/datasets': () => jsonAnswer(201, answer) });
  vi.stubGlobal('fetch', server.fetch);
  const file = new Blob(['名称,经度,纬度\n花溪村,106.7,26.5\n']);
  const result = await uploadDataset(file, {
    fileName: '村表.csv',
    name: '村表 2025',
    layer: 'villages',
    datum: 'gcj02',
    encoding: 'gb18030',
    mapping: { name: 0, lon: 1, lat: 2, county: undefined },
  });
  expect(result).toEqual(answer);
  const [request] = server.requests;
  expect(request.body).toBe(file);
  expect(request.headers['content-type']).toBe('application/octet-stream');
  expect(request.headers['x-csrf-token']).toBe('csrf-upload');
  expect(Object.fromEntries(request.query)).toEqual({
    fileName: '村表.csv',
    name: '村表 2025',
    layer: 'villages',
    datum: 'gcj02',
    encoding: 'gb18030',
    mapping: '{"name":0,"lon":1,"lat":2}',
  });
  setCsrfToken(null);
});

test('an upload the server refuses carries its message (every row unusable: 422)', async () => {
  const server = fakeServer({
    'POST /api/datasets': () => jsonAnswer(422, { error: 'invalid', message: '请求无效：没有可用的行' }),
  });
  vi.stubGlobal('fetch', server.fetch);
  const choices = { fileName: 'x.csv', name: 'x', layer: 'villages', datum: 'wgs84' as const, mapping: {} };
  await expect(uploadDataset(new Blob(['a']), choices)).rejects.toMatchObject({
    status: 422,
    message: '请求无效：没有可用的行',
  });
  expect(server.requests[0].query.has('encoding')).toBe(false);
});
