// A team on one atlas, as its people use it: the real server (PGlite in a temporary folder) started
// as `npm start` starts it, an administrator, two county editors (从江县, 息烽县) and a village sheet
// the administrator uploaded. Each person in their own browser profile.
//
// What is checked: team mode and sign-in; a county editor cannot change another county's village
// (the editor refuses, and so does the API); an edit made offline counts at once and syncs after
// reconnecting; two people changing the same field from the same base: one applies, one goes to the
// review queue, both in the audit log; the app opens with the server gone (service worker); the
// server killed with SIGKILL mid-sync and restarted: every acknowledged edit there, none twice.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { launchBrowser, PageChecks, waitTimeoutMs, whenReady } from './browser';
import { poll, SLOW_TEST_MS } from './harness';
import { startTeamServer, TeamApiClient, type TeamServer } from './teamServer';
import {
  createPerson,
  expectCleanPages,
  selectCounty,
  signedInPage,
  TEAM_PASSWORD,
  type Person,
} from './teamPages';

const PASSWORD = TEAM_PASSWORD;
const ADMINISTRATOR = { username: 'admin', displayName: '省公司管理员' };
const CONGJIANG_EDITOR: Person = {
  username: 'congjiang',
  displayName: '从江编辑',
  role: 'editor',
  areas: ['522633'],
};
const SCREENSHOTS = 'test/e2e/screenshots';

/** The first 12 villages of a county in the NBS list: code, name. */
function villagesOf(countyAdcode: string) {
  return readFileSync('geodata/villages.csv', 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((fields) => fields[4] === countyAdcode)
    .slice(0, 12)
    .map(([code, name]) => ({ code, name }));
}
const CONGJIANG = villagesOf('522633');
const XIFENG = villagesOf('520122');

let server: TeamServer;
let admin: TeamApiClient;
let datasetId: string;
let browser: Browser;
let checks: PageChecks;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTeamServer();
  expect(server.setupLink, 'the first start prints the administrator link').toMatch(/#setup=/);
  admin = new TeamApiClient(server.url);
  await admin.setUpAdministrator(server.setupLink!, 'admin', PASSWORD);
  await createPerson(server, admin, CONGJIANG_EDITOR);
  await createPerson(server, admin, {
    username: 'xifeng',
    displayName: '息烽编辑',
    role: 'editor',
    areas: ['520122'],
  });
  const sheet = [
    '村代码,村名,光纤,千兆,5G',
    ...[...CONGJIANG, ...XIFENG].map((v) => `${v.code},${v.name},是,否,否`),
  ].join('\n');
  const query = new URLSearchParams({
    fileName: '团队村表.csv',
    name: '团队村表',
    layer: 'villages',
    datum: 'gcj02',
  });
  const uploaded = await admin.expectOk<{ dataset: { id: string }; acceptedCount: number }>(
    'POST',
    `/api/datasets?${query}`,
    new TextEncoder().encode(sheet),
  );
  expect(uploaded.acceptedCount).toBe(24);
  datasetId = uploaded.dataset.id;
  checks = new PageChecks(new URL(server.url).origin);
  browser = await launchBrowser();
}, 600_000);

afterEach(() => expectCleanPages(checks));

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A new browser profile at the team server, signed in through the sign-in dialog. */
/** Opens the status editor of a village from the county's village list. */
async function openEditor(page: Page, code: string) {
  if (!(await page.getByTestId('village-list').isVisible()))
    await page.getByRole('button', { name: '村庄清单（按状态筛选）' }).click();
  await page.getByTestId('village-list').waitFor();
  await page
    .getByTestId('village-table')
    .locator(`tr[data-code="${code}"]`)
    .getByTestId('village-edit')
    .click();
  const dialog = page.getByTestId('status-editor');
  await dialog.waitFor();
  return dialog;
}

async function saveEdit(page: Page, code: string, field: string, value: 'true' | 'false', note: string) {
  const dialog = await openEditor(page, code);
  await dialog.getByLabel('状态项').selectOption(field);
  await dialog.getByLabel('操作').selectOption('set');
  await dialog.getByLabel('状态', { exact: true }).selectOption(value);
  await dialog.getByLabel('日期').fill('2026-12-01');
  await dialog.getByLabel('备注').fill(note);
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await dialog.locator('.saved').waitFor();
  const saved = await dialog.locator('.saved').textContent();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  return saved;
}

