// One browser test file's app: `useApp()` at the top of a file (or a describe block) starts
// Chromium before its tests, opens the built app, and after every test fails it if any page it
// opened asked another host for anything or logged an error (see browser.ts); the browser closes
// after the last test.
//
//   const app = useApp({ sample: true });
//   test('…', async () => { const { page } = app; … });
//
// Rules relied on: pages opened with `app.open` / `app.openTab` are watched like the first one;
// waits for the app's work use `poll` (a time limit tied to the test's) or `settled` (atlas.ts).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { settled } from './atlas';
import {
  launchBrowser,
  openInContext,
  openPage,
  PageChecks,
  waitTimeoutMs,
  whenReady,
  type PageOptions,
} from './browser';

export { appUrl, whenReady } from './browser';

export interface AppOptions extends PageOptions {
  /** Loads the seeded sample with its button, as a user does, and waits until it is drawn. */
  sample?: boolean;
  /** Waits for the engine worker as well as the map (implied by `sample`). */
  engine?: boolean;
}

export interface App {
  /** The page opened before the first test. */
  readonly page: Page;
  /** From navigation to the map's first full draw ('map-ready'), in the first page. */
  readonly coldLoadMs: number;
  /** Another page, in a new browser profile, watched like the first. */
  open(options?: AppOptions): Promise<Page>;
  /** Another page of an existing profile (its storage shared), watched like the first. */
  openTab(context: BrowserContext, query?: string): Promise<Page>;
  /** A console error this test provokes on purpose (it must then appear). */
  expectConsoleError(pattern: RegExp): void;
}

/** The set-up of a file's app; returns the handle its tests use. */
export function useApp(options: AppOptions = {}): App {
  const checks = new PageChecks();
  let browser: Browser | undefined;
  let first: { page: Page; coldLoadMs: number } | undefined;

  const open = async (pageOptions: AppOptions) => {
    const opened = await openPage(browser!, checks, pageOptions);
    if (pageOptions.engine || pageOptions.sample) await whenReady(opened.page, 'engine');
    if (pageOptions.sample) await loadSample(opened.page);
    return opened;
  };
  const expectClean = () => {
    const { foreignRequests, consoleErrors, expectedButMissing } = checks.take();
    expect(foreignRequests, 'requests that left the origin').toEqual([]);
    expect(consoleErrors, 'console errors').toEqual([]);
    expect(expectedButMissing, 'expected console errors that never came').toEqual([]);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    first = await open(options);
  }, 300_000);
  afterEach(expectClean);
  afterAll(async () => {
    try {
      expectClean();
    } finally {
      await browser?.close();
    }
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the app is opened in beforeAll: use it inside a test or hook');
    return value;
  };
  return {
    get page() {
      return started(first).page;
    },
    get coldLoadMs() {
      return started(first).coldLoadMs;
    },
    open: async (pageOptions = {}) => (await open(pageOptions)).page,
    openTab: (context, query) => openInContext(checks, context, query),
    expectConsoleError: (pattern) => checks.expectConsoleError(pattern),
  };
}

/**
 * The time limit of a test that reloads the app with the sample, or waits for several refreshes,
 * flights or exports drawn in software WebGL: 10–60 s on a busy 2-core machine, up to three times
 * that while other work holds both cores. The waits inside it (`poll`) scale with it.
 */
export const SLOW_TEST_MS = 180_000;

/** Loads the seeded sample with its button, as a user does, and waits until the map has drawn it. */
export async function loadSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await page.getByTestId('choropleth-legend').waitFor({ timeout: waitTimeoutMs() });
  await settled(page);
}

/** What each side-panel tab shows once its code has arrived (the tab's id is `tab-<key>`). */
const TAB_PANELS: Record<string, string> = {
  layers: 'layer-panel',
  planning: 'planning-panel',
  scorecard: 'scorecard-panel',
  slides: 'slides-panel',
};

/**
 * Shows a side-panel tab (by its accessible name, exactly) as a user does, and waits for the panel's
 * own content: the planning, scorecard and slides panels load when first shown (src/ui/lazyPanels.tsx),
 * and meanwhile the tab shows a loading note.
 */
export async function showTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  const key = (await tab.getAttribute('id'))!.replace(/^tab-/, '');
  await page.locator(`#panel-${key}`).getByTestId(TAB_PANELS[key]).waitFor({ timeout: waitTimeoutMs() });
}

/**
 * `expect.poll` for what waits on the app's work: with a time limit tied to the test's, not 1 s.
 * Inside a test only (as `expect.poll`); a hook waits with `page.waitForFunction` or a locator.
 */
export const poll = <T>(read: () => T | Promise<T>, message?: string) =>
  expect.poll(read, { timeout: waitTimeoutMs(), message });

export { waitTimeoutMs };
