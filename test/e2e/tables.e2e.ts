// The exported tables as people read them, and the ranking table in the side panel.
// With the sample: the ranking fits the 320 px panel (no sideways scroll, the value column in view);
// its CSV and XLSX have human headings (Chinese, then English), the values as the table shows them
// (no more digits), the slider's year, the plan target and the gap to it, and a line naming the
// stations' source as sample data.
// With a village file of one's own: the county card and the ranking say "无 4G 基站数据" while no
// station is loaded (not 0.0 %); the dataset's export has human headings, the county's code and name
// and 是/否/未知; once the sample fills the other layers, the gap export names each layer's source
// and does not call the whole file sample.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { settled } from './atlas';
import { csvFields, csvLines, download, xlsxRows } from './downloads';
import { poll, SLOW_TEST_MS, useApp, waitTimeoutMs } from './harness';
import { XIFENG } from './places';

const SCREENSHOTS = 'test/e2e/screenshots';
const SAMPLE = '示例数据 / sample data';

/** Notes above a blank line, then the header and rows (the layout of every table export). */
function splitExport(lines: string[][]): { notes: string[]; header: string[]; rows: string[][] } {
  const blank = lines.findIndex((cells) => cells.every((cell) => cell === ''));
  return {
    notes: lines.slice(0, blank).map((cells) => cells[0]),
    header: lines[blank + 1],
    rows: lines.slice(blank + 2),
  };
}
const csvTable = (text: string) => splitExport(csvLines(text).map(csvFields));

/** Digits after the decimal point of a number as written. */
const decimals = (text: string) => (text.includes('.') ? text.split('.')[1].length : 0);

