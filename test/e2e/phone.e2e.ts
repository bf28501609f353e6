// Phone field mode, as a field crew meets it on a 390×844 phone: the map fills the screen and the
// side panel is a bottom sheet (collapsed, half, full) switched by its buttons, its handle, the
// keyboard and a drag; the year slider and the zoom buttons stay above the sheet and work; touch
// targets are at least 44 px; axe finds nothing serious; every dialog fits the screen and scrolls
// inside itself.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { nextFrames } from './atlas';
import { poll, showTab, SLOW_TEST_MS, useApp } from './harness';

const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = 'test/e2e/screenshots';
const TOUCH_PX = 44;

const app = useApp({ viewport: PHONE, sample: true });
let page: Page;
beforeAll(() => {
  page = app.page;
});

const box = async (locator: Locator) => {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${String(locator)} is not on screen`);
  return found;
};

/** Waits until the sheet (and whatever rides on it) has stopped moving. */
const sheetRested = async () => {
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition)));
  await nextFrames(page);
};

const sheetState = () => page.locator('.side-panel').getAttribute('data-sheet');

async function showSheet(state: 'collapsed' | 'half' | 'full') {
  await page.getByTestId(`sheet-${state}`).click();
  await poll(sheetState).toBe(state);
  await sheetRested();
}

/** The share of the screen where the map shows: above the sheet, the map filling the screen. */
async function mapShare(): Promise<number> {
  const map = await box(page.getByTestId('map'));
  const sheet = await box(page.locator('.side-panel'));
  expect(map.width).toBe(PHONE.width);
  expect(map.height).toBe(PHONE.height);
  return ((sheet.y - map.y) * map.width) / (PHONE.width * PHONE.height);
}

/** Controls under `root` smaller than a fingertip, as "name w×h". */
const smallTargets = (root: Locator, selector: string) =>
  root.evaluate(
    (element, [css, min]) =>
      [...element.querySelectorAll<HTMLElement>(css)]
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width < min - 0.5 || r.height < min - 0.5)
        .map(
          ({ e, r }) =>
            `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        ),
    [selector, TOUCH_PX] as const,
  );

describe('the bottom sheet', () => {
  test('starts at half height over a full-screen map and switches with its buttons', async () => {
    expect(await sheetState()).toBe('half');
    await sheetRested();
    expect(await mapShare()).toBeGreaterThanOrEqual(0.6);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-half.png` });

    await showSheet('collapsed');
    const share = await mapShare();
    console.log(`map share of the screen: collapsed ${(share * 100).toFixed(0)} %`);
    expect(share).toBeGreaterThanOrEqual(0.85);
    expect(await page.getByTestId('sheet-handle').getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('sheet-collapsed').getAttribute('aria-pressed')).toBe('true');
    // The strip names the app and what is selected; the content it hides is out of the tab order.
    expect(await page.getByTestId('sheet-handle').textContent()).toContain('贵州通信覆盖图');
    expect(await page.locator('#panel-body').getAttribute('inert')).not.toBeNull();
    await page.screenshot({ path: `${SCREENSHOTS}/phone-collapsed.png` });

    await showSheet('full');
    const sheet = await box(page.locator('.side-panel'));
    expect(sheet.height).toBeGreaterThan(PHONE.height * 0.85);
    expect(await page.locator('#panel-body').getAttribute('inert')).toBeNull();
    expect(await page.getByRole('tab', { name: '图层' }).isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-full.png` });
  });

  test('the handle toggles with a tap and steps with the arrow keys', async () => {
    await showSheet('collapsed');
    const handle = page.getByTestId('sheet-handle');
    await handle.click();
    await poll(sheetState).toBe('half');
    expect(await handle.getAttribute('aria-expanded')).toBe('true');
    await handle.click();
    await poll(sheetState).toBe('collapsed');
    await handle.focus();
    await page.keyboard.press('ArrowUp');
    await poll(sheetState).toBe('half');
    await page.keyboard.press('ArrowUp');
    await poll(sheetState).toBe('full');
    await page.keyboard.press('ArrowDown');
    await poll(sheetState).toBe('half');
    await page.keyboard.press('Enter');
    await poll(sheetState).toBe('collapsed');
    await sheetRested();
  });

  test('dragging the handle snaps to the nearest height', async () => {
    await showSheet('collapsed');
    const handle = await box(page.getByTestId('sheet-handle'));
    const x = handle.x + handle.width / 2,
      y = handle.y + handle.height / 2;
    const drag = async (toY: number) => {
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, toY, { steps: 8 });
      await page.mouse.up();
    };
    // Up by about a third of the screen: half is nearest.
    await drag(PHONE.height * 0.62);
    await poll(sheetState).toBe('half');
    await sheetRested();
    // Up to near the top: full.
    const half = await box(page.getByTestId('sheet-handle'));
    await page.mouse.move(x, half.y + half.height / 2);
    await page.mouse.down();
    await page.mouse.move(x, 60, { steps: 8 });
    await page.mouse.up();
    await poll(sheetState).toBe('full');
    await sheetRested();
    // Down to the bottom: collapsed.
    const full = await box(page.getByTestId('sheet-handle'));
    await page.mouse.move(x, full.y + full.height / 2);
    await page.mouse.down();
    await page.mouse.move(x, PHONE.height - 10, { steps: 10 });
    await page.mouse.up();
    await poll(sheetState).toBe('collapsed');
    await sheetRested();
    expect(await page.locator('.app').evaluate((e) => e.style.getPropertyValue('--sheet-height'))).toBe('');
  });
});

