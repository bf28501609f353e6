// Sharing and presenting, as a presenter does it with the sample loaded: set up a view, copy its
// link and open it in another tab (same metric, year, selection and zoom); open links naming data
// this browser lacks (a banner names it); save slides with captions, find them after a reload,
// reorder them; present them with the keys a clicker sends; export them and import them back.
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { atlas, jumpTo, mapView, screenPoint, settled } from './atlas';
import { download } from './downloads';
import { poll, SLOW_TEST_MS, useApp, waitTimeoutMs, whenReady } from './harness';
import { XIFENG } from './places';

const CAPTIONS = ['息烽县：2023 年底村级 5G 通达情况', '全省：每万人 5G 基站，2025 年目标 33 个'];

const app = useApp({ sample: true });
let page: Page;
let sharedLink = '';

const slideNames = (p: Page) =>
  p
    .getByTestId('slide-name')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
const slideCaptions = (p: Page) =>
  p
    .getByTestId('slide-caption')
    .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));

beforeAll(async () => {
  page = app.page;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
});

test(
  'a copied link opens the same metric, year, selection and zoom in a new page',
  { timeout: SLOW_TEST_MS },
  async () => {
    await page.getByLabel('指标', { exact: true }).selectOption('villages.fiveG');
    await page.getByTestId('year-slider').fill('2023');
    await settled(page);
    const seat = await screenPoint(page, ...XIFENG.seat);
    await page.mouse.click(seat.x, seat.y);
    await poll(() => page.getByTestId('area-code').textContent()).toBe(XIFENG.adcode);
    await jumpTo(page, 106.75, 27.1, 8.37);
    await settled(page);
    // The address follows the view (debounced).
    await poll(() => page.url()).toMatch(/[?&]z=8\.37(&|$)/);
    expect(page.url()).toMatch(/[?&]sel=520122(&|$)/);
    expect(page.url()).not.toMatch(/27\.0960|106\.7338/); // a station's or a seat's exact position is not in it

    await page.getByTestId('copy-link').click();
    await poll(() => page.getByRole('status').filter({ hasText: '已复制' }).count()).toBe(1);
    sharedLink = await page.evaluate(() => navigator.clipboard.readText());
    expect(sharedLink).toBe(page.url());
    const query = new URL(sharedLink).searchParams;
    expect([query.get('v'), query.get('m'), query.get('y'), query.get('sel'), query.get('st')]).toEqual([
      '1',
      'villages.fiveG',
      '2023',
      '520122',
      'sample',
    ]);

    // Same browser profile, so the sample is loaded there too: nothing is missing.
    const second = await app.openTab(page.context(), new URL(sharedLink).search);
    await whenReady(second, 'engine');
    await second.getByTestId('choropleth-legend').waitFor({ timeout: waitTimeoutMs() });
    await poll(() => second.getByTestId('area-code').textContent()).toBe(XIFENG.adcode);
    expect(await second.getByRole('heading', { name: '息烽县' }).count()).toBe(1);
    expect(await second.getByLabel('指标', { exact: true }).inputValue()).toBe('villages.fiveG');
    expect(await second.getByTestId('year-slider').inputValue()).toBe('2023');
    await settled(second);
    const opened = await mapView(second);
    expect(Math.abs(opened.zoom - 8.37)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(opened.center[0] - 106.75)).toBeLessThan(0.001);
    expect(await second.getByTestId('link-notice').count()).toBe(0);
    await second.close();
  },
);

test(
  'a link naming a dataset this browser lacks says so by name; one based on the sample offers to load it',
  { timeout: SLOW_TEST_MS },
  async () => {
    const receiver = await app.open({
      query:
        '?v=1&m=stations.count&st=ds:3f1c2d4e-0000-4000-8000-000000000000&stn=%E5%9F%BA%E7%AB%992024Q4&vi=sample',
    });
    const notice = receiver.getByTestId('link-notice');
    await notice.waitFor({ timeout: waitTimeoutMs() });
    expect(await notice.textContent()).toContain(
      '此链接使用了数据集「基站2024Q4」（5G 基站），本机没有该数据集',
    );
    expect(await notice.textContent()).toContain('此链接基于示例数据');
    expect(await receiver.getByLabel('指标', { exact: true }).inputValue()).toBe('stations.count');
    await receiver.screenshot({ path: 'test/e2e/screenshots/share-missing-dataset.png' });
    // Loading the sample from the banner: the villages draw it, the stations stay empty (their dataset is missing).
    await notice.getByRole('button', { name: '加载示例数据' }).click();
    await poll(() => receiver.getByTestId('sample-badge').count()).toBe(1);
    expect(await notice.textContent()).not.toContain('此链接基于示例数据');
    expect(await receiver.getByTestId('source-stations').inputValue()).toBe('none');
    await notice.getByRole('button', { name: '关闭提示' }).click();
    expect(await notice.count()).toBe(0);
    // A browser that refuses the clipboard gets the link in a selected field to copy by hand.
    await receiver.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await receiver.getByTestId('copy-link').click();
    const field = receiver.getByTestId('share-link');
    await field.waitFor();
    expect(await field.inputValue()).toBe(receiver.url());
    expect(receiver.url()).toContain('st=none');
    expect(
      await field.evaluate((input: HTMLInputElement) => input.selectionEnd! - input.selectionStart!),
    ).toBe(receiver.url().length);
    await receiver.context().close();
  },
);

