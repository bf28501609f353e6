// Access for everyone who uses the atlas: an axe-core scan of the main screen (fresh; the sample
// loaded with a county selected; the planning and scorecard tabs; the high-contrast theme; English)
// with no serious or critical violations; the keyboard reaches the search box, the tabs (arrow
// keys switch them) and the year slider (arrow keys change the year), each with a visible focus
// ring; the high-contrast theme draws bolder borders and survives a reload; the language toggle
// switches the panels to English with pinyin beside place names; print keeps the map, the area
// summary and the legend, and drops the controls.
//
// axe runs under the app's real Content-Security-Policy: page.addScriptTag({ content }) would add
// an inline script, which the policy blocks, so the source goes through page.evaluate (DevTools'
// Runtime.evaluate, which the page's CSP does not govern) instead of turning the CSP off with bypassCSP.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { atlas, countPixelsNear, screenPoint, settled } from './atlas';
import { poll, showTab, SLOW_TEST_MS, useApp, whenReady } from './harness';
import { XIFENG } from './places';

const SCREENSHOTS = 'test/e2e/screenshots';
const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

/** axe-core's violations of the whole page, all impacts (WCAG 2.x A/AA and best practices). */
async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type AxeResult = {
      violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
    };
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/** Scans, prints every violation (moderate ones too, for the record) and returns the serious and critical ones. */
async function severeViolations(page: Page, state: string): Promise<Violation[]> {
  const violations = await axeViolations(page);
  console.log(
    `axe, ${state}: ${violations.length ? violations.map((v) => `${v.id} (${v.impact}) ×${v.targets.length}`).join(', ') : 'no violations'}`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const style = element ? getComputedStyle(element) : null;
    return {
      id: element?.id ?? '',
      role: element?.getAttribute('role') ?? '',
      name: element?.getAttribute('aria-label') ?? element?.textContent ?? '',
      ring: style ? style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 : false,
    };
  });

/** Presses Tab from where the focus is until `matches` holds, at most `limit` times; the stops on the way. */
async function tabTo(
  page: Page,
  matches: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  limit = 15,
): Promise<string[]> {
  const path: string[] = [];
  for (let k = 0; k < limit; k++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    path.push(now.id || now.role || now.name.slice(0, 12));
    if (matches(now)) return path;
  }
  throw new Error(`not reached in ${limit} tab presses: ${path.join(' → ')}`);
}

describe('a fresh page', () => {
  const app = useApp();

  test('axe finds nothing serious or critical', async () => {
    expect(await severeViolations(app.page, 'fresh')).toEqual([]);
  });

  test(
    'the high-contrast theme, chosen in 设置, draws the boundaries bolder and in black, and is kept',
    { timeout: SLOW_TEST_MS },
    async () => {
      const { page } = app;
      const black = async () => (await countPixelsNear(page, [0, 0, 0], 10)).matching;
      const before = await black();
      await page.getByRole('button', { name: '设置' }).click();
      await page.getByRole('radio', { name: /高对比度/ }).check();
      expect(await severeViolations(page, 'settings dialog')).toEqual([]);
      await page.getByRole('button', { name: '保存' }).click();
      expect(await page.locator('html').getAttribute('data-theme')).toBe('highContrast');
      await poll(black).toBeGreaterThan(before + 20_000);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
      expect(await page.evaluate(() => JSON.parse(localStorage.getItem('gca.settings')!).theme)).toBe(
        'highContrast',
      );
      await page.reload();
      await whenReady(page);
      expect(await page.locator('html').getAttribute('data-theme')).toBe('highContrast');
      await page.screenshot({ path: `${SCREENSHOTS}/high-contrast-fresh-1440.png` });
      expect(await severeViolations(page, 'high contrast, fresh')).toEqual([]);
    },
  );

  test('without a saved choice, a system asking for more contrast opens in high contrast', async () => {
    const { page } = app;
    await page.emulateMedia({ contrast: 'more' });
    await page.evaluate(() => {
      localStorage.clear();
      location.reload();
    });
    await whenReady(page);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('highContrast');
    await page.emulateMedia({ contrast: 'no-preference' });
  });
});