describe('the ranking table and its exports, with the sample', () => {
  const app = useApp({ sample: true });
  let page: Page;
  const table = () => page.getByTestId('ranking-table');
  const openRanking = async () => {
    await page.getByTestId('ranking-section').locator('summary').click();
    await table().locator('tbody tr[data-adcode]').first().waitFor();
  };
  const closeRanking = () => page.getByTestId('ranking-section').locator('summary').click();

  beforeAll(() => {
    page = app.page;
  });

  /** Sideways overflow of the side panel and the ranking's scroller, and where the value cells are. */
  const fit = () =>
    page.evaluate(() => {
      const panel = document.querySelector<HTMLElement>('.side-panel')!;
      const scroller = document.querySelector<HTMLElement>('.ranking-scroll')!;
      const box = scroller.getBoundingClientRect();
      const cells = [...document.querySelectorAll<HTMLElement>('[data-testid="ranking-value"]')].slice(0, 20);
      return {
        panelWidth: Math.round(panel.getBoundingClientRect().width),
        panelOverflow: panel.scrollWidth - panel.clientWidth,
        scrollerOverflow: scroller.scrollWidth - scroller.clientWidth,
        valueCellsInside: cells.every((cell) => {
          const r = cell.getBoundingClientRect();
          return r.width > 20 && r.left >= box.left && r.right <= box.right + 0.5;
        }),
        valueTexts: cells.map((cell) => cell.textContent),
      };
    });

  test('the ranking fits the 320 px side panel: no sideways scroll, the value column in view', async () => {
    await openRanking();
    for (const level of ['county', 'prefecture'] as const) {
      await page.locator('#choropleth-level').selectOption(level);
      await table().locator('tbody tr[data-adcode]').first().waitFor();
      const measured = await fit();
      expect(measured.panelWidth, level).toBe(320);
      expect(measured.panelOverflow, `${level}: the side panel scrolls sideways`).toBeLessThanOrEqual(0);
      expect(measured.scrollerOverflow, `${level}: the ranking scrolls sideways`).toBeLessThanOrEqual(0);
      expect(measured.valueCellsInside, `${level}: value cells in view`).toBe(true);
      expect(measured.valueTexts.every((text) => /^\d[\d,]*\.\d$/.test(text ?? ''))).toBe(true);
      if (level === 'prefecture') {
        await table().scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SCREENSHOTS}/tables-ranking-prefectures-1440.png` });
      }
    }
    await page.locator('#choropleth-level').selectOption('county');
    await table().locator('tbody tr[data-adcode]').first().waitFor();
    await table().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/tables-ranking-1440.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
    await table().scrollIntoViewIfNeeded();
    expect((await fit()).panelOverflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/tables-ranking-1280.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test('CSV: human headings, values as shown, the slider year, target and gap, the stations named as sample', async () => {
    const year = await page.getByTestId('year-slider').inputValue();
    const { text } = await download(page, () => table().getByRole('button', { name: '导出 CSV' }).click());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const { notes, header, rows } = csvTable(text);
    expect(header).toEqual([
      '排名',
      '区划代码',
      '名称',
      '所属市（州）',
      '每万人 5G 基站数',
      '单位',
      '年份（年底）',
      '规划目标',
      '距目标差距',
      '是否达标',
    ]);
    expect(notes[0]).toBe(`每万人 5G 基站数 · 县（市、区）排名 · ${year} 年底`);
    expect(notes[1]).toBe(`数据来源：基站：${SAMPLE}`);
    expect(notes).toContain('是否达标按未经四舍五入的数值判断：显示为目标值的地区也可能未达标。');
    expect(rows).toHaveLength(88);
    for (const [rank, code, , , value, unit, rowYear, target, gap, verdict] of rows) {
      expect(rank, code).toMatch(/^\d+$/);
      expect(decimals(value), `${code} value ${value}`).toBe(1);
      expect(decimals(gap), `${code} gap ${gap}`).toBe(1);
      expect([unit, rowYear, target]).toEqual(['站/万人', year, '33.0']);
      const expectedGap = Math.max(0, 33 - Number(value));
      expect(Number(gap), code).toBeCloseTo(expectedGap, 6);
      // The verdict is of the unrounded value: one shown as 33.0 may still fall short (the notes say so).
      if (Number(value) !== 33) expect(verdict, code).toBe(Number(value) > 33 ? '达标' : '未达标');
    }
    // The rows on screen say the same numbers, to the digit.
    const shown = await table()
      .locator('tbody tr[data-adcode]')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-adcode'),
          tr.querySelector('[data-testid="ranking-value"]')!.textContent,
        ]),
      );
    expect(shown.length).toBeGreaterThan(10);
    const exported = new Map(rows.map((row) => [row[1], row[4]]));
    for (const [adcode, value] of shown)
      expect(exported.get(adcode!), adcode!).toBe(value!.replace(/,/g, ''));
  });

  test('XLSX: the same headings; rounded numbers, the year as a number', async () => {
    const { bytes } = await download(page, () => table().getByRole('button', { name: '导出 XLSX' }).click());
    const { notes, header, rows } = splitExport(await xlsxRows(bytes));
    expect(notes[1]).toBe(`数据来源：基站：${SAMPLE}`);
    expect(header.slice(0, 5)).toEqual(['排名', '区划代码', '名称', '所属市（州）', '每万人 5G 基站数']);
    expect(header.slice(5)).toEqual(['单位', '年份（年底）', '规划目标', '距目标差距', '是否达标']);
    expect(rows).toHaveLength(88);
    for (const row of rows) {
      expect(decimals(row[4]), `${row[1]} value ${row[4]}`).toBeLessThanOrEqual(1);
      expect(decimals(row[8]), `${row[1]} gap ${row[8]}`).toBeLessThanOrEqual(1);
      expect(row[6]).toBe(await page.getByTestId('year-slider').inputValue());
    }
  });

  test('in English the headings and the source line are English; sample data keeps its label', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => table().getByRole('button', { name: 'Export CSV' }).count()).toBe(1);
    expect((await fit()).scrollerOverflow).toBeLessThanOrEqual(0);
    await table().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/tables-ranking-english-1440.png` });
    const { text } = await download(page, () => table().getByRole('button', { name: 'Export CSV' }).click());
    const { notes, header } = csvTable(text);
    expect(header).toEqual([
      'Rank',
      'Code',
      'Name',
      'Prefecture',
      '5G stations per 10k residents',
      'Unit',
      'Year (as of end)',
      'Plan target',
      'Gap to target',
      'Meets target',
    ]);
    expect(notes[1]).toBe(`Data sources: Stations: ${SAMPLE}`);
    await page.getByRole('button', { name: '中文' }).click();
    await poll(() => table().getByRole('button', { name: '导出 CSV' }).count()).toBe(1);
    await closeRanking();
  });
});