test(
  'two slides with captions survive a reload and can be reordered by button and by keyboard',
  { timeout: SLOW_TEST_MS },
  async () => {
    await page.getByRole('tab', { name: '幻灯片' }).click();
    await page.getByTestId('add-slide').click();
    await poll(() => page.getByTestId('slide').count()).toBe(1);
    await page.getByTestId('slide-caption').nth(0).fill(CAPTIONS[0]);
    await page.getByTestId('slide-name').nth(0).fill('息烽县');
    await page.getByTestId('slide-name').nth(0).press('Enter');

    await page.getByRole('tab', { name: '图层' }).click();
    await page.getByLabel('指标', { exact: true }).selectOption('stations.per10k');
    await page.getByTestId('year-slider').fill('2025');
    await page.getByRole('button', { name: '取消选择' }).click();
    await jumpTo(page, 106.8, 26.8, 6.6);
    await settled(page);
    await page.getByRole('tab', { name: '幻灯片' }).click();
    await page.getByTestId('add-slide').click();
    await poll(() => page.getByTestId('slide').count()).toBe(2);
    await page.getByTestId('slide-caption').nth(1).fill(CAPTIONS[1]);
    await page.getByTestId('slide-name').nth(1).fill('全省');
    await page.getByTestId('slide-name').nth(1).press('Tab');
    // Leaving the field saves the name; the slide's label shows it once it is stored and read back.
    await poll(() => page.getByTestId('slide').nth(1).getAttribute('aria-label')).toContain('全省');

    await page.reload();
    await whenReady(page, 'engine');
    await page.getByTestId('choropleth-legend').waitFor({ timeout: waitTimeoutMs(), state: 'attached' });
    await page.getByRole('tab', { name: '幻灯片' }).click();
    await poll(() => slideNames(page)).toEqual(['息烽县', '全省']);
    expect(await slideCaptions(page)).toEqual(CAPTIONS);

    await page.getByTestId('slide-down').nth(0).click();
    await poll(() => slideNames(page)).toEqual(['全省', '息烽县']);
    // Alt+↑ inside the second slide moves it back up; the focus stays in it.
    await page.getByTestId('slide-caption').nth(1).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await poll(() => slideNames(page)).toEqual(['息烽县', '全省']);
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value)).toBe(
      CAPTIONS[0],
    );
    await page.reload();
    await whenReady(page, 'engine');
    await page.getByRole('tab', { name: '幻灯片' }).click();
    await poll(() => slideNames(page)).toEqual(['息烽县', '全省']);
  },
);

