import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { saveDataset } from '../storage/datasets';
import { editsFor, recordEdit, type NewStatusEdit } from '../storage/edits';
import { listOutbox, PENDING_KEY_BASE } from '../storage/outbox';
import type { ServerEdit } from '../storage/types';
import { setCsrfToken } from './api';
import { EditSync, RETRY_FIRST_MS, RETRY_MOST_MS, retryDelayMs, type SyncStatus } from './editSync';

interface StatusBody extends Omit<ServerEdit, 'id' | 'version' | 'author' | 'authorId'> {
  baseVersion: number;
}

/** A team server as far as the edit sync sees it: versions per row and field, answers kept per mutation id. */
class FakeServer {
  edits: ServerEdit[] = [];
  answers = new Map<string, { status: number; body: unknown }>();
  posted: StatusBody[] = [];
  /** What happens to the next requests: the network is down, the server erred after applying, … */
  trouble: Array<'offline' | 'error-after-apply' | 'unauthorized' | 'csrf' | 'outside-area'> = [];
  csrfToken = 'token-1';

  handle = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const trouble = this.trouble.shift();
    if (trouble === 'offline') throw new TypeError('Failed to fetch');
    if (trouble === 'unauthorized') return json(401, { error: 'signed-out', message: '请重新登录' });
    if (url === '/api/me') return json(200, { user: { id: 1 }, csrfToken: this.csrfToken });
    if (init.method === 'POST' && url === '/api/status') {
      const headers = init.headers as Record<string, string>;
      if (trouble === 'csrf' || headers['x-csrf-token'] !== this.csrfToken)
        return json(403, { error: 'csrf-failed', message: '请求无效' });
      if (trouble === 'outside-area') return json(403, { error: 'outside-area', message: '不在你负责的县' });
      const body = JSON.parse(init.body as string) as StatusBody;
      this.posted.push(body);
      const answer = this.answers.get(body.mutationId) ?? this.apply(body);
      this.answers.set(body.mutationId, answer);
      return trouble === 'error-after-apply'
        ? json(500, { error: 'internal' })
        : json(answer.status, answer.body);
    }
    const pull = /^\/api\/datasets\/([^/]+)\/edits\?after=(\d+)$/.exec(url);
    if (pull)
      return json(200, {
        edits: this.edits.filter((e) => e.datasetId === pull[1] && e.id > Number(pull[2])).slice(0, 2),
      });
    return json(404, { error: 'not-found', message: '没有' });
  };

  private apply(body: StatusBody): { status: number; body: unknown } {
    const sameField = this.edits.filter((e) => e.rowKey === body.rowKey && e.field === body.field);
    const current = sameField.at(-1) ?? null;
    if ((current?.version ?? 0) !== body.baseVersion)
      return {
        status: 409,
        body: { outcome: 'conflict', conflictId: 1, current, message: '此项已被他人修改' },
      };
    return { status: 201, body: { outcome: 'applied', edit: this.add(body, (current?.version ?? 0) + 1) } };
  }

  add(fields: Omit<StatusBody, 'baseVersion'>, version: number, author = '王工'): ServerEdit {
    const { datasetId, rowKey, field, kind, value, date, note, source, editedAt, mutationId } = fields;
    const edit: ServerEdit = {
      ...{ datasetId, rowKey, field, kind, value, date, note, source, editedAt, mutationId },
      id: this.edits.length + 1,
      author,
      authorId: 1,
      version,
    };
    this.edits.push(edit);
    return edit;
  }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let server: FakeServer;
let databaseName: string;
let delays: number[];
let retryNow: (() => void) | null;
let statuses: SyncStatus[];
let changedDatasets: string[][];

