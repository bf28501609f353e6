// A field crew's township checklist, with the sample loaded: find 从江县, open the checklist of
// 加榜乡 from the township table; it lists the engine's villages of that township in code order,
// numbered as the map's dots, with what to check worded as the core words it; printed to PDF (A4,
// print media) every page carries the township's head and every village, and the PNGs of the pages
// are kept to look at; the XLSX holds the same rows; the all-townships checklist starts each
// township on a page of its own. Then the search box finds the township by name and code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TFunction } from 'i18next';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { checklistTownships, checksText } from '../../src/core/export/fieldChecklist';
import type { VillageListRow } from '../../src/core/tracking/villageList';
import { checklistColumns, checkWords } from '../../src/ui/checklist/words';
import { zh } from '../../src/ui/messages/checklist';
import { atlas } from './atlas';
import { download, xlsxRows } from './downloads';
import { poll, SLOW_TEST_MS, useApp } from './harness';
import { countyNamed } from './places';

const app = useApp({ sample: true });
const CONGJIANG = countyNamed('从江县');
const JIABANG = { code: '522633205', name: '加榜乡' };
const SCREENSHOTS = 'test/e2e/screenshots';
const t = ((key: string) => zh[key as keyof typeof zh]) as unknown as TFunction;
const words = checkWords(t);

/** The village list the engine answers for a township (or the whole county), as the checklist asks it. */
const engineRows = (page: Page, township: string | undefined, asOfYear: number) =>
  atlas(
    page,
    (a, request) =>
      a
        .engine()
        .villageList(request)
        .then((r) => r.rows),
    { adcode: CONGJIANG.adcode, township, asOfYear, sort: { key: 'code' as const } },
  ) as Promise<VillageListRow[]>;

/** The PDF of the page as printed on A4, its page count and each page's text. */
async function printToPdf(page: Page, name: string): Promise<{ file: string; pages: string[] }> {
  await page.emulateMedia({ media: 'print' });
  const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const directory = mkdtempSync(join(tmpdir(), 'atlas-checklist-'));
  const file = join(directory, `${name}.pdf`);
  writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  // A4 portrait, 210 × 297 mm (595 × 842 pt, to Chromium's pixel rounding).
  expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
  const count = Number(info.match(/Pages:\s+(\d+)/)![1]);
  const pages = Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }),
  );
  return { file, pages };
}

