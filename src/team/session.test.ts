import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { apiJson } from './api';
import { fakeServer, jsonAnswer, memoryStorage, offlineFetch } from './fakeServer';
import {
  REMEMBERED_USER_KEY,
  changePassword,
  currentUser,
  detectMode,
  login,
  logout,
  rememberedUser,
  setupTokenOf,
  type TeamUser,
} from './session';

const editor: TeamUser = {
  id: 7,
  username: 'wang',
  displayName: '王芳',
  role: 'editor',
  areas: ['520102'],
  disabled: false,
  mustChangePassword: false,
  createdAt: '2025-01-02T03:04:05.000Z',
};
const health = { mode: 'team', engine: 'pglite', setupNeeded: false };

beforeEach(() => {
  vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
  vi.stubGlobal('localStorage', memoryStorage());
});
afterEach(() => vi.unstubAllGlobals());

const serve = (routes: Parameters<typeof fakeServer>[0]) => {
  const server = fakeServer(routes);
  vi.stubGlobal('fetch', server.fetch);
  return server;
};

test('a team server answering the health check puts the app in team mode', async () => {
  serve({ 'GET /api/health': () => jsonAnswer(200, { ...health, setupNeeded: true }) });
  expect(await detectMode()).toEqual({
    mode: 'team',
    online: true,
    health: { ...health, setupNeeded: true },
  });
});

test('static hosting (the page for every path, or a 404) is local mode, after one request only', async () => {
  const page = serve({
    'GET /api/health': () =>
      new Response('<!doctype html><title>贵州通信覆盖图</title>', {
        headers: { 'content-type': 'text/html' },
      }),
  });
  expect(await detectMode()).toEqual({ mode: 'local' });
  expect(page.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/health']);

  localStorage.setItem(REMEMBERED_USER_KEY, JSON.stringify(editor));
  serve({ 'GET /api/health': () => new Response('Not Found', { status: 404 }) });
  expect(await detectMode()).toEqual({ mode: 'local' });
});

test('JSON that is not the team server’s health is local mode', async () => {
  serve({ 'GET /api/health': () => jsonAnswer(200, { status: 'ok' }) });
  expect(await detectMode()).toEqual({ mode: 'local' });
});

test('without a connection, the user who signed in last keeps the app in team mode', async () => {
  vi.stubGlobal('fetch', offlineFetch);
  expect(await detectMode()).toEqual({ mode: 'local' });
  localStorage.setItem(REMEMBERED_USER_KEY, JSON.stringify(editor));
  expect(await detectMode()).toEqual({ mode: 'team', online: false, rememberedUser: editor });
});

test('a proxy answering 502 for a stopped server counts as offline, not as no server', async () => {
  localStorage.setItem(REMEMBERED_USER_KEY, JSON.stringify(editor));
  serve({ 'GET /api/health': () => new Response('Bad Gateway', { status: 502 }) });
  expect(await detectMode()).toMatchObject({ mode: 'team', online: false });
});

test('signing in remembers the user and sends the session’s CSRF token with every write', async () => {
  const server = serve({
    'POST /api/login': () => jsonAnswer(200, { user: editor, csrfToken: 'token-1' }),
    'POST /api/views': () => jsonAnswer(201, {}),
    'GET /api/views': () => jsonAnswer(200, {}),
  });
  expect(await login('wang', 'correct horse')).toEqual(editor);
  expect(JSON.parse(server.requests[0].body as string)).toEqual({
    username: 'wang',
    password: 'correct horse',
  });
  expect(rememberedUser()).toEqual(editor);
  await apiJson('POST', '/api/views', { json: {} });
  await apiJson('GET', '/api/views');
  expect(server.requests[1].headers['x-csrf-token']).toBe('token-1');
  expect(server.requests[2].headers['x-csrf-token']).toBeUndefined();
});

test('a refused sign-in carries the server’s message in the user’s language', async () => {
  vi.stubGlobal('document', { documentElement: { lang: 'en' } });
  const server = serve({
    'POST /api/login': (request) =>
      jsonAnswer(423, {
        error: 'account-locked',
        message: request.headers['accept-language'] === 'en' ? 'Locked until 10:15.' : '已锁定。',
      }),
  });
  await expect(login('wang', 'wrong')).rejects.toMatchObject({
    status: 423,
    code: 'account-locked',
    message: 'Locked until 10:15.',
  });
  expect(server.requests[0].headers['accept-language']).toBe('en');
  expect(rememberedUser()).toBeNull();
});

test('an ended session forgets the remembered user; a lost connection keeps them', async () => {
  localStorage.setItem(REMEMBERED_USER_KEY, JSON.stringify(editor));
  vi.stubGlobal('fetch', offlineFetch);
  await expect(currentUser()).rejects.toMatchObject({ code: 'offline' });
  expect(rememberedUser()).toEqual(editor);
  serve({ 'GET /api/me': () => jsonAnswer(401, { error: 'session-expired', message: '登录已过期' }) });
  expect(await currentUser()).toBeNull();
  expect(rememberedUser()).toBeNull();
});

test('signing out while offline fails and keeps the user; online it forgets them', async () => {
  serve({ 'POST /api/login': () => jsonAnswer(200, { user: editor, csrfToken: 'token-2' }) });
  await login('wang', 'pw');
  vi.stubGlobal('fetch', offlineFetch);
  await expect(logout()).rejects.toMatchObject({ code: 'offline' });
  expect(rememberedUser()).toEqual(editor);
  const server = serve({ 'POST /api/logout': () => new Response(null, { status: 204 }) });
  await logout();
  expect(server.requests[0].headers['x-csrf-token']).toBe('token-2');
  expect(rememberedUser()).toBeNull();
});

test('changing a temporary password clears the must-change mark of the remembered user', async () => {
  serve({
    'POST /api/login': () =>
      jsonAnswer(200, { user: { ...editor, mustChangePassword: true }, csrfToken: 'token-3' }),
    'POST /api/me/password': () => new Response(null, { status: 204 }),
  });
  await login('wang', 'temporary');
  await changePassword('temporary', 'my own password');
  expect(rememberedUser()?.mustChangePassword).toBe(false);
});

test('the set-up link’s token is read from the address hash, and nothing else is taken for one', () => {
  expect(setupTokenOf('#setup=Ab_c-9')).toBe('Ab_c-9');
  expect(setupTokenOf('')).toBeNull();
  expect(setupTokenOf('#setup=')).toBeNull();
  expect(setupTokenOf('#setup=a b')).toBeNull();
  expect(setupTokenOf('#other=abc')).toBeNull();
});

test('a remembered user that cannot be read is no user', () => {
  localStorage.setItem(REMEMBERED_USER_KEY, '{not json');
  expect(rememberedUser()).toBeNull();
  localStorage.setItem(REMEMBERED_USER_KEY, JSON.stringify({ username: 'x' }));
  expect(rememberedUser()).toBeNull();
});
