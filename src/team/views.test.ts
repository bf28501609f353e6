// The team's saved views as the page reads them, against a stand-in server behind fetch: a deck or
// a link from the server is checked before use, writes carry the CSRF token, and a user's latest
// activity is the tail of the paged audit log, newest first.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { slidesToJson, type SlideRecord } from '../core/slidesFile';
import { setCsrfToken } from './api';
import { fakeServer, jsonAnswer } from './fakeServer';
import {
  auditCsv,
  deckBody,
  deckSize,
  deleteView,
  getView,
  latestAuditEntries,
  linkBody,
  listViews,
  queryOfBody,
  saveView,
  shortLink,
  slidesOfBody,
  updateView,
  viewIdOf,
  type AuditEntry,
  type SharedView,
} from './views';

const slide: SlideRecord = {
  id: 's1',
  name: '全省 5G',
  caption: '截至 2025 年底',
  view: 'v=1&y=2025&c=106.7,26.6&z=7',
  createdAt: '2025-03-01T08:00:00.000Z',
  bounds: [104, 24.5, 109.5, 29.2],
};
const deck = (id: string, body: unknown, kind: SharedView['kind'] = 'slides'): SharedView => ({
  id,
  kind,
  title: `deck ${id}`,
  body,
  owner: '李强',
  ownerId: 2,
  createdAt: '2025-03-01T08:00:00.000Z',
  updatedAt: '2025-03-02T08:00:00.000Z',
});

