// The layout on a desktop, a projector and a phone: while nothing is loaded the sample button leads
// the panel; the map says "正在准备图层…" while a layer is prepared, after a year step and after
// zooming into a county, until the app is settled and the county's station points are drawn; with
// the sample, that county and its ranking shown the panel never scrolls sideways (wide widgets scroll
// inside themselves) at 1440×900, 1280×720 and 390×844, on every tab.
//
// The tests run in order on one page: the zoom into the county is the page's first at station level.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { nextFrames, renderedCount, settled } from './atlas';
import { loadSample, poll, showTab, SLOW_TEST_MS, useApp } from './harness';
import { XIFENG } from './places';

const SCREENSHOTS = 'test/e2e/screenshots';
const TABS = ['图层', '规划', '规划进度', '幻灯片'] as const;

const app = useApp({ engine: true });
let page: Page;
beforeAll(() => {
  page = app.page;
});

/** Each element that could scroll sideways, with how far it would. */
const sidewaysScroll = () =>
  page.evaluate(() =>
    ['html', 'body', '.app', '.side-panel', '.panel-body', '[role="tabpanel"]:not([hidden])'].map(
      (selector) => {
        const element = document.querySelector(selector)!;
        return { selector, by: element.scrollWidth - element.clientWidth };
      },
    ),
  );

/** The panel does not scroll sideways on any tab (the ranking stays open on the first). */
async function expectNoSidewaysScroll(size: string) {
  for (const tab of TABS) {
    await showTab(page, tab);
    await nextFrames(page);
    for (const { selector, by } of await sidewaysScroll())
      expect(by, `${selector} scrolls sideways on ${tab} at ${size}`).toBeLessThanOrEqual(0);
  }
  await page.getByRole('tab', { name: '图层' }).click();
}

/**
 * Runs `action` and reports whether the "preparing layers" status appeared after it, and how many
 * station points were drawn when it went (a MutationObserver sees even a status shown for one frame).
 */
interface LoadingRecord {
  /** The text of the live region (role=status) the status appeared in; '' if it never did. */
  announced: string;
  pointsWhenGone: number;
}

async function watchLoading(action: () => Promise<void>): Promise<LoadingRecord> {
  await page.evaluate(() => {
    const record: LoadingRecord = { announced: '', pointsWhenGone: -1 };
    (window as unknown as { loadingRecord: LoadingRecord }).loadingRecord = record;
    const status = (node: Node) =>
      node instanceof Element
        ? node.matches('[data-testid="layer-loading"]')
          ? node
          : node.querySelector('[data-testid="layer-loading"]')
        : null;
    new MutationObserver((records) => {
      for (const r of records) {
        const added = [...r.addedNodes].map(status).find((node) => node !== null);
        if (added) record.announced = added.closest('[role="status"]')?.textContent ?? '';
        if ([...r.removedNodes].some(status) && record.announced)
          record.pointsWhenGone = window.atlas!.renderedCount('station-points');
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  await action();
  await settled(page);
  expect(await page.getByTestId('layer-loading').count(), 'the status is gone once settled').toBe(0);
  return page.evaluate(() => (window as unknown as { loadingRecord: LoadingRecord }).loadingRecord);
}

describe('nothing loaded', () => {
  test('the sample button leads the panel, once', async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/layout-start-1440.png` });
    const panel = (await page.locator('.side-panel').boundingBox())!;
    const button = page.getByRole('button', { name: '加载示例数据' });
    expect(await button.count()).toBe(1);
    const place = (await button.boundingBox())!;
    const tabs = (await page.getByRole('tablist').boundingBox())!;
    expect(place.y - panel.y, 'the button sits in the top part of the panel').toBeLessThan(panel.height / 3);
    expect(place.y + place.height).toBeLessThan(tabs.y);
    expect(await page.getByTestId('start-card').textContent()).toContain('示例数据');
  });
});

describe('preparing layers', () => {
  test(
    'the status shows after a year step and is gone once the app is settled',
    { timeout: SLOW_TEST_MS },
    async () => {
      await loadSample(page);
      expect(await page.getByTestId('start-card').count()).toBe(0);
      expect(await page.getByRole('button', { name: '加载示例数据' }).count()).toBe(0);
      expect(await page.getByTestId('layer-loading').count()).toBe(0);
      const slider = page.getByTestId('year-slider');
      const record = await watchLoading(async () => {
        await slider.focus();
        await page.keyboard.press('ArrowLeft');
      });
      expect(record.announced).toBe('正在准备图层…');
      await page.keyboard.press('End');
      await settled(page);
    },
  );

  test(
    'zooming into a county shows it until the station points are drawn',
    { timeout: SLOW_TEST_MS },
    async () => {
      await settled(page);
      expect(await renderedCount(page, 'station-points')).toBe(0);
      const started = Date.now();
      let shownAt = 0;
      const record = await watchLoading(async () => {
        // Found with the search, the county is selected and the map zooms into it.
        await page.getByRole('combobox', { name: '搜索地点' }).fill('息烽');
        await page.getByRole('listbox').getByRole('option').filter({ hasText: XIFENG.name }).click();
        await page.getByTestId('layer-loading').waitFor({ state: 'visible' });
        shownAt = Date.now();
        await page.screenshot({ path: `${SCREENSHOTS}/layout-preparing-1440.png` });
      });
      console.log(
        `zoom into ${XIFENG.name}: status shown after ${shownAt - started} ms, gone after ${Date.now() - started} ms with ${record.pointsWhenGone} station points drawn`,
      );
      expect(record.announced).toBe('正在准备图层…');
      expect(record.pointsWhenGone, 'station points drawn when the status went').toBeGreaterThan(0);
      await page.screenshot({ path: `${SCREENSHOTS}/layout-county-stations-1440.png` });
    },
  );
});

describe('the sample, a county and its ranking', () => {
  test(
    'the panel never scrolls sideways at 1440×900, 1280×720 and 390×844',
    { timeout: SLOW_TEST_MS },
    async () => {
      await page.getByTestId('area-panel').locator('h2', { hasText: XIFENG.name }).waitFor();
      const ranking = page.getByTestId('ranking-section');
      await ranking.locator('summary').click();
      await page.getByTestId('ranking-table').locator('tbody tr[data-adcode]').first().waitFor();
      await settled(page);
      await ranking.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOTS}/layout-1440.png` });
      await expectNoSidewaysScroll('1440×900');

      await page.setViewportSize({ width: 1280, height: 720 });
      await settled(page);
      await ranking.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOTS}/layout-1280x720.png` });
      await expectNoSidewaysScroll('1280×720');

      await page.setViewportSize({ width: 390, height: 844 });
      await poll(() => page.locator('.side-panel').getAttribute('data-sheet')).toBe('half');
      await settled(page);
      await expectNoSidewaysScroll('390×844');
      await page.setViewportSize({ width: 1440, height: 900 });
      await poll(() => page.locator('.side-panel').getAttribute('data-sheet')).toBe(null);
      await settled(page);
    },
  );
});

describe('print', () => {
  test('the panel prints the area summary without its header, hint, tabs or status', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByTestId('area-panel').locator('h2').isVisible()).toBe(true);
      for (const hidden of ['.side-panel h1', '.search-box', '.tab-list', '.panel-body > footer']) {
        expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
