// The team's saved views, as two colleagues use them against the real server (PGlite in a temporary
// folder): the administrator saves a team link and a slide deck; a county editor opens the short
// link (signing in first) and sees the same place, and opens the deck into their slides panel; the
// administrator then reads the editor's activity on the users page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { launchBrowser, PageChecks } from './browser';
import { poll, SLOW_TEST_MS } from './harness';
import { startTeamServer, TeamApiClient, type TeamServer } from './teamServer';
import { createPerson, expectCleanPages, selectCounty, signedInPage, TEAM_PASSWORD } from './teamPages';

const PASSWORD = TEAM_PASSWORD;

let server: TeamServer;
let browser: Browser;
let checks: PageChecks;

beforeAll(async () => {
  server = await startTeamServer();
  const admin = new TeamApiClient(server.url);
  await admin.setUpAdministrator(server.setupLink!, 'admin', PASSWORD);
  await createPerson(server, admin, {
    username: 'xifeng',
    displayName: '息烽编辑',
    role: 'editor',
    areas: ['520122'],
  });
  checks = new PageChecks(new URL(server.url).origin);
  browser = await launchBrowser();
}, 600_000);

afterEach(() => expectCleanPages(checks));

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

let adminPage: Page;

test(
  'a team link opens the same place for a colleague, after they sign in',
  async () => {
    adminPage = await signedInPage(browser, checks, server.url, {
      username: 'admin',
      displayName: '省公司管理员',
    });
    await selectCounty(adminPage, '息烽县');
    await adminPage.getByTestId('save-team-link').click();
    await adminPage.getByTestId('team-link-title').fill('息烽县现状');
    await adminPage.getByTestId('team-link-save').click();
    // Copied where the clipboard allows it, else shown in a field to copy by hand.
    const copied = adminPage.getByTestId('team-link-copied').or(adminPage.getByTestId('team-link'));
    await copied.waitFor();
    const link =
      (await copied.getAttribute('data-link')) ?? (await adminPage.getByTestId('team-link').inputValue());
    expect(link).toMatch(new RegExp(`^${new URL(server.url).origin}/\\?view=[\\w-]+$`));

    const editor = await signedInPage(browser, checks, link, { username: 'xifeng', displayName: '息烽编辑' });
    await poll(() => editor.getByTestId('area-panel').locator('h2').textContent()).toBe('息烽县');
    await poll(() => new URL(editor.url()).searchParams.get('v')).toBe('1');
    await editor.context().close();

    // Reloaded before signing in (the address already shows the view, not the link): it still opens.
    const reloaded = await signedInPage(
      browser,
      checks,
      link,
      { username: 'xifeng', displayName: '息烽编辑' },
      [],
      { reloadBeforeSignIn: true },
    );
    await poll(() => reloaded.getByTestId('area-panel').locator('h2').textContent()).toBe('息烽县');
    await reloaded.context().close();
  },
  SLOW_TEST_MS,
);

test(
  'a deck saved to the team opens in a colleague’s slides panel; only its owner may change it',
  async () => {
    await adminPage.getByRole('tab', { name: '幻灯片' }).click();
    await adminPage.getByTestId('add-slide').click();
    await poll(() => adminPage.locator('ol.slides > li').count()).toBe(1);
    await adminPage.getByTestId('team-deck-title').fill('周例会');
    await adminPage.getByTestId('save-team-deck').click();
    await poll(() => adminPage.getByTestId('team-slides-message').textContent()).toBe('已保存到团队：周例会');

    const editor = await signedInPage(browser, checks, server.url, {
      username: 'xifeng',
      displayName: '息烽编辑',
    });
    await editor.getByRole('tab', { name: '幻灯片' }).click();
    const deck = editor.getByTestId('team-deck').filter({ hasText: '周例会' });
    await poll(() => deck.textContent()).toContain('省公司管理员');
    expect(await deck.getByTestId('delete-team-deck').count()).toBe(0);
    await editor.getByTestId('add-slide').click();
    await poll(() => editor.locator('ol.slides > li').count()).toBe(1);
    await deck.getByTestId('open-team-deck').click();
    await editor.getByTestId('deck-choice').waitFor();
    await editor.getByTestId('deck-append').click();
    await poll(() => editor.locator('ol.slides > li').count()).toBe(2);
    await editor.context().close();
  },
  SLOW_TEST_MS,
);

test(
  'the users page shows a colleague’s latest activity in words',
  async () => {
    await adminPage.getByRole('button', { name: '用户管理' }).click();
    const row = adminPage.locator('tr[data-username="xifeng"]');
    await row.getByRole('button', { name: '活动记录' }).click();
    const activity = adminPage.getByTestId('user-activity');
    await poll(() => activity.textContent()).toContain('修改密码');
    expect(await activity.textContent()).toContain('登录');
    expect(await activity.textContent()).not.toContain('user.password-change');
  },
  SLOW_TEST_MS,
);