beforeEach(() => vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } }));
afterEach(() => {
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const serve = (routes: Parameters<typeof fakeServer>[0]) => {
  const server = fakeServer(routes);
  vi.stubGlobal('fetch', server.fetch);
  return server;
};

test('a deck saved to the team reads back as the same slides', async () => {
  const body = deckBody([slide], '2025-03-02T00:00:00.000Z');
  expect(deckSize(body)).toBe(1);
  expect(slidesOfBody(body)).toEqual({ slides: [slide] });
  // A body kept as text (an older client) is read the same way.
  expect(slidesOfBody(slidesToJson([slide], '2025-03-02T00:00:00.000Z'))).toEqual({ slides: [slide] });
});

test('a deck the server returns damaged is refused with its first problem, like a bad file', () => {
  const body = deckBody([slide], '2025-03-02T00:00:00.000Z') as { slides: Record<string, unknown>[] };
  const badView = { ...body, slides: [{ ...body.slides[0], view: 'javascript:alert(1)' }] };
  expect(slidesOfBody(badView)).toEqual({ problem: { code: 'bad-slide', slide: 1, field: 'view' } });
  expect(slidesOfBody({ slides: [] })).toEqual({ problem: { code: 'wrong-format' } });
  expect(slidesOfBody(null)).toEqual({ problem: { code: 'wrong-format' } });
  expect(slidesOfBody(42)).toEqual({ problem: { code: 'wrong-format' } });
  expect(deckSize('not a deck')).toBe(0);
});

test('a link keeps the view query of the address; anything else is not a link', () => {
  const body = linkBody('?v=1&y=2024&s=520102');
  expect(body).toEqual({ query: 'v=1&y=2024&s=520102' });
  expect(queryOfBody(body)).toBe('v=1&y=2024&s=520102');
  expect(queryOfBody({ query: 'y=2024' })).toBeNull();
  expect(queryOfBody({ query: `v=1&x=${'a'.repeat(5000)}` })).toBeNull();
  expect(queryOfBody(['v=1'])).toBeNull();
  expect(queryOfBody('v=1')).toBeNull();
});

test('the short address names the view, and only a well-formed id is read back from one', () => {
  const link = shortLink('http://127.0.0.1:4173', 'Ab_3-x');
  expect(link).toBe('http://127.0.0.1:4173/?view=Ab_3-x');
  expect(viewIdOf(new URL(link).search)).toBe('Ab_3-x');
  expect(viewIdOf('?v=1&y=2024')).toBeNull();
  expect(viewIdOf('?view=../api/users')).toBeNull();
  expect(viewIdOf('?view=')).toBeNull();
});

test('the team decks are the slide views of the list; writes carry the CSRF token', async () => {
  const saved = deck('d1', deckBody([slide], '2025-03-02T00:00:00.000Z'));
  const server = serve({
    'GET /api/views': () => jsonAnswer(200, { views: [saved, deck('l1', { query: 'v=1' }, 'link')] }),
    'POST /api/views': () => jsonAnswer(201, { view: saved }),
    'PUT /api/views/d1': () => jsonAnswer(200, { view: saved }),
    'DELETE /api/views/d1': () => jsonAnswer(204, null),
    'GET /api/views/d1': () => jsonAnswer(200, { view: saved }),
  });
  setCsrfToken('token-1');
  expect((await listViews('slides')).map((view) => view.id)).toEqual(['d1']);
  expect(await listViews()).toHaveLength(2);
  expect(await saveView({ kind: 'slides', title: 'deck d1', body: saved.body })).toEqual(saved);
  await updateView('d1', { kind: 'slides', title: 'deck d1', body: saved.body });
  await deleteView('d1');
  expect(await getView('d1')).toEqual(saved);
  const writes = server.requests.filter((request) => request.method !== 'GET');
  expect(writes.map((request) => `${request.method} ${request.path}`)).toEqual([
    'POST /api/views',
    'PUT /api/views/d1',
    'DELETE /api/views/d1',
  ]);
  for (const write of writes) expect(write.headers['x-csrf-token']).toBe('token-1');
  expect(JSON.parse(String(writes[0].body))).toEqual({ kind: 'slides', title: 'deck d1', body: saved.body });
});

test('a view someone else owns cannot be changed: the server’s refusal reaches the caller', async () => {
  serve({
    'PUT /api/views/d1': () => jsonAnswer(403, { error: 'forbidden', message: '没有权限执行此操作。' }),
  });
  await expect(updateView('d1', { kind: 'slides', title: 'x', body: {} })).rejects.toMatchObject({
    status: 403,
    code: 'forbidden',
    message: '没有权限执行此操作。',
  });
});

const entry = (id: number): AuditEntry => ({
  id,
  at: new Date(Date.UTC(2025, 2, 1, 0, id)).toISOString(),
  userId: 7,
  username: 'wang',
  displayName: '王芳',
  action: 'status.set',
  datasetId: 'ds-1',
  rowKey: `52010200${id}`,
  field: '5g',
  oldValue: false,
  newValue: true,
  note: null,
  source: 'field',
  mutationId: null,
  detail: null,
});

test('a user’s latest activity is read to the end of the log and shown newest first', async () => {
  const all = Array.from({ length: 7 }, (_, index) => entry(index + 1));
  const server = serve({
    'GET /api/audit': (request) => {
      const after = Number(request.query.get('after'));
      const page = all.filter((e) => e.id > after).slice(0, 3);
      const last = page.at(-1)!.id;
      return jsonAnswer(200, { entries: page, nextAfter: last < 7 ? last : null });
    },
  });
  const latest = await latestAuditEntries(7, 4);
  expect(latest.map((e) => e.id)).toEqual([7, 6, 5, 4]);
  expect(server.requests.map((r) => r.query.get('after'))).toEqual(['0', '3', '6']);
  expect(server.requests.every((r) => r.query.get('userId') === '7')).toBe(true);
});

test('the CSV export is the server’s file, byte for byte, under the name it gives', async () => {
  const csv = '\uFEFF时间,用户,动作\r\n2025-03-01 08:01:00 +08:00,王芳 (wang),修改状态\r\n';
  const server = serve({
    'GET /api/audit': () =>
      new Response(csv, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="audit-log.csv"; filename*=UTF-8''${encodeURIComponent('操作记录.csv')}`,
        },
      }),
  });
  const file = await auditCsv(7);
  expect(file.fileName).toBe('操作记录.csv');
  expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes)).toBe(csv);
  expect(server.requests[0].query.get('format')).toBe('csv');
  expect(server.requests[0].query.get('userId')).toBe('7');
});