describe('above the sheet', () => {
  for (const state of ['collapsed', 'half'] as const) {
    test(
      `the year slider and the zoom buttons are visible and work with the sheet ${state}`,
      { timeout: SLOW_TEST_MS },
      async () => {
        await showSheet(state);
        const sheet = await box(page.locator('.side-panel'));
        const slider = await box(page.getByTestId('time-slider'));
        expect(slider.y + slider.height).toBeLessThanOrEqual(sheet.y);
        expect(slider.x).toBeGreaterThanOrEqual(0);
        expect(slider.x + slider.width).toBeLessThanOrEqual(PHONE.width);
        const range = await box(page.getByTestId('year-slider'));
        // Nothing covers the slider: the point a finger presses is the slider.
        const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.id ?? '', [
          range.x + range.width / 2,
          range.y + range.height / 2,
        ] as const);
        expect(hit).toBe('year-slider');
        await page.mouse.click(range.x + 3, range.y + range.height / 2);
        await poll(() => page.getByTestId('year-value').textContent()).toBe('2020 年底');
        await page.mouse.click(range.x + range.width - 3, range.y + range.height / 2);
        await poll(() => page.getByTestId('year-value').textContent()).toBe('2025 年底');

        const zoomIn = await box(page.locator('.maplibregl-ctrl-zoom-in'));
        expect(zoomIn.y + zoomIn.height).toBeLessThanOrEqual(sheet.y);
        const scale = await box(page.locator('.maplibregl-ctrl-scale'));
        expect(scale.y + scale.height).toBeLessThanOrEqual(slider.y);
        const before = (await page.evaluate(() => window.atlas!.view())).zoom;
        await page.locator('.maplibregl-ctrl-zoom-in').click();
        await poll(async () => (await page.evaluate(() => window.atlas!.view())).zoom).toBeGreaterThan(
          before,
        );
        await page.locator('.maplibregl-ctrl-zoom-out').click();
        await poll(async () => (await page.evaluate(() => window.atlas!.view())).zoom).toBeLessThan(
          before + 0.5,
        );
      },
    );
  }
});