describe('a village file of ones own, without stations, then beside the sample', () => {
  const app = useApp({ engine: true });
  let page: Page;
  const DATASET = 'villages-status';

  beforeAll(() => {
    page = app.page;
  });

  /** By the search box: a click on the map there may land on one of the file's villages. */
  async function selectXifeng() {
    await page.getByRole('combobox', { name: '搜索地点' }).fill('息烽');
    await page.getByRole('listbox').getByRole('option').filter({ hasText: '息烽县' }).click();
    await poll(() => page.getByTestId('area-code').textContent()).toBe(XIFENG.adcode);
    await settled(page);
  }
  const metric = (id: string) => page.getByTestId(`metric-${id}`).textContent();

  test(
    'villages alone: the county card and the ranking say there is no 4G (or 5G) station data',
    { timeout: SLOW_TEST_MS },
    async () => {
      await page.getByTestId('import-input').setInputFiles('test/fixtures/e2e/villages-status.csv');
      await page.getByTestId('import-dialog').waitFor();
      // The file says nothing of its datum: chosen as a person does.
      await page.getByLabel('坐标系').selectOption('wgs84');
      await page.getByRole('button', { name: '检查数据' }).click();
      await page.getByRole('button', { name: '导入 3 行有效数据' }).click();
      await page.getByTestId('import-saved').waitFor();
      await page.getByRole('button', { name: '关闭' }).click();
      await poll(() => page.getByTestId('source-villages').locator('option').allTextContents()).toContain(
        DATASET,
      );
      await page.getByTestId('source-villages').selectOption({ label: DATASET });
      await poll(() => page.locator('section[data-layer="villages"] .source-line').textContent()).toBe(
        `数据：${DATASET}（3 行）`,
      );

      await selectXifeng();
      await poll(() => metric('villages.fourGModelled')).toBe('无 4G 基站数据');
      expect(await metric('villages.fiveGModelled')).toBe('无 5G 基站数据');
      // A reported share is still a share.
      expect(await metric('villages.fiber')).toMatch(/^100\.0%/);
      expect(await page.getByTestId('area-metrics').textContent()).not.toContain('0.0%（0/');
      await page.getByTestId('area-metrics').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOTS}/tables-no-4g-card-1440.png` });

      await page.locator('#choropleth-metric').selectOption('villages.fourGModelled');
      await page.getByTestId('ranking-section').locator('summary').click();
      const noStations = page.getByTestId('ranking-no-stations');
      await poll(() => noStations.locator('strong').textContent()).toBe('无 4G 基站数据');
      expect(await page.getByTestId('ranking-table').locator('tbody tr').count()).toBe(0);
      // The legend has no classes to show, every county as no data, and says why.
      const legend = page.getByTestId('choropleth-legend');
      const classes = await legend
        .locator('tr[data-class]')
        .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.class));
      expect(classes).toEqual(['none']);
      expect(await legend.locator('tr[data-class="none"]').textContent()).toContain('88');
      expect(await page.getByTestId('choropleth-no-stations').textContent()).toBe('无 4G 基站数据');
      await noStations.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOTS}/tables-no-4g-ranking-1440.png` });
      await page.getByTestId('ranking-section').locator('summary').click();
    },
  );

  test('the dataset exports with human headings, county code and name, 是/否/未知, and no internal ids', async () => {
    const row = page.getByTestId('dataset-row').filter({ hasText: DATASET });
    const { text } = await download(page, () => row.getByRole('button', { name: 'CSV' }).click());
    const lines = csvLines(text).map(csvFields);
    expect(lines[0]).toEqual([
      '村级代码',
      '名称',
      '通光纤',
      '千兆光网',
      '通 4G',
      '通 5G',
      '县区代码',
      '县（市、区）',
      '经度（WGS84）',
      '纬度（WGS84）',
      '原文件行号',
    ]);
    expect(lines.slice(1)).toEqual([
      ['520122100201', '坪上村', '是', '否', '是', '是', '520122', '息烽县', '106.750000', '27.110000', '2'],
      [
        '520122100202',
        '胡家湾村',
        '是',
        '是',
        '是',
        '否',
        '520122',
        '息烽县',
        '106.760000',
        '27.120000',
        '3',
      ],
      ['520102016001', '纪念塔社区', '是', '是', '是', '是', '520102', '南明区', '', '', '7'],
    ]);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    const { bytes } = await download(page, () => row.getByRole('button', { name: 'XLSX' }).click());
    const sheet = await xlsxRows(bytes);
    expect(sheet[0]).toEqual(lines[0]);
    expect(sheet[3].slice(0, 8)).toEqual(lines[3].slice(0, 8));
  });

  test(
    'beside the sample, the gap export names each layer’s source and does not call the whole file sample',
    { timeout: SLOW_TEST_MS },
    async () => {
      await page.getByRole('button', { name: '加载示例数据' }).click();
      await page.getByTestId('sample-badge').waitFor({ timeout: waitTimeoutMs() });
      await poll(() => page.getByTestId('source-stations').inputValue()).toBe('sample');
      expect(await page.locator('section[data-layer="villages"] .source-line').textContent()).toBe(
        `数据：${DATASET}（3 行）`,
      );
      await settled(page);
      // With the sample's 4G stations loaded, the modelled 4G share has a value again.
      await poll(() => metric('villages.fourGModelled')).toMatch(/^\d+\.\d%/);

      await page.getByRole('tab', { name: '规划', exact: true }).click();
      const gapTable = page.getByTestId('gap-table');
      await gapTable.locator('tbody tr').first().waitFor({ timeout: waitTimeoutMs() });
      const expectedSource = `数据来源：村：${DATASET}.csv；安置点：${SAMPLE}；景区：${SAMPLE}；基站：${SAMPLE}`;
      const { text } = await download(page, () => gapTable.getByRole('button', { name: '导出 CSV' }).click());
      const { notes, header, rows } = csvTable(text);
      expect(notes[0]).toBe(expectedSource);
      expect(notes).not.toContain(SAMPLE);
      expect(notes.some((note) => note.startsWith('模型估计'))).toBe(true);
      expect(header[0]).toBe('类型');
      expect(rows.some((row) => row[2] === '胡家湾村')).toBe(true);
      const { bytes } = await download(page, () =>
        gapTable.getByRole('button', { name: '导出 XLSX' }).click(),
      );
      const sheet = await xlsxRows(bytes);
      expect(sheet[0][0]).toBe(expectedSource);
      expect(sheet.map((cells) => cells[0])).not.toContain(SAMPLE);
      await page.getByRole('tab', { name: '图层' }).click();
    },
  );
});
