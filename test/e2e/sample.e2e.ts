// The sample as a user meets it: load it, see it labelled, keep it across a reload, clear it.
import { expect, test } from 'vitest';
import { screenPoint } from './atlas';
import { poll, SLOW_TEST_MS, useApp, whenReady } from './harness';
import { XIFENG } from './places';

const app = useApp({ engine: true });

test(
  'loading the sample labels it everywhere it shows and gives calibrated totals',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    expect(await page.getByTestId('sample-badge').count()).toBe(0);
    const started = Date.now();
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await page.getByTestId('sample-badge').waitFor();
    console.log(`sample generated and summarised in the worker: ${Date.now() - started} ms`);
    const counts = await page.getByTestId('sample-counts').textContent();
    expect(counts).toContain('5G 基站 130,000 个');
    expect(counts).toContain('4G 基站 196,000 个');
    expect(counts).toContain('村级单位 17,964 个');
    expect(await page.getByTestId('data-panel').textContent()).toContain('合成数据，非真实');

    const point = await screenPoint(page, ...XIFENG.seat);
    await page.mouse.click(point.x, point.y);
    const metrics = page.getByTestId('area-metrics');
    await metrics.waitFor();
    expect(await page.getByTestId('area-5g-count').textContent()).toMatch(/^[\d,]+$/);
    expect(await metrics.textContent()).toContain('示例数据');
  },
);

test(
  'the sample comes back after a reload, and clearing it removes every trace',
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    await page.reload();
    await page.getByTestId('sample-badge').waitFor();
    await page.getByRole('button', { name: '清除示例数据' }).click();
    await poll(() => page.getByTestId('sample-badge').count()).toBe(0);
    await page.reload();
    await whenReady(page, 'engine');
    expect(await page.getByTestId('sample-badge').count()).toBe(0);
    expect(await page.getByRole('button', { name: '加载示例数据' }).count()).toBe(1);
  },
);
