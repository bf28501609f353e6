// Opens the built app in headless Chromium and records what must not happen on any page a test
// opens: a request leaving the app's origin (blob: and data: are the page's own), an error in the
// console or an uncaught exception, a Content-Security-Policy violation.
//
// Rules relied on: every page is opened through `openPage` or `PageChecks.watch`, so no page goes
// unwatched; a console error a test provokes on purpose is declared with `expectConsoleError`
// before it happens, and must then appear.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject, TestRunner } from 'vitest';
import { CHROMIUM_ARGS } from './chromium';

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** Appended to the app's address, e.g. '?v=1&m=stations.count'. */
  query?: string;
  /** The browser's language; the app opens in Simplified Chinese for 'zh-CN'. */
  locale?: string;
}

/**
 * How long a wait for the app's own work may take: most of the running test's time limit (the
 * project's outside a test), so a wait that runs out says what it waited for.
 */
export const waitTimeoutMs = () =>
  Math.round((TestRunner.getCurrentTest()?.timeout ?? inject('testTimeoutMs')) * 0.8);

export const appUrl = (query = '') => inject('baseUrl') + query;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS, headless: true });
}

/** What the watched pages did that they must not have, gathered until `take()`. */
export class PageChecks {
  private foreignRequests: string[] = [];
  private consoleErrors: string[] = [];
  private expected: Array<{ pattern: RegExp; seen: boolean }> = [];
  /** `origin`: the app's address (default: the static build's server). */
  constructor(private readonly origin = new URL(appUrl()).origin) {}

  /** Starts recording a page; call before it navigates, so the CSP listener is in place. */
  async watch(page: Page): Promise<Page> {
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(this.origin) && !url.startsWith('blob:') && !url.startsWith('data:'))
        this.foreignRequests.push(url);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleError(message.text());
    });
    page.on('pageerror', (error) => this.consoleError(String(error)));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    return page;
  }

  /** A console error the test provokes on purpose: it is not a failure, and it must appear. */
  expectConsoleError(pattern: RegExp): void {
    this.expected.push({ pattern, seen: false });
  }

  /** The problems since the last call, and forgets them (and the expected errors). */
  take(): { foreignRequests: string[]; consoleErrors: string[]; expectedButMissing: string[] } {
    const problems = {
      foreignRequests: this.foreignRequests,
      consoleErrors: this.consoleErrors,
      expectedButMissing: this.expected.filter((e) => !e.seen).map((e) => String(e.pattern)),
    };
    this.foreignRequests = [];
    this.consoleErrors = [];
    this.expected = [];
    return problems;
  }

  private consoleError(text: string): void {
    const expected = this.expected.find((e) => e.pattern.test(text));
    if (expected) expected.seen = true;
    else this.consoleErrors.push(text);
  }
}

/** Waits until the map has drawn for the first time (and, with `engine`, the engine worker is up). */
export async function whenReady(page: Page, what: 'map' | 'engine' = 'map'): Promise<void> {
  await page.waitForSelector('[data-map-ready="true"]', { state: 'attached' });
  if (what === 'engine') await page.waitForSelector('[data-engine-ready="true"]', { state: 'attached' });
}

/** A watched page of `context` at the app's address, once the map has drawn. */
export async function openInContext(checks: PageChecks, context: BrowserContext, query = ''): Promise<Page> {
  const page = await checks.watch(await context.newPage());
  await page.goto(appUrl(query));
  await whenReady(page);
  return page;
}

/** The phases of a page's cold load, in ms from navigation (see `coldLoadPhases`). */
export interface ColdLoadPhases {
  /** The page's script has run (DOMContentLoaded follows the module script). */
  scriptMs: number;
  /** The first paint (the header and the panel, the map still blank). */
  firstPaintMs: number;
  /** MapLibre has loaded its style ('map-load'); the boundaries go to its worker from here. */
  styleMs: number;
  /** MapLibre's first idle with the boundaries drawn ('map-ready'): the map is interactive. */
  mapReadyMs: number;
}

/** Reads a page's cold-load phases from its performance timeline, once the map has drawn. */
export const coldLoadPhases = (page: Page): Promise<ColdLoadPhases> =>
  page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      scriptMs: navigation.domContentLoadedEventEnd,
      firstPaintMs: at('first-paint'),
      styleMs: at('map-load'),
      mapReadyMs: at('map-ready'),
    };
  });

/** A watched page in a new browser profile (its own storage), once the map has drawn. */
export async function openPage(
  browser: Browser,
  checks: PageChecks,
  options: PageOptions = {},
): Promise<{ page: Page; coldLoadMs: number }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale: options.locale ?? 'zh-CN',
  });
  context.setDefaultTimeout(waitTimeoutMs());
  const page = await openInContext(checks, context, options.query);
  const coldLoadMs = await page.evaluate(() => performance.getEntriesByName('map-ready')[0].startTime);
  return { page, coldLoadMs };
}
