// What the team browser tests share: people created as an administrator would (each then changing
// the temporary password, as the app makes them), a browser profile signed in through the sign-in
// dialog, and the county search.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PageChecks, waitTimeoutMs, whenReady } from './browser';
import { poll } from './harness';
import { TeamApiClient, type TeamServer } from './teamServer';

export const TEAM_PASSWORD = 'correct-horse-battery';

export interface Person {
  username: string;
  displayName: string;
  role: 'admin' | 'planner' | 'editor' | 'viewer';
  areas?: string[];
}

/** Creates `person` (signed in as `admin`) with TEAM_PASSWORD as their own password. */
export async function createPerson(server: TeamServer, admin: TeamApiClient, person: Person): Promise<void> {
  await admin.expectOk('POST', '/api/users', { areas: [], ...person, password: 'temporary-password' });
  const client = new TeamApiClient(server.url);
  await client.signIn(person.username, 'temporary-password');
  await client.expectOk('POST', '/api/me/password', {
    currentPassword: 'temporary-password',
    newPassword: TEAM_PASSWORD,
  });
}

/** A new browser profile opening `address`, signed in through the sign-in dialog. */
export async function signedInPage(
  browser: Browser,
  checks: PageChecks,
  address: string,
  person: Pick<Person, 'username' | 'displayName'>,
  contexts: BrowserContext[] = [],
  options: { reloadBeforeSignIn?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(waitTimeoutMs());
  contexts.push(context);
  const page = await checks.watch(await context.newPage());
  await page.goto(address);
  await whenReady(page, 'engine');
  const login = page.getByRole('dialog', { name: '登录团队图集' });
  if (options.reloadBeforeSignIn) {
    await login.waitFor();
    await page.reload();
    await whenReady(page, 'engine');
  }
  await login.getByLabel('用户名').fill(person.username);
  await login.getByLabel('密码').fill(TEAM_PASSWORD);
  await login.getByRole('button', { name: '登录' }).click();
  await poll(() => page.getByTestId('team-user').textContent()).toContain(person.displayName);
  return page;
}

/** Selects a county with the search box (closing an open village list first: it lists its own county). */
export async function selectCounty(page: Page, name: string): Promise<void> {
  const close = page.getByRole('button', { name: '关闭村庄清单' });
  if (await close.isVisible()) await close.click();
  await page.getByRole('combobox', { name: '搜索地点' }).fill(name);
  await page.getByRole('listbox').getByRole('option').filter({ hasText: name }).first().click();
  await poll(() => page.getByTestId('area-panel').locator('h2').textContent()).toBe(name);
}

/** After each test: no page left the origin or logged an error it was not expected to. */
export function expectCleanPages(checks: PageChecks): void {
  const { foreignRequests, consoleErrors, expectedButMissing } = checks.take();
  expect(foreignRequests, 'requests that left the origin').toEqual([]);
  expect(consoleErrors, 'console errors').toEqual([]);
  expect(expectedButMissing, 'expected console errors that never came').toEqual([]);
}
