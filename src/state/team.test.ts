// Team mode's start-up as a page sees it, with a stand-in server behind fetch: local mode asks for
// nothing beyond the one health check, team mode signs in and brings the datasets, and a server
// out of reach is asked again until it answers.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { encodeColumnar } from '../core/io/columnarBinary';
import { fakeServer, jsonAnswer, memoryStorage, offlineFetch } from '../team/fakeServer';
import type { TeamUser } from '../team/session';

const planner: TeamUser = {
  id: 2,
  username: 'li',
  displayName: '李强',
  role: 'planner',
  areas: [],
  disabled: false,
  mustChangePassword: false,
  createdAt: '2025-01-01T00:00:00.000Z',
};
const dataset = {
  id: 'ds-1',
  layer: 'villages',
  version: 1,
  name: '村表',
  sourceFile: '村表.csv',
  datum: 'wgs84',
  rowCount: 1,
  rejectedCount: 0,
  uploadedBy: '李强',
  uploadedAt: '2025-02-01T00:00:00.000Z',
  etag: '"e1"',
};
const body = encodeColumnar({
  ...dataset,
  datum: 'wgs84',
  importedAt: dataset.uploadedAt,
  sample: false,
  columns: { lon: Float64Array.of(106.7), lat: Float64Array.of(26.5), name: ['花溪村'] },
});

let listeners: string[];

beforeEach(() => {
  vi.resetModules();
  listeners = [];
  vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
  vi.stubGlobal('localStorage', memoryStorage());
  vi.stubGlobal('location', { hash: '', pathname: '/', search: '' });
  vi.stubGlobal('addEventListener', (type: string) => listeners.push(type));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The slice and actions of a fresh page (the mode is decided once per page). */
const freshPage = () => import('./team');

test('local mode: one health check, nothing else asked of /api, no listener added', async () => {
  const server = fakeServer({
    'GET /api/health': () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
  });
  vi.stubGlobal('fetch', server.fetch);
  const { startTeamMode, useTeam, uploadsToTeam } = await freshPage();
  expect(useTeam.getState().mode).toBe('checking');
  await startTeamMode();
  await startTeamMode();
  expect(useTeam.getState()).toMatchObject({ mode: 'local', user: null, dialog: null });
  expect(server.requests.map((r) => r.path)).toEqual(['/api/health']);
  expect(listeners).toEqual([]);
  expect(uploadsToTeam()).toBe(false);
});

test('team mode with a session: the user is known and the server’s datasets are brought here', async () => {
  localStorage.setItem('gca.teamUser', JSON.stringify(planner));
  const server = fakeServer({
    'GET /api/health': () => jsonAnswer(200, { mode: 'team', engine: 'pglite', setupNeeded: false }),
    'GET /api/me': () => jsonAnswer(200, { user: planner, csrfToken: 't' }),
    'GET /api/datasets': () => jsonAnswer(200, { datasets: [dataset] }),
    'GET /api/datasets/ds-1': () => new Response(new Uint8Array(body), { headers: { etag: '"e1"' } }),
  });
  vi.stubGlobal('fetch', server.fetch);
  const { startTeamMode, useTeam, uploadsToTeam } = await freshPage();
  const { useDatasets } = await import('./datasets');
  await startTeamMode();
  await vi.waitFor(() => expect(useDatasets.getState().datasets.map((d) => d.id)).toContain('ds-1'));
  expect(useTeam.getState()).toMatchObject({ mode: 'team', online: true, user: planner, dialog: null });
  expect(uploadsToTeam()).toBe(true);
});

test('team mode without a session opens the sign-in; a refused sign-in is the server’s message', async () => {
  localStorage.setItem('gca.teamUser', JSON.stringify(planner));
  const server = fakeServer({
    'GET /api/health': () => jsonAnswer(200, { mode: 'team', engine: 'pglite', setupNeeded: false }),
    'GET /api/me': () => jsonAnswer(401, { error: 'session-expired', message: '登录已过期，请重新登录。' }),
    'POST /api/login': () => jsonAnswer(401, { error: 'bad-credentials', message: '用户名或密码不正确。' }),
  });
  vi.stubGlobal('fetch', server.fetch);
  const { signIn, startTeamMode, useTeam } = await freshPage();
  await startTeamMode();
  expect(useTeam.getState()).toMatchObject({ mode: 'team', user: null, dialog: 'login' });
  expect(localStorage.getItem('gca.teamUser')).toBeNull();
  expect(await signIn('li', 'wrong')).toEqual({ code: 'bad-credentials', message: '用户名或密码不正确。' });
  expect(useTeam.getState()).toMatchObject({ user: null, online: true, dialog: 'login' });
});

test('out of reach: the last user stays, and the server is asked again until it answers', async () => {
  localStorage.setItem('gca.teamUser', JSON.stringify(planner));
  vi.stubGlobal('fetch', offlineFetch);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const { startTeamMode, useTeam } = await freshPage();
  await startTeamMode();
  expect(useTeam.getState()).toMatchObject({ mode: 'team', online: false, user: planner });
  expect(listeners).toEqual(['online', 'offline']);
  const server = fakeServer({
    'GET /api/me': () => jsonAnswer(200, { user: planner, csrfToken: 't' }),
    'GET /api/datasets': () => jsonAnswer(200, { datasets: [] }),
  });
  vi.stubGlobal('fetch', server.fetch);
  expect(server.requests).toEqual([]);
  await vi.advanceTimersByTimeAsync(5_000);
  vi.useRealTimers();
  await vi.waitFor(() => expect(useTeam.getState().online).toBe(true));
  expect(server.requests.map((r) => r.path)).toContain('/api/me');
});

test('a browser nobody signed in from asks for a sign-in without asking the server who it is', async () => {
  const server = fakeServer({
    'GET /api/health': () => jsonAnswer(200, { mode: 'team', engine: 'pglite', setupNeeded: false }),
  });
  vi.stubGlobal('fetch', server.fetch);
  const { startTeamMode, useTeam } = await freshPage();
  await startTeamMode();
  expect(useTeam.getState()).toMatchObject({ mode: 'team', online: true, user: null, dialog: 'login' });
  expect(server.requests.map((r) => r.path)).toEqual(['/api/health']);
});

test('the first start (no account yet) asks for no sign-in, and a set-up link is read', async () => {
  vi.stubGlobal('location', { hash: '#setup=abc123', pathname: '/', search: '' });
  const server = fakeServer({
    'GET /api/health': () => jsonAnswer(200, { mode: 'team', engine: 'pglite', setupNeeded: true }),
  });
  vi.stubGlobal('fetch', server.fetch);
  const { startTeamMode, useTeam } = await freshPage();
  await startTeamMode();
  expect(useTeam.getState()).toMatchObject({ setupNeeded: true, setupToken: 'abc123', dialog: null });
});

test('only planners and administrators upload an import to the team', async () => {
  const { useTeam, uploadsToTeam } = await freshPage();
  for (const [role, expected] of [
    ['admin', true],
    ['planner', true],
    ['editor', false],
    ['viewer', false],
  ] as const) {
    useTeam.setState({ mode: 'team', user: { ...planner, role } });
    expect(uploadsToTeam(), role).toBe(expected);
  }
  useTeam.setState({ mode: 'local', user: planner });
  expect(uploadsToTeam()).toBe(false);
});