const syncStatus = (page: Page) => page.getByTestId('sync-status').textContent();

let congjiang: Page;

test(
  'the app says it is in team mode and shows the team’s village sheet after signing in',
  { timeout: SLOW_TEST_MS * 2 },
  async () => {
    congjiang = await signedInPage(browser, checks, server.url, CONGJIANG_EDITOR, contexts);
    expect(await congjiang.getByTestId('team-user').textContent()).toBe('团队模式 · 从江编辑（县级编辑）');
    await selectCounty(congjiang, '从江县');
    // All 12 villages of the sheet say 千兆 否: the county's share comes from the team's sheet.
    await poll(() => congjiang.getByTestId('metric-villages.gigabit').textContent()).toContain('0.0');
  },
);

test(
  'a county editor cannot change another county’s village: the editor refuses, and so does the API',
  { timeout: SLOW_TEST_MS * 2 },
  async () => {
    await selectCounty(congjiang, '息烽县');
    const dialog = await openEditor(congjiang, XIFENG[0].code);
    await poll(() => dialog.getByTestId('edit-refusal').textContent()).toContain('不在您负责的区域');
    expect(await dialog.getByRole('button', { name: '保存', exact: true }).isDisabled()).toBe(true);
    await congjiang.keyboard.press('Escape');

    const api = new TeamApiClient(server.url);
    await api.signIn('congjiang', PASSWORD);
    const refused = await api.request<{ error: string; message: string }>('POST', '/api/status', {
      mutationId: crypto.randomUUID(),
      datasetId,
      rowKey: XIFENG[0].code,
      field: 'gigabit',
      kind: 'set',
      value: true,
      date: '2026-12-01',
      note: '越权',
      source: 'desk',
      editedAt: new Date().toISOString(),
      baseVersion: 0,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('outside-area');
    expect(refused.body.message).toContain('不在您负责的区域');
  },
);

test(
  'an edit made offline counts at once, waits in the outbox and syncs after reconnecting',
  { timeout: SLOW_TEST_MS * 2 },
  async () => {
    await selectCounty(congjiang, '从江县');
    checks.expectConsoleError(/ERR_INTERNET_DISCONNECTED|Failed to load resource/);
    await congjiang.context().setOffline(true);
    const saved = await saveEdit(congjiang, CONGJIANG[0].code, 'gigabit', 'true', '离线核实');
    expect(saved).toContain('等待同步');
    // 1 of 12 villages now has gigabit: counted before the server knows.
    await poll(() => congjiang.getByTestId('metric-villages.gigabit').textContent()).toContain('8.3');
    await poll(() => syncStatus(congjiang)).toContain('1 条修改待同步');

    await congjiang.context().setOffline(false);
    await poll(() => syncStatus(congjiang)).toBe('所有修改已同步。');
    const history = await admin.expectOk<{ edits: Array<{ author: string; value: boolean; note: string }> }>(
      'GET',
      `/api/datasets/${datasetId}/rows/${CONGJIANG[0].code}/history`,
    );
    expect(history.edits).toEqual([
      expect.objectContaining({ author: '从江编辑', value: true, note: '离线核实' }),
    ]);
    expect(await congjiang.getByTestId('metric-villages.gigabit').textContent()).toContain('8.3');
  },
);

test(
  'two people change the same field from the same base: one applies, one goes to the review queue, both audited',
  { timeout: SLOW_TEST_MS * 3 },
  async () => {
    const administrator = await signedInPage(browser, checks, server.url, ADMINISTRATOR, contexts);
    await selectCounty(administrator, '从江县');
    const village = CONGJIANG[1];
    // Offline requests, and the 409 of the change that lost, are logged by Chromium as failed loads.
    checks.expectConsoleError(/ERR_INTERNET_DISCONNECTED|Failed to load resource/);
    // Both see the same version, then both change 5G while offline.
    await congjiang.context().setOffline(true);
    await administrator.context().setOffline(true);
    await saveEdit(congjiang, village.code, '5g', 'true', '县里：已开通');
    await saveEdit(administrator, village.code, '5g', 'false', '省里：未开通');
    await congjiang.context().setOffline(false);
    await poll(() => syncStatus(congjiang)).toBe('所有修改已同步。');
    await administrator.context().setOffline(false);
    await poll(() => administrator.getByTestId('outbox-conflict').textContent()).toContain('冲突');

    const queue = administrator.getByTestId('conflict-queue');
    await poll(() => queue.getByTestId('conflict-item').count()).toBe(1);
    expect(await queue.getByTestId('conflict-item').textContent()).toContain(village.name);

    const audit = await admin.expectOk<{ entries: Array<{ action: string; rowKey: string | null }> }>(
      'GET',
      `/api/audit?datasetId=${datasetId}`,
    );
    const actions = audit.entries
      .filter((entry) => entry.rowKey === village.code)
      .map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['status.set', 'status.conflict']));
    await administrator.context().close();
  },
);