/** PNGs of the PDF's first pages at 60 dpi, as test/e2e/screenshots/<name>-<page>.png. */
function renderPages(file: string, name: string, lastPage: number): string[] {
  for (const old of readdirSync(SCREENSHOTS).filter((f) => f.startsWith(`${name}-`)))
    rmSync(join(SCREENSHOTS, old));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-l', String(lastPage), file, join(SCREENSHOTS, name)]);
  return readdirSync(SCREENSHOTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

/** Text without the spaces and line breaks pdftotext puts between glyphs. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/**
 * Selects 从江县 as a person does from the search box (a click on the county's seat may land on a
 * station or village dot, which opens that point instead), and opens its township table.
 */
async function selectCongjiang(page: Page) {
  await page.getByRole('combobox', { name: '搜索地点' }).fill(CONGJIANG.name);
  await page
    .getByRole('listbox')
    .getByRole('option')
    .filter({ hasText: '县区' })
    .filter({ hasText: CONGJIANG.name })
    .click();
  await poll(() => page.getByTestId('area-panel').locator('h2').textContent()).toBe('从江县');
  // The township table shows once the engine has answered for the county.
  const table = page.getByTestId('township-table');
  await table.locator('summary').click();
  return table;
}

test(
  "加榜乡's checklist lists the engine's villages, numbered as the map; its PDF and XLSX hold them all",
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    const table = await selectCongjiang(page);
    await table.locator('tbody').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/checklist-panel-1440.png` });
    await table.getByRole('button', { name: `打印乡镇核查清单：${JIABANG.name}` }).click();
    const checklist = page.getByTestId('field-checklist');
    const section = checklist.getByTestId('checklist-township');
    await section.waitFor();
    await expect.poll(() => section.count()).toBe(1);
    expect(await section.getAttribute('data-code')).toBe(JIABANG.code);

    // The year the checklist says, and the engine's villages of the township for that year.
    const header = (await section.locator('header').textContent())!;
    const asOfYear = Number(header.match(/状态截至 (\d{4}) 年底/)![1]);
    expect(header).toMatch(/打印日期 \d{4}年\d{1,2}月\d{1,2}日/);
    const rows = await engineRows(page, JIABANG.code, asOfYear);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.townshipCode === JIABANG.code)).toBe(true);
    const [expected] = checklistTownships(rows);

    const listed = section.getByTestId('checklist-row');
    expect(await listed.count()).toBe(rows.length);
    expect(await listed.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))).toEqual(
      rows.map((r) => r.code),
    );
    const cells = await listed.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())),
    );
    for (const [i, village] of expected.villages.entries()) {
      expect(cells[i][0]).toBe(String(village.number));
      expect(cells[i][1]).toBe(`${village.name}\n${village.code}`);
      expect(cells[i][2].split('\n').join(words.checkSeparator)).toBe(checksText(village.checks, words));
      expect(cells[i][3].split('\n').map((line) => line.trim())).toEqual(['已核实', '有误']);
      expect(await listed.nth(i).locator('.ticks .box').count()).toBe(2);
    }
    // The sample has villages that need a look; a checklist of nothing-to-check would prove little.
    expect(expected.villages.some((v) => v.checks.length > 0)).toBe(true);
    expect(await section.getByTestId('checklist-sources').textContent()).toBe(
      '数据来源：村：示例数据 / sample data；基站：示例数据 / sample data',
    );

    // The map: one dot per positioned village, with the list's numbers.
    const dots = await section
      .getByTestId('checklist-map')
      .locator('[data-number]')
      .evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-number'))));
    expect(dots).toEqual(
      expected.villages.filter((v) => Number.isFinite(v.lon) && Number.isFinite(v.lat)).map((v) => v.number),
    );
    await page.screenshot({ path: `${SCREENSHOTS}/checklist-screen-1440.png` });

    // Printed: A4 pages, the township's head on every one, every village with its tick boxes.
    const pdf = await printToPdf(page, 'checklist-township');
    const text = squeeze(pdf.pages.join('\n'));
    for (const pageText of pdf.pages) expect(squeeze(pageText)).toContain(`${JIABANG.name}·从江县·核查清单`);
    for (const village of expected.villages) {
      expect(text).toContain(village.code);
      expect(text).toContain(village.name);
    }
    expect(text.split('有误').length - 1).toBe(rows.length);
    expect(text).toContain('村：示例数据/sampledata；基站：示例数据/sampledata');
    expect(renderPages(pdf.file, 'checklist-township', pdf.pages.length).length).toBe(pdf.pages.length);
    rmSync(dirname(pdf.file), { recursive: true, force: true });

    // The XLSX: the sources first, then the same rows under human headers.
    const xlsx = await download(page, () => checklist.getByRole('button', { name: '下载 XLSX' }).click());
    const sheet = await xlsxRows(xlsx.bytes);
    expect(sheet[0][0]).toBe('数据来源：村：示例数据 / sample data；基站：示例数据 / sample data');
    expect(sheet[1][0]).toBe(`${JIABANG.name} 村级通信核查清单`);
    expect(sheet[2][0]).toMatch(new RegExp(`^状态截至 ${asOfYear} 年底`));
    const headerAt = sheet.findIndex((row) => row[0] === '乡镇代码');
    expect(sheet[headerAt]).toEqual(Object.values(checklistColumns(t)));
    const data = sheet.slice(headerAt + 1);
    expect(data).toHaveLength(rows.length);
    expect(data.map((row) => [row[0], row[2], row[4]])).toEqual(
      expected.villages.map((v) => [JIABANG.code, String(v.number), v.code]),
    );

    await checklist.getByRole('button', { name: '关闭' }).click();
    await poll(() => page.getByTestId('field-checklist').count()).toBe(0);
  },
);

test(
  "the county's checklist starts every township on its own pages, in code order",
  { timeout: SLOW_TEST_MS },
  async () => {
    const { page } = app;
    const table = page.getByTestId('township-table');
    const townshipCount = await table.locator('tbody tr').count();
    await table.getByRole('button', { name: /本县全部 \d+ 个乡镇/ }).click();
    const checklist = page.getByTestId('field-checklist');
    await poll(() => checklist.getByTestId('checklist-township').count()).toBe(townshipCount);
    const names = await checklist
      .getByTestId('checklist-township')
      .evaluateAll((sections) => sections.map((s) => s.querySelector('h3')!.textContent!.split(' ')[0]));
    // Escape closes it after the PDF; the phone view of the overlay is kept to look at.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SCREENSHOTS}/checklist-screen-390.png` });
    await page.setViewportSize({ width: 1440, height: 900 });

    const pdf = await printToPdf(page, 'checklist-county');
    const headsPerPage = pdf.pages.map((pageText) =>
      names.filter((name) => squeeze(pageText).includes(`${name}·从江县·核查清单`)),
    );
    // Each page belongs to one township; townships follow each other, each on a page of its own.
    expect(headsPerPage.every((heads) => heads.length === 1)).toBe(true);
    const sequence = headsPerPage.map(([name]) => name).filter((name, i, all) => name !== all[i - 1]);
    expect(sequence).toEqual(names);
    for (const name of names) {
      const first = headsPerPage.findIndex(([head]) => head === name);
      expect(squeeze(pdf.pages[first])).toContain(`${name}村级通信核查清单`);
    }
    expect(renderPages(pdf.file, 'checklist-county', 3)).toHaveLength(3);
    rmSync(dirname(pdf.file), { recursive: true, force: true });

    await page.keyboard.press('Escape');
    await poll(() => page.getByTestId('field-checklist').count()).toBe(0);
  },
);

test('typing a township name or its code shows it as a township', async () => {
  const { page } = app;
  const box = page.getByRole('combobox', { name: '搜索地点' });
  const options = page.getByRole('listbox').getByRole('option');
  for (const query of [JIABANG.name, JIABANG.code]) {
    await box.fill(query);
    await poll(() => options.first().getAttribute('data-code')).toBe(JIABANG.code);
    expect(await options.first().textContent()).toContain('乡镇');
    expect(await options.first().textContent()).toContain(JIABANG.name);
  }
  await page.screenshot({ path: `${SCREENSHOTS}/checklist-search-1440.png` });
  await box.fill('');
});
