// The plan's scorecard as a planner reads it, with the sample loaded: the 5G row's plan and the
// sample's value between baseline and target, the 5G-per-10k row's 88 counties laggards first (a
// click selects and zooms), the indicators the data cannot measure saying so, and the year slider
// moving the scorecard's 5G figure to the reported total the sample is calibrated to.
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { mapView, settled } from './atlas';
import { poll, SLOW_TEST_MS, useApp } from './harness';

const app = useApp({ sample: true });

const row = (page: Page, indicator: string) =>
  page.locator(`[data-testid="scorecard-panel"] tbody[data-indicator="${indicator}"]`);
const value = async (page: Page, indicator: string, line = 'count') =>
  Number(
    await row(page, indicator).locator(`tr[data-line="${line}"] .scorecard-value`).getAttribute('data-value'),
  );

beforeAll(async () => {
  const { page } = app;
  await page.getByRole('tab', { name: '规划进度' }).click();
  await page.getByTestId('scorecard-panel').waitFor();
});

test('5G stations: 20,721 → 130,000, the reported totals, and the sample value between them', async () => {
  const { page } = app;
  const fiveG = row(page, 'fiveGStations');
  expect(await page.getByTestId('scorecard-as-of').textContent()).toBe('数据值截至 2025 年底');
  expect(await page.getByTestId('plan-fiveGStations').textContent()).toBe('20,721 个 → 130,000 个');
  expect(await fiveG.locator('[data-part="reported"]').textContent()).toContain('84,300 个（2022 年底）');
  expect(await fiveG.locator('[data-part="reported"]').textContent()).toContain('126,000 个（2025年10月）');
  const current = await value(page, 'fiveGStations');
  expect(current).toBeGreaterThanOrEqual(20_721);
  expect(current).toBeLessThanOrEqual(130_000);
  const cell = fiveG.locator('tr[data-line="count"] td');
  expect(await cell.locator('.scorecard-value').textContent()).toBe(`${current.toLocaleString('en-US')} 个`);
  expect(await cell.textContent()).toContain('示例数据');
  expect(await cell.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(
    String(Math.round((100 * (current - 20_721)) / (130_000 - 20_721))),
  );
  await page.screenshot({ path: 'test/e2e/screenshots/scorecard-1440.png' });
});

test(
  '5G per 10k residents lists the 9 prefectures and 88 counties, laggards first; a click selects and zooms',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    const perTenK = row(page, 'fiveGStationsPer10k');
    await perTenK.locator('summary').click();
    const counties = perTenK.locator('ol[data-level="county"] li');
    await poll(() => counties.count()).toBe(88);
    expect(await perTenK.locator('ol[data-level="prefecture"] li').count()).toBe(9);
    const listed = await counties.evaluateAll((items) =>
      items.map((li) => ({
        adcode: li.getAttribute('data-adcode')!,
        value: Number(li.getAttribute('data-value')),
      })),
    );
    for (let k = 1; k < listed.length; k++) {
      const [a, b] = [listed[k - 1], listed[k]];
      expect(
        a.value < b.value || (a.value === b.value && a.adcode < b.adcode),
        `${a.adcode} before ${b.adcode}`,
      ).toBe(true);
    }
    await perTenK.screenshot({ path: 'test/e2e/screenshots/scorecard-per10k-laggards.png' });
    const first = counties.first();
    const zoomBefore = (await mapView(page)).zoom;
    await first.getByRole('button').click();
    await poll(async () => (await mapView(page)).zoom).toBeGreaterThan(zoomBefore);
    await poll(() => first.getAttribute('class')).toBe('selected');
    expect(await page.locator('.side-panel h2').first().textContent()).toContain(
      await first.getByRole('button').textContent(),
    );
    await settled(page);
    // The whole tab, for a person to look at: a viewport tall enough that the side panel need not scroll.
    await page.setViewportSize({ width: 1440, height: 5200 });
    await page
      .getByTestId('scorecard-panel')
      .screenshot({ path: 'test/e2e/screenshots/scorecard-tab-full.png' });
    await page.setViewportSize({ width: 1440, height: 900 });
  },
);

test('an indicator the data cannot measure says so instead of a number', async () => {
  const { page } = app;
  expect(await page.getByTestId('not-measurable-mobileBaseStations').textContent()).toBe(
    '无法由已加载数据衡量（数据只含 4G 与 5G 基站，不含 2G/3G）',
  );
  expect(await page.getByTestId('not-measurable-fiveGUserShare').textContent()).toBe('无法由已加载数据衡量');
  expect(await row(page, 'fiveGUserShare').locator('.scorecard-value').count()).toBe(0);
  expect(await page.getByTestId('plan-fiveGUserShare').textContent()).toBe('22% → 62%');
});

test('coverage indicators show reported and modelled values apart, each with its areas', async () => {
  const { page } = app;
  for (const indicator of ['townshipsWith5g', 'relocationSitesCovered', 'scenicAreas4a5aWith5g']) {
    for (const line of ['reported', 'modelled']) {
      const share = await value(page, indicator, line);
      expect(share, `${indicator} ${line}`).toBeGreaterThanOrEqual(0);
      expect(share, `${indicator} ${line}`).toBeLessThanOrEqual(100);
      expect(await row(page, indicator).locator(`tr[data-line="${line}"] details`).count()).toBe(1);
    }
  }
});

test('the year slider set to 2022 gives 84,300 5G stations, the reported end-2022 total', async () => {
  const { page } = app;
  await page.getByTestId('year-slider').fill('2022');
  await poll(() => value(page, 'fiveGStations')).toBe(84_300);
  expect(await page.getByTestId('scorecard-as-of').textContent()).toBe('数据值截至 2022 年底');
  expect(
    await row(page, 'fiveGStations').locator('tr[data-line="count"] .scorecard-value').textContent(),
  ).toBe('84,300 个');
  expect(await row(page, 'fiveGStations').locator('[data-part="reported"] li.same-time').textContent()).toBe(
    '84,300 个（2022 年底）',
  );
  await page.screenshot({ path: 'test/e2e/screenshots/scorecard-2022-1440.png' });
  await page.getByTestId('year-slider').fill('2025');
  await poll(() => value(page, 'fiveGStations')).toBe(130_000);
});