describe('with the sample and a county selected', () => {
  const app = useApp({ sample: true });
  beforeAll(async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: '搜索地点' }).fill('息烽');
    await page.getByRole('option', { name: /息烽县/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('area-panel').locator('h2', { hasText: '息烽县' }).waitFor();
    await settled(page);
  });

  test(
    'axe finds nothing serious or critical: layers, 规划, 规划进度',
    { timeout: SLOW_TEST_MS },
    async () => {
      const { page } = app;
      expect(await severeViolations(page, 'sample, 息烽县 selected')).toEqual([]);
      await page.getByRole('tab', { name: '规划', exact: true }).click();
      await page.getByTestId('gap-list').scrollIntoViewIfNeeded();
      await poll(() => page.getByTestId('gap-summary').textContent()).toMatch(/共 [\d,]+ 处/);
      await page.getByTestId('compare-counts').waitFor();
      expect(await severeViolations(page, 'tab 规划')).toEqual([]);
      await page.getByRole('tab', { name: '规划进度' }).click();
      await page.getByTestId('scorecard-panel').waitFor();
      await page.locator('tbody[data-indicator="fiveGStationsPer10k"] summary').click();
      expect(await severeViolations(page, 'tab 规划进度')).toEqual([]);
      await page.getByRole('tab', { name: '图层' }).click();
    },
  );

  test(
    'the keyboard reaches the year slider, the search box and the tabs, each with a focus ring',
    { timeout: SLOW_TEST_MS },
    async () => {
      const { page } = app;
      // The map comes first in the page's order: its canvas, its zoom buttons, then the slider's.
      await page.locator('.maplibregl-canvas').focus();
      const toSlider = await tabTo(page, (f) => f.id === 'year-slider');
      console.log(`tab stops from the map to the year slider: ${toSlider.join(' → ')}`);
      expect((await focused(page)).ring).toBe(true);
      await page.keyboard.press('ArrowLeft');
      await poll(() => page.getByTestId('year-value').textContent()).toBe('2024 年底');
      expect(await page.getByTestId('year-slider').getAttribute('aria-valuetext')).toBe('2024 年底');
      await page.keyboard.press('ArrowRight');
      await poll(() => page.getByTestId('year-value').textContent()).toBe('2025 年底');

      await tabTo(page, (f) => f.role === 'combobox');
      expect((await focused(page)).ring).toBe(true);
      const toTabs = await tabTo(page, (f) => f.role === 'tab');
      console.log(`tab stops from the search box to the tabs: ${toTabs.join(' → ')}`);
      expect(await focused(page)).toMatchObject({ id: 'tab-layers', ring: true });
      await page.keyboard.press('ArrowRight');
      expect((await focused(page)).id).toBe('tab-planning');
      expect(await page.getByRole('tab', { name: '规划', exact: true }).getAttribute('aria-selected')).toBe(
        'true',
      );
      // The panel loads when its tab is first shown (whichever test shows it first).
      await page.getByTestId('planning-panel').waitFor();
      expect(await page.getByTestId('planning-panel').isVisible()).toBe(true);
      const tabIds = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((tab) => tab.id));
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      expect((await focused(page)).id, 'ArrowLeft from the first tab wraps to the last').toBe(tabIds.at(-1));
      await page.keyboard.press('Home');
      expect((await focused(page)).id).toBe('tab-layers');
      await page.keyboard.press('End');
      expect((await focused(page)).id).toBe(tabIds.at(-1));
      await page.keyboard.press('Home');
      expect((await focused(page)).id).toBe('tab-layers');
      expect(await page.getByTestId('layer-panel').isVisible()).toBe(true);
    },
  );

  test(
    'high contrast with the sample: nothing serious, and a screenshot to look at',
    { timeout: SLOW_TEST_MS },
    async () => {
      const { page } = app;
      await page.getByRole('button', { name: '设置' }).click();
      await page.getByRole('radio', { name: /高对比度/ }).check();
      await page.getByRole('button', { name: '保存' }).click();
      await settled(page);
      await page.screenshot({ path: `${SCREENSHOTS}/high-contrast-1440.png` });
      expect(await severeViolations(page, 'high contrast, sample, 息烽县')).toEqual([]);
      await showTab(page, '规划进度');
      expect(await severeViolations(page, 'high contrast, tab 规划进度')).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOTS}/high-contrast-scorecard-1440.png` });
      await page.getByRole('tab', { name: '图层' }).click();
      await page.getByRole('button', { name: '设置' }).click();
      await page.getByRole('radio', { name: '浅色' }).check();
      await page.getByRole('button', { name: '保存' }).click();
      expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    },
  );

  test(
    'English: the panels, tabs and map buttons switch; place names stay Chinese with pinyin beside them',
    { timeout: SLOW_TEST_MS },
    async () => {
      const { page } = app;
      expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('放大');
      await page.getByRole('button', { name: 'English' }).click();
      await poll(() => page.locator('h1').textContent()).toBe('Guizhou Coverage Atlas');
      expect(await page.getByRole('tab', { name: 'Layers' }).getAttribute('aria-selected')).toBe('true');
      expect(await page.locator('#layers-title').textContent()).toBe('Layers');
      expect(await page.getByRole('tab', { name: 'Planning' }).count()).toBe(1);
      await showTab(page, 'Plan scorecard');
      expect(await page.locator('#scorecard-title').textContent()).toContain('Plan scorecard');
      const title = page.getByTestId('area-panel').locator('h2');
      await poll(() => title.textContent()).toBe('息烽县 Xifeng');
      expect(await title.locator('[lang="zh-CN"]').textContent()).toBe('息烽县');
      expect(await page.getByTestId('area-panel').textContent()).toContain('Resident population');
      expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('Zoom in');
      expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toMatch(/^Map/);
      // Near the seat, a spot with no point drawn within 16 px: the tooltip there is the county's.
      const seat = await screenPoint(page, ...XIFENG.seat);
      const mapBox = (await page.getByTestId('map').boundingBox())!;
      const points = (
        await Promise.all(
          ['station-points', 'village-points', 'relocation-points', 'scenic-points', 'station-cells'].map(
            (layer) => atlas(page, (a, id) => a.renderedPoints(id), layer),
          ),
        )
      ).flat();
      const offsets = [0, 20, -20, 40, -40, 60, -60];
      const spot = offsets
        .flatMap((dx) => offsets.map((dy) => ({ x: seat.x + dx, y: seat.y + dy })))
        .find((c) => points.every((p) => Math.hypot(mapBox.x + p.x - c.x, mapBox.y + p.y - c.y) > 16))!;
      await page.mouse.move(spot.x, spot.y);
      await poll(() => page.getByRole('tooltip').textContent()).toContain('息烽县 Xifeng');
      expect(await page.getByRole('tooltip').textContent()).toContain('贵阳市 Guiyang');
      await page.screenshot({ path: `${SCREENSHOTS}/english-1440.png` });
      expect(await severeViolations(page, 'English, tab Plan scorecard, a tooltip shown')).toEqual([]);
      await page.mouse.move(5, 5);
      await page.getByRole('tab', { name: 'Layers' }).click();
      await page.getByRole('button', { name: '中文' }).click();
      await poll(() => title.textContent()).toBe('息烽县');
    },
  );

  test('print: the map over the page with the area summary and legend; no header, tabs or buttons', async () => {
    const { page } = app;
    await showTab(page, '规划进度');
    await page.emulateMedia({ media: 'print' });
    try {
      await page.screenshot({ path: `${SCREENSHOTS}/print-1440.png` });
      expect(await page.getByTestId('area-panel').locator('h2').isVisible()).toBe(true);
      expect(await page.getByTestId('choropleth-legend').isVisible()).toBe(true);
      for (const hidden of [
        '.side-panel h1',
        '.tab-list',
        '[data-testid="scorecard-panel"]',
        '.time-slider',
        '.maplibregl-ctrl-zoom-in',
        '.maplibregl-ctrl-scale',
        '.search-box',
      ]) {
        expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
      }
      const visibleButtons = await page
        .locator('button:not(.link)')
        .evaluateAll((buttons) =>
          buttons.filter((b) => b.getClientRects().length > 0).map((b) => b.textContent),
        );
      expect(visibleButtons).toEqual([]);
      const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
      expect(canvas.width).toBeGreaterThan(1400);
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('tab', { name: '图层' }).click();
    }
  });
});