test(
  'presentation mode: full window, caption band, → flies to the next slide, Esc restores the view',
  { timeout: SLOW_TEST_MS },
  async () => {
    await page.getByTestId('choropleth-legend').waitFor({ timeout: waitTimeoutMs(), state: 'attached' });
    await jumpTo(page, 105.5, 26.0, 7.2);
    await settled(page);
    const before = await mapView(page);

    await page.getByTestId('start-presentation').click();
    const presentation = page.getByTestId('presentation');
    await presentation.waitFor();
    expect(await page.locator('.side-panel').isVisible()).toBe(false);
    expect(await page.getByTestId('presentation-caption').textContent()).toBe(CAPTIONS[0]);
    expect(await page.getByTestId('presentation-count').textContent()).toBe('1 / 2');
    // A slide keeps the region seen and fits it to this screen (slides.e2e checks the fit itself):
    // 息烽县's slide plays at a county's zoom.
    await poll(async () => (await mapView(page)).zoom).toBeGreaterThan(7.5);
    await settled(page);
    const first = await mapView(page);
    const fontSize = await page
      .getByTestId('presentation-caption')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(32);
    await page.screenshot({ path: 'test/e2e/screenshots/presentation-slide-1.png' });

    // Every frame's zoom from here on, for the log: a flight shows zooms between the two slides' when
    // the frames come fast enough. What tells a flight from a jump is how long the camera moved.
    const movesBefore = (await atlas(page, (a) => a.cameraMoves())).length;
    await page.evaluate(() => {
      const frames: number[] = [];
      (window as unknown as { zoomFrames: number[] }).zoomFrames = frames;
      const record = () => {
        frames.push(window.atlas!.view().zoom);
        if (frames.length < 600) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
    });
    await page.keyboard.press('ArrowRight');
    await poll(() => page.getByTestId('presentation-caption').textContent()).toBe(CAPTIONS[1]);
    expect(await page.getByTestId('presentation-count').textContent()).toBe('2 / 2');
    // The province's slide plays zoomed well out of the county's.
    await poll(async () => (await mapView(page)).zoom).toBeLessThan(first.zoom - 1);
    await settled(page);
    const second = await mapView(page);
    const frames = await page.evaluate(() => (window as unknown as { zoomFrames: number[] }).zoomFrames);
    const between = frames.filter((zoom) => zoom < first.zoom - 0.05 && zoom > second.zoom + 0.05);
    const moves = (await atlas(page, (a) => a.cameraMoves())).slice(movesBefore);
    console.log(
      `slide change: ${frames.length} frames recorded, ${between.length} of them mid-flight; camera moved ${moves.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    );
    // The flight lasts 1.6 s (map/camera.ts); a jump would start and end in one task.
    expect(Math.max(...moves)).toBeGreaterThan(1000);
    expect(
      Math.hypot(second.center[0] - first.center[0], second.center[1] - first.center[1]),
    ).toBeGreaterThan(0.1);
    await page.screenshot({ path: 'test/e2e/screenshots/presentation-slide-2.png' });
    // Space at the last slide stays there; ← goes back.
    await page.keyboard.press('Space');
    expect(await page.getByTestId('presentation-count').textContent()).toBe('2 / 2');
    await page.keyboard.press('PageUp');
    await poll(() => page.getByTestId('presentation-count').textContent()).toBe('1 / 2');

    await page.keyboard.press('Escape');
    await poll(() => presentation.count()).toBe(0);
    expect(await page.locator('.side-panel').isVisible()).toBe(true);
    await settled(page);
    const after = await mapView(page);
    expect(Math.abs(after.zoom - before.zoom)).toBeLessThan(0.01);
    expect(Math.abs(after.center[0] - before.center[0])).toBeLessThan(0.001);
  },
);

test('slides export to a JSON file and import back; a bad file changes nothing', async () => {
  const { path, text } = await download(page, () => page.getByTestId('export-slides').click());
  const exported = JSON.parse(text);
  expect(exported.format).toBe('guizhou-coverage-atlas/slides');
  expect(exported.slides.map((s: { name: string; caption: string }) => [s.name, s.caption])).toEqual([
    ['息烽县', CAPTIONS[0]],
    ['全省', CAPTIONS[1]],
  ]);
  expect(JSON.stringify(exported)).not.toMatch(/106\.7338|27\.0960/);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('slide').nth(1).getByRole('button', { name: '删除' }).click();
  await poll(() => slideNames(page)).toEqual(['息烽县']);

  await page.getByTestId('import-slides').setInputFiles({
    name: 'not-slides.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"type":"FeatureCollection","features":[]}'),
  });
  await poll(() => page.getByTestId('slides-message').textContent()).toContain('不是本应用导出的幻灯片文件');
  const broken = {
    ...exported,
    slides: [exported.slides[0], { ...exported.slides[1], view: 'm=stations.count' }],
  };
  await page.getByTestId('import-slides').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await poll(() => page.getByTestId('slides-message').textContent()).toContain(
    '第 2 张幻灯片的字段“view”无效',
  );
  expect(await slideNames(page)).toEqual(['息烽县']);

  await page.getByTestId('import-slides').setInputFiles(path);
  await poll(() => page.getByTestId('slides-message').textContent()).toContain('已导入 2 张幻灯片');
  expect(await slideNames(page)).toEqual(['息烽县', '全省']);
  expect(await slideCaptions(page)).toEqual(CAPTIONS);
});