function newSync(): EditSync {
  return new EditSync({
    databaseName,
    random: () => 1,
    schedule: (callback, delayMs) => {
      delays.push(delayMs);
      retryNow = callback;
      return () => (retryNow = null);
    },
    onStatus: (status) => statuses.push(status),
    onEditsChanged: (ids) => void changedDatasets.push(ids),
  });
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

/** An edit someone else made on the server, before this browser's. */
const othersEdit: Omit<StatusBody, 'baseVersion' | 'mutationId'> = {
  ...{ datasetId: 'server-villages', rowKey: '520111001001', field: 'fiber', kind: 'set', value: true },
  ...{ date: '2026-02-01', note: '', source: 'desk', editedAt: '2026-02-01T00:00:00Z' },
};

beforeEach(async () => {
  server = new FakeServer();
  databaseName = `atlas-test-${crypto.randomUUID()}`;
  delays = [];
  retryNow = null;
  statuses = [];
  changedDatasets = [];
  setCsrfToken(server.csrfToken);
  vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
  vi.stubGlobal('fetch', vi.fn(server.handle));
  const origin = {
    kind: 'server',
    version: 1,
    uploadedBy: '省办',
    uploadedAt: '2026-01-01T00:00:00Z',
    etag: '"1"',
  } as const;
  await saveDataset(
    {
      ...{ id: 'server-villages', name: '行政村', layer: 'villages', rowCount: 0, sourceFile: 'v.csv' },
      ...{ importedAt: '2026-01-01T00:00:00Z', datum: 'wgs84', sample: false, columns: {}, origin },
    },
    databaseName,
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

test('the wait before a retry doubles from 1 s up to 5 min, with jitter of up to half', () => {
  expect([1, 2, 3, 4].map((failures) => retryDelayMs(failures, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  expect(retryDelayMs(30, () => 1)).toBe(RETRY_MOST_MS);
  expect(retryDelayMs(30, () => 0)).toBe(RETRY_MOST_MS / 2);
  expect(retryDelayMs(1, () => 0)).toBe(RETRY_FIRST_MS);
});

test('offline, an edit waits and is retried with the same mutation id, backing off; the back-off resets', async () => {
  const sync = newSync();
  await recordEdit(edit(), databaseName);
  server.trouble = ['offline', 'offline', 'offline'];
  await sync.start();
  await sync.kick();
  await sync.kick();
  expect(delays).toEqual([1000, 2000, 4000]);
  expect(statuses.at(-1)).toMatchObject({ waiting: 1, offline: true });
  expect((await editsFor('server-villages', undefined, databaseName))[0]).toMatchObject({ pending: true });
  // Back online, the planned retry sends it and pulls.
  retryNow!();
  await vi.waitFor(() =>
    expect(statuses.at(-1)).toMatchObject({ waiting: 0, offline: false, syncing: false, nextRetryAt: null }),
  );
  expect(server.edits).toHaveLength(1);
  expect(new Set(server.posted.map((body) => body.mutationId)).size).toBe(1);
  expect(delays).toHaveLength(3);
  // The next failure starts again from 1 s.
  server.trouble = ['offline'];
  await sync.kick();
  expect(delays.at(-1)).toBe(1000);
  sync.stop();
});

test('an applied edit replaces the pending one and counts once, also when its answer was lost', async () => {
  const sync = newSync();
  await recordEdit(edit(), databaseName);
  server.trouble = ['error-after-apply'];
  await sync.start();
  // The server stored it but answered 500: still pending here, retried with the same id.
  expect((await editsFor('server-villages', undefined, databaseName))[0].key).toBe(PENDING_KEY_BASE + 1);
  await sync.kick();
  expect(server.edits).toHaveLength(1);
  expect(server.posted.map((body) => body.mutationId)).toEqual([
    server.posted[0].mutationId,
    server.posted[0].mutationId,
  ]);
  const edits = await editsFor('server-villages', undefined, databaseName);
  expect(edits).toEqual([expect.objectContaining({ key: server.edits[0].id, author: '王工' })]);
  expect(edits[0]).not.toHaveProperty('pending');
  expect(await listOutbox(undefined, databaseName)).toEqual([]);
  expect(changedDatasets.flat()).toContain('server-villages');
  sync.stop();
});

test('a conflict is kept with the server’s reason and stops counting; the next edits still go', async () => {
  server.add({ ...othersEdit, mutationId: 'm-0' }, 1, '李工');
  const sync = newSync();
  // Made before this browser learnt of 李工's change: based on version 0.
  await recordEdit(edit({ value: false }), databaseName);
  await recordEdit(edit({ field: '5g' }), databaseName);
  await sync.start();
  const [conflicted] = await listOutbox(undefined, databaseName);
  expect(conflicted).toMatchObject({
    state: 'conflict',
    reason: '此项已被他人修改',
    conflictId: 1,
    value: false,
  });
  expect(conflicted.current).toMatchObject({ author: '李工', version: 1 });
  expect(statuses.at(-1)).toMatchObject({ waiting: 0, conflicted: [conflicted], rejected: [] });
  const edits = await editsFor('server-villages', undefined, databaseName);
  expect(edits.map((e) => [e.field, e.value, e.author])).toEqual([
    ['5g', true, '王工'],
    ['fiber', true, '李工'],
  ]);
  // Syncing again never sends the conflicted edit again.
  await sync.syncNow();
  expect(server.posted).toHaveLength(2);
  sync.stop();
});

test('a refusal is kept as rejected with its message; a lost session stops sending until sign-in', async () => {
  const sync = newSync();
  await recordEdit(edit(), databaseName);
  await recordEdit(edit({ rowKey: '520111001002' }), databaseName);
  server.trouble = ['outside-area', 'unauthorized'];
  await sync.start();
  const [rejected, waiting] = await listOutbox(undefined, databaseName);
  expect(rejected).toMatchObject({ state: 'rejected', reason: '不在你负责的县' });
  expect(waiting.state).toBe('sent');
  expect(statuses.at(-1)).toMatchObject({ needsSignIn: true, waiting: 1, nextRetryAt: null });
  expect(delays).toEqual([]);
  await sync.kick();
  expect(server.posted).toHaveLength(0);
  // Signed in again (立即同步 after the sign-in): it goes.
  await sync.syncNow();
  expect(await listOutbox(undefined, databaseName)).toEqual([rejected]);
  expect(await editsFor('server-villages', '520111001001', databaseName)).toEqual([]);
  sync.stop();
});

test('a page without the session’s token asks for it once and sends again', async () => {
  setCsrfToken(null);
  const sync = newSync();
  await recordEdit(edit(), databaseName);
  await sync.start();
  expect(server.edits).toHaveLength(1);
  expect(await listOutbox(undefined, databaseName)).toEqual([]);
  sync.stop();
});

test('pulls bring the team’s edits after the highest id kept, page by page', async () => {
  for (const [i, rowKey] of ['a', 'b', 'c', 'd', 'e'].entries())
    server.add({ ...othersEdit, rowKey, mutationId: `m-${i}` }, 1, '李工');
  const sync = newSync();
  await sync.start();
  expect((await editsFor('server-villages', undefined, databaseName)).map((e) => e.rowKey)).toEqual([
    'e',
    'd',
    'c',
    'b',
    'a',
  ]);
  expect(changedDatasets).toEqual([['server-villages']]);
  const fetched = vi.mocked(fetch).mock.calls.map(([url]) => url);
  expect(fetched).toEqual([0, 2, 4, 5].map((after) => `/api/datasets/server-villages/edits?after=${after}`));
  // Nothing new: nothing changed.
  await sync.kick();
  expect(changedDatasets).toHaveLength(1);
  sync.stop();
});

test('coming back online sends at once and starts the back-off over', async () => {
  const page = new EventTarget();
  vi.stubGlobal('window', page);
  vi.stubGlobal(
    'document',
    Object.assign(new EventTarget(), { documentElement: { lang: 'zh-CN' }, visibilityState: 'visible' }),
  );
  const sync = newSync();
  await recordEdit(edit(), databaseName);
  server.trouble = ['offline', 'offline'];
  await sync.start();
  await sync.kick();
  expect(delays).toEqual([1000, 2000]);
  // Online again but the server is still out of reach: the wait starts over at 1 s, not 4 s.
  server.trouble = ['offline'];
  page.dispatchEvent(new Event('online'));
  await vi.waitFor(() => expect(delays).toEqual([1000, 2000, 1000]));
  page.dispatchEvent(new Event('online'));
  await vi.waitFor(() =>
    expect(statuses.at(-1)).toMatchObject({ waiting: 0, offline: false, syncing: false }),
  );
  expect(server.edits).toHaveLength(1);
  sync.stop();
});
