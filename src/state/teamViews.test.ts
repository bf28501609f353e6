// Opening a team deck into the slides panel, with a stand-in server behind fetch and IndexedDB in
// memory: the user's choice replaces or appends, and a deck the server returns damaged changes
// nothing and names its problem.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { SlideRecord } from '../core/slidesFile';
import { fakeServer, jsonAnswer, memoryStorage } from '../team/fakeServer';
import { deckBody, type SharedView } from '../team/views';

const slide = (id: string, name: string): SlideRecord => ({
  id,
  name,
  caption: '',
  view: 'v=1&y=2025',
  createdAt: '2025-03-01T08:00:00.000Z',
  bounds: [104, 24.5, 109.5, 29.2],
});
const view = (body: unknown): SharedView => ({
  id: 'd1',
  kind: 'slides',
  title: '周例会',
  body,
  owner: '李强',
  ownerId: 2,
  createdAt: '2025-03-01T08:00:00.000Z',
  updatedAt: '2025-03-02T08:00:00.000Z',
});

beforeEach(() => {
  vi.resetModules();
  // A fresh database per test: the app's database name is fixed, so the whole factory is replaced.
  vi.stubGlobal('indexedDB', new (globalThis.IDBFactory as { new (): IDBFactory })());
  vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
  vi.stubGlobal('localStorage', memoryStorage());
});
afterEach(() => vi.unstubAllGlobals());

async function pageWith(local: SlideRecord[], deck: SharedView) {
  vi.stubGlobal('fetch', fakeServer({ 'GET /api/views/d1': () => jsonAnswer(200, { view: deck }) }).fetch);
  const { importSlides } = await import('../storage/slides');
  await importSlides(local);
  const slides = await import('./slides');
  await slides.loadSlides();
  const teamViews = await import('./teamViews');
  return { ...teamViews, names: () => slides.useSlides.getState().slides.map((s) => s.name) };
}

const mine = [slide('a', '我的 1'), slide('b', '我的 2')];
const theirs = [slide('x', '团队 1'), slide('y', '团队 2'), slide('z', '团队 3')];

test('opening a deck asks first; replacing leaves only its slides, in its order', async () => {
  const page = await pageWith(mine, view(deckBody(theirs, '2025-03-02T00:00:00.000Z')));
  expect(await page.openTeamDeck('d1')).toBe(true);
  expect(page.names()).toEqual(['我的 1', '我的 2']);
  expect(page.useTeamViews.getState().opening?.slides).toHaveLength(3);
  expect(await page.applyOpenedDeck('replace')).toBe(true);
  expect(page.names()).toEqual(['团队 1', '团队 2', '团队 3']);
  expect(page.useTeamViews.getState()).toMatchObject({
    opening: null,
    message: { key: 'teamViews.deckReplaced', values: { count: 3 }, error: false },
  });
});

test('appending puts the deck after the slides already here', async () => {
  const page = await pageWith(mine, view(deckBody(theirs, '2025-03-02T00:00:00.000Z')));
  await page.openTeamDeck('d1');
  await page.applyOpenedDeck('append');
  expect(page.names()).toEqual(['我的 1', '我的 2', '团队 1', '团队 2', '团队 3']);
});

test('a damaged deck from the server changes nothing and its problem is named', async () => {
  const body = deckBody(theirs, '2025-03-02T00:00:00.000Z') as { slides: Record<string, unknown>[] };
  body.slides[1] = { ...body.slides[1], name: '' };
  const page = await pageWith(mine, view(body));
  expect(await page.openTeamDeck('d1')).toBe(false);
  expect(page.useTeamViews.getState()).toMatchObject({
    opening: null,
    message: { key: 'slides.error.bad-slide', values: { slide: 2, field: 'name' }, error: true },
  });
  expect(await page.applyOpenedDeck('replace')).toBe(false);
  expect(page.names()).toEqual(['我的 1', '我的 2']);
});