describe('touch targets', () => {
  test('the sheet, its tabs, the header, the layers, the slider and the zoom buttons are at least 44 px', async () => {
    await showSheet('full');
    const panel = page.locator('.side-panel');
    expect(await smallTargets(panel, '.sheet-bar button')).toEqual([]);
    expect(await smallTargets(panel, '[role="tab"]')).toEqual([]);
    expect(await smallTargets(panel, 'header :is(button, input)')).toEqual([]);
    expect(
      await smallTargets(
        panel,
        '#panel-layers :is(button:not(.link, .sort), select, input:not([type="checkbox"], [type="radio"], .visually-hidden), label.button)',
      ),
    ).toEqual([]);
    for (const tab of ['规划', '规划进度', '幻灯片'] as const) {
      await showTab(page, tab);
      expect(
        await smallTargets(panel, '[role="tabpanel"]:not([hidden]) :is(button:not(.link, .sort), select)'),
        tab,
      ).toEqual([]);
    }
    await page.getByRole('tab', { name: '图层' }).click();
    await showSheet('half');
    expect(await smallTargets(page.getByTestId('time-slider'), 'button, input')).toEqual([]);
    expect(await smallTargets(page.locator('.maplibregl-ctrl-top-right'), 'button')).toEqual([]);
  });

  test('the ranking table rows are at least 44 px tall and stay in step when scrolled', async () => {
    await showSheet('full');
    const section = page.getByTestId('ranking-section');
    await section.locator('summary').click();
    const rows = page.getByTestId('ranking-table').locator('tbody tr[data-adcode]');
    await rows.first().waitFor();
    const heights = await rows.evaluateAll((all) => all.map((r) => r.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(TOUCH_PX);
    // Windowing with the taller rows: scrolled to the end, the last ranked row is in view.
    const scroller = page.locator('.ranking-scroll');
    await scroller.evaluate((e) => e.scrollTo({ top: e.scrollHeight }));
    await poll(() =>
      scroller.evaluate((e) => {
        const last = [...e.querySelectorAll('tbody tr[data-adcode]')].pop();
        const r = last?.getBoundingClientRect(),
          view = e.getBoundingClientRect();
        return r !== undefined && r.bottom <= view.bottom + 1 && r.bottom > view.top;
      }),
    ).toBe(true);
    await section.locator('summary').click();
    await showSheet('half');
  });
});

describe('access', () => {
  test('axe finds nothing serious or critical with the sheet collapsed or full', async () => {
    // Through page.evaluate, not a script tag: the app's Content-Security-Policy blocks inline scripts.
    if (!(await page.evaluate(() => 'axe' in window)))
      await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
    for (const state of ['collapsed', 'full'] as const) {
      await showSheet(state);
      const severe = await page.evaluate(async () => {
        type Result = { violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> };
        const axe = (window as unknown as { axe: { run(context: Document): Promise<Result> } }).axe;
        const { violations } = await axe.run(document);
        return violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} ×${v.nodes.length}`);
      });
      expect(severe, `sheet ${state}`).toEqual([]);
    }
    await showSheet('half');
  });
});

describe('dialogs fit the phone', () => {
  /** The dialog is on screen whole, nothing runs off its right edge, and it scrolls inside itself. */
  async function expectFits(dialog: Locator, name: string) {
    await dialog.waitFor();
    await nextFrames(page);
    const r = await box(dialog);
    expect(r.x, `${name} left edge`).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width, `${name} right edge`).toBeLessThanOrEqual(PHONE.width);
    expect(r.y, `${name} top edge`).toBeGreaterThanOrEqual(0);
    expect(r.y + r.height, `${name} bottom edge`).toBeLessThanOrEqual(PHONE.height);
    const overflow = await dialog.evaluate((e) => {
      const right = e.getBoundingClientRect().right;
      return {
        sideways: e.scrollWidth - e.clientWidth,
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        scrolls: getComputedStyle(e).overflowY,
        // What reaches past the dialog, named for the failure message.
        wide: [...e.querySelectorAll('*')]
          .filter((child) => child.getBoundingClientRect().right > right + 1)
          .map((child) => `${child.tagName.toLowerCase()}.${child.className}`)
          .slice(0, 6)
          .join(', '),
      };
    });
    expect(overflow.sideways, `${name} scrolls sideways: ${overflow.wide}`).toBeLessThanOrEqual(1);
    expect(overflow.page, `the page scrolls sideways under ${name}`).toBeLessThanOrEqual(0);
    expect(['auto', 'scroll'], `${name} scrolls inside itself`).toContain(overflow.scrolls);
  }

  test('settings and map export', { timeout: SLOW_TEST_MS }, async () => {
    await page.getByRole('button', { name: '设置' }).click();
    await expectFits(page.getByRole('dialog'), 'settings');
    await page.screenshot({ path: `${SCREENSHOTS}/phone-settings.png` });
    await page.getByRole('button', { name: '取消', exact: true }).click();
    await page.getByRole('button', { name: '导出地图' }).click();
    await expectFits(page.getByRole('dialog'), 'export');
    await page.keyboard.press('Escape');
    await poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  test('the import dialog at every step, and the status editor', { timeout: SLOW_TEST_MS }, async () => {
    await page.getByTestId('import-input').setInputFiles('test/fixtures/e2e/villages-status.csv');
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByLabel('数据类型').waitFor();
    await expectFits(dialog, 'import (mapping)');
    await page.screenshot({ path: `${SCREENSHOTS}/phone-import.png` });
    // A file that states no datum asks for one (where the importer offers the choice).
    const datum = dialog.getByLabel('坐标系');
    if (await datum.count()) await datum.selectOption('wgs84');
    await page.getByRole('button', { name: '检查数据' }).click();
    await page.getByTestId('import-counts').waitFor();
    await expectFits(dialog, 'import (report)');
    await page.screenshot({ path: `${SCREENSHOTS}/phone-import-report.png` });
    await page.getByRole('button', { name: '导入 3 行有效数据' }).click();
    await page.getByTestId('import-saved').waitFor();
    await page.getByRole('button', { name: '关闭' }).click();

    const row = page.getByTestId('dataset-row').filter({ hasText: 'villages-status' });
    await row.getByRole('button', { name: '编辑状态' }).click();
    await expectFits(page.getByTestId('status-editor'), 'status editor');
    await page.screenshot({ path: `${SCREENSHOTS}/phone-status-editor.png` });
    await page.getByTestId('status-editor').getByRole('button', { name: '关闭' }).click();
    await poll(() => page.getByTestId('status-editor').count()).toBe(0);
  });
});
