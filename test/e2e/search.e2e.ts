// Searching as a person does: type part of a name, pinyin or a village code into the side panel's
// box, pick a result with the mouse or the keyboard, and land on the place.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { AreaIndex } from '../../src/core/areas';
import { mapView, settled } from './atlas';
import { poll, useApp } from './harness';
import { XIFENG } from './places';

const areas: AreaIndex = JSON.parse(readFileSync('geodata/areas.json', 'utf8'));
// A real village from the middle of the file: code, name, township code, township, county adcode, kind.
const [villageCode, villageName, , townshipName, villageCountyAdcode] = readFileSync(
  'geodata/villages.csv',
  'utf8',
)
  .trim()
  .split('\n')[9_000]
  .split(',');
const villageCounty = areas.counties.find((c) => c.adcode === villageCountyAdcode)!;

const app = useApp();

const box = () => app.page.getByRole('combobox', { name: '搜索地点' });
const options = () => app.page.getByRole('listbox', { name: '搜索地点' }).getByRole('option');
const view = () => mapView(app.page);

test('typing part of a name lists the county with its kind and prefecture; clicking it selects and zooms to it', async () => {
  const before = await view();
  await box().fill('息烽');
  const option = options().filter({ hasText: '息烽县' });
  await option.waitFor();
  expect(await option.textContent()).toContain('县区');
  expect(await option.textContent()).toContain('贵阳市');
  await option.click();
  const panel = app.page.getByTestId('area-panel');
  await poll(() => panel.locator('h2').textContent()).toBe('息烽县');
  expect(await panel.getByTestId('area-code').textContent()).toBe(XIFENG.adcode);
  await settled(app.page);
  expect((await view()).zoom).toBeGreaterThan(before.zoom);
  expect(await box().inputValue()).toBe('');
  expect(await app.page.getByRole('listbox', { name: '搜索地点' }).isHidden()).toBe(true);
});

test('pinyin finds the county; Escape closes the list', async () => {
  await box().fill('xifeng');
  await options().first().waitFor();
  expect(await options().allTextContents()).toEqual(
    expect.arrayContaining([expect.stringContaining('息烽县')]),
  );
  expect(await box().getAttribute('aria-expanded')).toBe('true');
  await box().press('Escape');
  expect(await app.page.getByRole('listbox', { name: '搜索地点' }).isHidden()).toBe(true);
  expect(await box().getAttribute('aria-expanded')).toBe('false');
  await box().press('Escape');
  expect(await box().inputValue()).toBe('');
});

test('a 12-digit village code, chosen with the keyboard, shows the village in the inspector and selects its county', async () => {
  await box().fill(villageCode);
  await options().first().waitFor();
  expect(await options().count()).toBe(1);
  expect(await options().first().textContent()).toContain(villageName);
  await box().press('ArrowDown');
  await box().press('ArrowUp');
  expect(await box().getAttribute('aria-activedescendant')).toBe(await options().first().getAttribute('id'));
  await box().press('Enter');
  const card = app.page.getByTestId('inspector');
  await card.waitFor();
  // No village data is loaded here: the card says so and shows what the NBS list knows.
  await poll(() => card.getAttribute('data-status')).toBe('notLoaded');
  expect(await app.page.getByTestId('inspector-name').textContent()).toBe(villageName);
  expect(await card.locator('[data-field="code"] dd').textContent()).toBe(villageCode);
  expect(await card.locator('[data-field="township"] dd').textContent()).toBe(townshipName);
  expect(await card.locator('[data-field="county"] dd').textContent()).toBe(villageCounty.name);
  expect(await card.textContent()).toContain('未加载村级数据');
  // Without a position the map fits the village's county.
  await poll(() => app.page.getByTestId('area-panel').locator('h2').textContent()).toBe(villageCounty.name);
  expect(await app.page.getByTestId('inspect-marker').count()).toBe(0);
  await app.page.screenshot({ path: 'test/e2e/screenshots/search-village-1440x900.png' });
});

test('the card closes with its button', async () => {
  await app.page.getByRole('button', { name: '关闭详情' }).click();
  await poll(() => app.page.getByTestId('inspector').count()).toBe(0);
});

test('a query that matches nothing says so', async () => {
  await box().fill('没有这个地方');
  await app.page.getByRole('status').filter({ hasText: '没有找到匹配的地点' }).waitFor();
  await box().fill('');
});
