// The rural-connectivity team's job end to end: import a county's village status sheet (XLSX,
// codes stored as numbers), list the villages of 从江县 that lack gigabit fiber, mark three of them
// 千兆 = 是 in the status editor (a modal shown whole on the screen), and see the county's gigabit
// share, the filtered list and the township counts change; reload and find it all again; export
// the list and the history and find the edits in them, with names and human headers.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { beforeAll, expect, test } from 'vitest';
import { settled } from './atlas';
import { csvFields, csvLines, download, xlsxRows } from './downloads';
import { poll, SLOW_TEST_MS, useApp, waitTimeoutMs } from './harness';

const app = useApp({ engine: true });
let page: Page;
let sheetPath: string;

/** 从江县's first 40 villages of the NBS list, with a made-up test status: gigabit yes on every fourth. */
const VILLAGES = readFileSync('geodata/villages.csv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .filter((fields) => fields[4] === '522633')
  .slice(0, 40)
  .map(([code, name, , townshipName], i) => ({ code, name, townshipName, gigabit: i % 4 === 0 }));
const WITHOUT_GIGABIT = VILLAGES.filter((v) => !v.gigabit);
const EDITED = WITHOUT_GIGABIT.slice(0, 3);

beforeAll(async () => {
  page = app.page;
  sheetPath = join(mkdtempSync(join(tmpdir(), 'atlas-tracking-')), '从江县村表.xlsx');
  const header = ['村代码', '村名', '光纤', '千兆', '5G'].map((value) => ({
    value,
    fontWeight: 'bold' as const,
  }));
  await writeXlsxFile([
    header,
    ...VILLAGES.map((v, i) => [
      // Codes stored as numbers, as spreadsheets keep them.
      { type: Number, value: Number(v.code) },
      { type: String, value: v.name },
      { type: String, value: '是' },
      { type: String, value: v.gigabit ? '是' : '否' },
      { type: String, value: i % 2 === 0 ? '是' : '否' },
    ]),
  ]).toFile(sheetPath);
});

const gigabitShare = () => page.getByTestId('metric-villages.gigabit').textContent();
const listCount = () => page.getByTestId('village-list-count').textContent();

async function selectCongjiang() {
  const box = page.getByRole('combobox', { name: '搜索地点' });
  await box.fill('从江县');
  await page.getByRole('listbox').getByRole('option').filter({ hasText: '从江县' }).first().click();
  await poll(() => page.getByTestId('area-panel').locator('h2').textContent()).toBe('从江县');
}

async function openGigabitGaps() {
  await page.getByRole('button', { name: '村庄清单（按状态筛选）' }).click();
  await page.getByTestId('village-list').waitFor();
  await page.getByTestId('village-filter-gigabit').selectOption('0');
}

test(
  'three villages marked 千兆 = 是 change the county share, the filtered list and the exports, and survive a reload',
  { timeout: SLOW_TEST_MS * 2 },
  async () => {
    await page.getByTestId('import-input').setInputFiles(sheetPath);
    await page.getByTestId('import-dialog').waitFor();
    expect(await page.getByLabel('数据类型').inputValue()).toBe('villages');
    const datum = page.getByLabel('坐标系');
    if ((await datum.isVisible()) && (await datum.isEnabled())) await datum.selectOption('gcj02');
    await page.getByRole('button', { name: '检查数据' }).click();
    await page.getByRole('button', { name: '导入 40 行有效数据' }).click({ timeout: waitTimeoutMs() });
    await page.getByTestId('import-saved').waitFor();
    await page.getByTestId('import-dialog').getByRole('button', { name: '关闭' }).click();
    await settled(page);

    await selectCongjiang();
    const expectedBefore = `${((100 * (VILLAGES.length - WITHOUT_GIGABIT.length)) / VILLAGES.length).toFixed(1)}`;
    await poll(gigabitShare).toContain(expectedBefore);
    await openGigabitGaps();
    await poll(listCount).toContain(`显示 ${WITHOUT_GIGABIT.length} 个`);

    for (const village of EDITED) {
      const row = page.getByTestId('village-table').locator(`tr[data-code="${village.code}"]`);
      await row.getByTestId('village-edit').click();
      const dialog = page.getByTestId('status-editor');
      await dialog.waitFor();
      // A real modal: the whole dialog inside the window, focus inside it.
      const box = (await dialog.boundingBox())!;
      const viewport = page.viewportSize()!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
      expect(await dialog.locator('h2').textContent()).toContain(village.name);
      await dialog.getByLabel('状态项').selectOption('gigabit');
      await dialog.getByLabel('操作').selectOption('verify');
      await dialog.getByLabel('状态', { exact: true }).selectOption('true');
      await dialog.getByLabel('日期').fill('2026-11-20');
      await dialog.getByLabel('备注').fill('现场测速 1000M');
      await dialog.getByLabel('记录人').fill('从江县 王工');
      await dialog.getByRole('button', { name: '保存', exact: true }).click();
      await dialog.getByText('已保存（已写入本机），各处数字已更新。').waitFor({ timeout: waitTimeoutMs() });
      expect(await dialog.getByTestId('status-history').textContent()).toContain('现场核实');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }

    const after = VILLAGES.length - WITHOUT_GIGABIT.length + EDITED.length;
    const expectedAfter = `${((100 * after) / VILLAGES.length).toFixed(1)}`;
    await poll(gigabitShare).toContain(expectedAfter);
    expect(await page.getByTestId('area-village-tracking').textContent()).toContain(
      `已现场核实 ${EDITED.length}`,
    );
    await poll(listCount).toContain(`显示 ${WITHOUT_GIGABIT.length - EDITED.length} 个`);
    await page.getByTestId('village-filter-gigabit').selectOption('');
    await page.getByTestId('village-filter-tracking').selectOption('verified');
    await poll(listCount).toContain(`显示 ${EDITED.length} 个`);
    expect(await page.getByTestId('village-list-tally').textContent()).toContain(
      `已现场核实 ${EDITED.length}`,
    );
    const mark = page
      .getByTestId('village-table')
      .locator(`tr[data-code="${EDITED[0].code}"]`)
      .getByTestId('edit-mark');
    expect(await mark.getAttribute('title')).toContain('从江县 王工');
    await page.screenshot({ path: 'test/e2e/screenshots/village-list-1440.png' });

    // After a reload: the layer still shows the sheet, with the edits counted.
    await page.reload();
    await page.getByTestId('map').waitFor();
    await settled(page);
    await selectCongjiang();
    await poll(gigabitShare).toContain(expectedAfter);
    await openGigabitGaps();
    await poll(listCount).toContain(`显示 ${WITHOUT_GIGABIT.length - EDITED.length} 个`);

    // The exported list (all villages) holds the edits: reported 否, now 是, verified.
    await page.getByTestId('village-filter-gigabit').selectOption('');
    await poll(listCount).toContain(`显示 ${VILLAGES.length} 个`);
    const csv = await download(page, () =>
      page.getByTestId('village-list').getByRole('button', { name: '导出 CSV' }).click(),
    );
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csvLines(csv.text);
    const headerAt = lines.findIndex((line) => line.startsWith('县（市、区）,'));
    expect(lines.slice(0, headerAt).join('\n')).toContain('从江县村表');
    const header = csvFields(lines[headerAt]);
    const rows = lines
      .slice(headerAt + 1)
      .map((line) => Object.fromEntries(csvFields(line).map((v, c) => [header[c], v])));
    expect(rows).toHaveLength(VILLAGES.length);
    for (const village of EDITED) {
      const row = rows.find((r) => r['村级代码'] === village.code)!;
      expect(row).toMatchObject({
        村名: village.name,
        '县（市、区）': '从江县',
        '乡镇（街道）': village.townshipName,
        '千兆（上报）': '否',
        '千兆（当前）': '是',
        '千兆（现场核实）': '已核实',
        最近修改: '2026-11-20',
      });
    }
    const xlsx = await download(page, () =>
      page.getByTestId('village-list').getByRole('button', { name: '导出 XLSX' }).click(),
    );
    const sheet = await xlsxRows(xlsx.bytes);
    expect(sheet.some((row) => row.includes(EDITED[1].code) && row.includes('已核实'))).toBe(true);

    // The change history names the villages and who recorded what, with human headers.
    await page
      .getByTestId('village-table')
      .locator(`tr[data-code="${EDITED[2].code}"]`)
      .getByTestId('village-edit')
      .click();
    const history = await download(page, () =>
      page.getByTestId('status-editor').getByRole('button', { name: '导出修改历史（CSV）' }).click(),
    );
    const historyLines = csvLines(history.text);
    const historyHeader = historyLines.findIndex((line) => line.startsWith('日期,'));
    expect(historyLines[historyHeader]).toBe('日期,代码,名称,状态项,操作,值,备注,记录人,来源,记录时间');
    expect(historyLines.slice(historyHeader + 1)).toHaveLength(EDITED.length);
    expect(historyLines.join('\n')).toContain(
      `2026-11-20,${EDITED[2].code},${EDITED[2].name},千兆,现场核实,是,现场测速 1000M,从江县 王工,`,
    );
    await page.keyboard.press('Escape');
  },
);