test(
  'the server killed with SIGKILL mid-sync and restarted: every acknowledged edit is there, none twice',
  { timeout: SLOW_TEST_MS * 4 },
  async () => {
    const edits = CONGJIANG.slice(2, 8);
    checks.expectConsoleError(/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|Failed to load resource/);
    await congjiang.context().setOffline(true);
    for (const [i, village] of edits.entries())
      await saveEdit(congjiang, village.code, 'fiber', 'false', `断电测试 ${i + 1}`);
    await poll(() => syncStatus(congjiang)).toContain(`${edits.length} 条修改待同步`);

    await congjiang.context().setOffline(false);
    // Killed as soon as the first edits are acknowledged, while the rest wait or travel.
    await poll(async () => {
      const text = (await syncStatus(congjiang)) ?? '';
      const waiting = Number(/(\d+) 条修改待同步/.exec(text)?.[1] ?? 0);
      return waiting < edits.length;
    }).toBe(true);
    await server.kill();
    await server.restart();

    await poll(() => syncStatus(congjiang)).toBe('所有修改已同步。');
    const fresh = new TeamApiClient(server.url);
    await fresh.signIn('admin', PASSWORD);
    const { edits: onServer } = await fresh.expectOk<{
      edits: Array<{ note: string; mutationId: string; rowKey: string; version: number }>;
    }>('GET', `/api/datasets/${datasetId}/edits?after=0`);
    const blackout = onServer.filter((edit) => edit.note.startsWith('断电测试'));
    expect(blackout.map((edit) => edit.note).sort()).toEqual(edits.map((_, i) => `断电测试 ${i + 1}`).sort());
    expect(new Set(blackout.map((edit) => edit.mutationId)).size).toBe(edits.length);
    expect(blackout.every((edit) => edit.version === 1)).toBe(true);
  },
);

test(
  'with the server gone, the app still opens from the service worker and keeps the team’s copy',
  { timeout: SLOW_TEST_MS * 2 },
  async () => {
    await congjiang.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    checks.expectConsoleError(/ERR_CONNECTION_REFUSED|Failed to load resource/);
    await server.stop();
    await congjiang.reload();
    await whenReady(congjiang, 'engine');
    await poll(() => congjiang.getByTestId('team-offline').isVisible()).toBe(true);
    await selectCounty(congjiang, '从江县');
    // The synced edit (1 village with gigabit of 12) still counts from the copy kept in the browser.
    await poll(() => congjiang.getByTestId('metric-villages.gigabit').textContent()).toContain('8.3');
    await server.restart();
  },
);

test(
  'the team’s screens fit a desktop, a 1280×720 projector and a 390×844 phone',
  { timeout: SLOW_TEST_MS * 2 },
  async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      context.setDefaultTimeout(waitTimeoutMs());
      const page = await checks.watch(await context.newPage());
      await page.goto(server.url);
      await whenReady(page, 'engine');
      const login = page.getByRole('dialog', { name: '登录团队图集' });
      await login.waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}/team-login-${viewport.width}.png` });
      await login.getByLabel('用户名').fill('admin');
      await login.getByLabel('密码').fill(PASSWORD);
      await login.getByRole('button', { name: '登录' }).click();
      await poll(() => page.getByTestId('team-user').textContent()).toContain('省公司管理员');
      await page.getByRole('button', { name: '用户管理' }).click();
      const users = page.getByRole('dialog', { name: '用户管理' });
      await users.waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}/team-users-${viewport.width}.png` });
      // The users page lies inside the window and scrolls within itself, never sideways.
      const box = (await users.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(await users.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
      await page.keyboard.press('Escape');
      await page.getByTestId('outbox-panel').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOTS}/team-sync-${viewport.width}.png` });
      await context.close();
    }
  },
);
