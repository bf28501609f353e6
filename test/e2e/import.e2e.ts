// Importing as a person does: pick a file, check the mapping, say the datum, read the problems,
// import the valid rows, download the rejected ones, find the dataset again after a reload, export
// it, delete it; see the layer it feeds switch to it, and undo that.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { atlas, nextFrames, settled } from './atlas';
import { download as downloadFile } from './downloads';
import { poll, SLOW_TEST_MS, useApp, waitTimeoutMs } from './harness';

const app = useApp();
let page: Page;

beforeAll(() => {
  page = app.page;
});

async function importFile(path: string) {
  await page.getByTestId('import-input').setInputFiles(path);
  await page.getByTestId('import-dialog').waitFor();
}

const download = async (click: () => Promise<void>) => (await downloadFile(page, click)).text;

/** The datum a file states nothing about: chosen as a person does, from the menu. */
const chooseDatum = (value: 'wgs84' | 'gcj02' | 'bd09') =>
  page.getByLabel('坐标系').selectOption(value, { timeout: waitTimeoutMs() });

describe('a village status sheet with problems', () => {
  test('the check reports every problem by row and column, in Chinese', async () => {
    await importFile('test/fixtures/e2e/villages-status.csv');
    expect(await page.getByLabel('数据类型').inputValue()).toBe('villages');
    expect(await page.locator('#field-villageCode option:checked').textContent()).toBe('村代码');
    await chooseDatum('wgs84');
    await page.getByRole('button', { name: '检查数据' }).click();
    await page.getByTestId('import-counts').waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toBe('可导入 3 行；有问题被拒绝 4 行。');
    const problems = await page.getByTestId('import-problems').locator('tbody tr').allTextContents();
    expect(problems.join('\n')).toContain('不是贵州的村级单位');
    expect(problems.join('\n')).toContain('经纬度可能填反了');
    expect(problems.join('\n')).toContain('“106.7x”不是数字');
    expect(problems.join('\n')).toContain('“也许”不是“是/否”');
    expect(problems.some((row) => row.startsWith('5经度'))).toBe(true);
    await page.screenshot({ path: 'test/e2e/screenshots/import-report.png' });
  });

  test('the rejected rows download as CSV with their row number and reason', async () => {
    const csv = await download(() => page.getByRole('button', { name: '下载被拒绝的行（CSV）' }).click());
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe('村代码,村名,经度,纬度,光纤,千兆,4G,5G,行号,原因');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^999999999999,不存在村,.*,4,村代码：村级代码 999999999999 不是贵州的村级单位/);
  });

  test('the valid rows are saved (a village with a code but no coordinates included)', async () => {
    await page.getByRole('button', { name: '导入 3 行有效数据' }).click();
    await page.getByTestId('import-saved').waitFor();
    await page.getByRole('button', { name: '关闭' }).click();
    const row = page.getByTestId('dataset-row').filter({ hasText: 'villages-status' });
    expect(await row.textContent()).toContain('村级单位 · 3 行');
  });
});

describe('text is data, and datasets persist', () => {
  test('a name that looks like HTML shows as those characters, never as markup', async () => {
    await importFile('test/fixtures/import/xss.csv');
    const cell = page.getByTestId('import-dialog').locator('td', { hasText: 'onerror' });
    expect(await cell.textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await page.getByTestId('import-dialog').locator('img, script').count()).toBe(0);
    await chooseDatum('wgs84');
    await page.getByRole('button', { name: '检查数据' }).click();
    await page.getByRole('button', { name: /导入 2 行有效数据/ }).click();
    await page.getByTestId('import-saved').waitFor();
    await page.getByRole('button', { name: '关闭' }).click();
  });

  test(
    'after a reload both datasets are still listed; export keeps the text verbatim',
    { timeout: SLOW_TEST_MS },
    async () => {
      await page.reload();
      await page.getByTestId('dataset-row').first().waitFor();
      expect(await page.getByTestId('dataset-row').count()).toBe(2);
      const row = page.getByTestId('dataset-row').filter({ hasText: 'xss' });
      const csv = await download(() => row.getByRole('button', { name: 'CSV' }).click());
      expect(csv).toContain('<img src=x onerror=alert(1)>');
      expect(csv).toContain('"<script>alert(\'x\')</script>, ""quoted"""');
      const geojson = JSON.parse(await download(() => row.getByRole('button', { name: 'GEOJSON' }).click()));
      expect(geojson.features.map((f: { properties: { name: string } }) => f.properties.name)).toContain(
        '<img src=x onerror=alert(1)>',
      );
    },
  );

  test('a dataset can be renamed and deleted', async () => {
    const row = page.getByTestId('dataset-row').filter({ hasText: 'xss' });
    await row.getByRole('button', { name: '重命名' }).click();
    await page.getByLabel('数据集名称').fill('站点 <b>测试</b>');
    await page.getByRole('button', { name: '保存' }).click();
    await poll(() => page.getByTestId('dataset-row').filter({ hasText: '站点 <b>测试</b>' }).count()).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .getByTestId('dataset-row')
      .filter({ hasText: '站点 <b>测试</b>' })
      .getByRole('button', { name: '删除' })
      .click();
    await poll(() => page.getByTestId('dataset-row').count()).toBe(1);
  });

  test(
    'an import abandoned before saving leaves nothing behind, even if the tab closes',
    { timeout: SLOW_TEST_MS },
    async () => {
      await importFile('test/fixtures/import/xss.csv');
      await chooseDatum('wgs84');
      await page.getByRole('button', { name: '检查数据' }).click();
      await page.getByTestId('import-counts').waitFor();
      const context = page.context();
      await page.close();
      page = await app.openTab(context);
      await page.getByTestId('dataset-row').first().waitFor();
      expect(await page.getByTestId('dataset-row').count()).toBe(1);
    },
  );
});

describe('other formats', () => {
  test('KML as a desktop GIS exports it imports in the worker (xmldom stands in for DOMParser)', async () => {
    await importFile('test/fixtures/import/stations-qgis.kml');
    await page.getByRole('button', { name: '检查数据' }).click();
    await page.getByTestId('import-counts').waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toMatch(/^可导入 [1-9]\d* 行/);
    await page.getByRole('button', { name: '取消' }).click();
  });

  test('a zipped Shapefile with a GBK attribute table reads its Chinese names', async () => {
    await importFile('test/fixtures/import/villages-gbk.zip');
    await page.getByRole('button', { name: '检查数据' }).waitFor();
    expect(await page.getByTestId('import-dialog').textContent()).toMatch(/[\u4e00-\u9fff]{2,}村/);
    await page.getByRole('button', { name: '取消' }).click();
  });
});

describe('a large file', () => {
  // 200,000 station rows (~11 MB), written to a temporary file so the repository stays small (and
  // so the browser reads a real file, not one Playwright builds in page script).
  const big = () => {
    const path = join(mkdtempSync(join(tmpdir(), 'atlas-')), 'big-stations.csv');
    const lines = ['站号,运营商,频段,制式,建成年份,经度,纬度'];
    for (let i = 0; i < 200_000; i++)
      lines.push(
        `B-${i},中国移动,n41,5G,2023,${(105 + ((i % 997) / 997) * 3).toFixed(6)},${(26 + ((i % 991) / 991) * 1.5).toFixed(6)}`,
      );
    writeFileSync(path, lines.join('\n'));
    return path;
  };

  test(
    'shows real progress while reading and checking, and the page stays responsive',
    { timeout: SLOW_TEST_MS },
    async () => {
      await page.evaluate(() => {
        const w = window as never as { progressSeen: Set<string>; longTasks: number[] };
        w.progressSeen = new Set();
        w.longTasks = [];
        setInterval(() => {
          const bar = document.querySelector('progress');
          if (bar?.hasAttribute('value')) w.progressSeen.add(bar.value.toFixed(2));
        }, 30);
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration));
        }).observe({ type: 'longtask' });
      });
      const started = Date.now();
      await page.getByTestId('import-input').setInputFiles(big());
      await chooseDatum('wgs84');
      await page.getByRole('button', { name: '检查数据' }).click({ timeout: waitTimeoutMs() });
      await page.getByTestId('import-counts').waitFor({ timeout: waitTimeoutMs() });
      const elapsed = Date.now() - started;
      const { progress, longTasks } = await page.evaluate(() => {
        const w = window as never as { progressSeen: Set<string>; longTasks: number[] };
        return { progress: [...w.progressSeen].map(Number), longTasks: w.longTasks };
      });
      console.log(
        `200,000-row CSV read and checked in ${elapsed} ms; progress values seen: ${progress.length}; main-thread long tasks: ${JSON.stringify(longTasks)}`,
      );
      // Every row is accounted for: accepted, or rejected with a reason (some synthetic points fall outside Guizhou).
      const [accepted, rejected] = (
        (await page.getByTestId('import-counts').textContent())!.match(/[\d,]+/g) ?? []
      ).map((n) => Number(n.replace(/,/g, '')));
      expect(accepted + rejected).toBe(200_000);
      expect(progress.filter((value) => value > 0 && value < 1).length).toBeGreaterThanOrEqual(4);
      await page.getByRole('button', { name: '取消' }).click();
    },
  );

  test('cancelling while the file is read stops the job and stores nothing', async () => {
    const before = await page.getByTestId('dataset-row').count();
    await page.getByTestId('import-input').setInputFiles(big());
    await page.getByTestId('import-progress').waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    expect(await page.getByTestId('import-dialog').count()).toBe(0);
    // Cancelling ends the job's worker: whatever it had already sent the page has run by the next frames.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
    await nextFrames(page);
    expect(await page.getByTestId('import-dialog').count()).toBe(0);
    expect(await page.getByTestId('dataset-row').count()).toBe(before);
  });
});

describe('a file that is not data', () => {
  test('binary junk gets a clear reason in Chinese, and nothing crashes', async () => {
    await importFile('test/fixtures/import/junk.bin');
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').textContent()).toContain('junk.bin：文件不是文本');
    await page.getByRole('button', { name: '关闭' }).click();
    expect(await page.getByTestId('import-dialog').count()).toBe(0);
  });
});

describe('an import lands where it is used', () => {
  const directory = () => mkdtempSync(join(tmpdir(), 'atlas-import-'));
  /** Five villages of 息烽县 with coordinates; nothing in the file says their datum. */
  const villageFile = (name: string, header = '村代码,村名,经度,纬度,5G') => {
    const path = join(directory(), name);
    const rows = [
      '520122100201,坪上村,106.75,27.11,是',
      '520122100202,胡家湾村,106.76,27.12,否',
      '520122100203,龙窝村,106.77,27.10,否',
      '520122100204,高山村,106.74,27.13,是',
      '520122100205,大寨村,106.78,27.09,否',
    ];
    writeFileSync(path, [header, ...rows].join('\n'));
    return path;
  };
  const layerSource = () => atlas(page, async (a) => (await a.engine().layerInfo()).sources.villages ?? null);
  const notice = () => page.getByTestId('import-layer-notice');

  test('a file whose datum is stated has it chosen, and says which column said so', async () => {
    await importFile(villageFile('gcj-villages.csv', '村代码,村名,lng_gcj02,lat_gcj02,5G'));
    expect(await page.getByLabel('坐标系').inputValue()).toBe('gcj02');
    expect(await page.getByTestId('import-datum-note').textContent()).toBe(
      '文件的坐标列名“lng_gcj02”表明是 GCJ-02（高德、腾讯），已预选。',
    );
    expect(await page.getByRole('button', { name: '检查数据' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: '取消' }).click();
  });

  test(
    'a file that states no datum cannot be checked or saved until one is chosen',
    { timeout: SLOW_TEST_MS },
    async () => {
      // The village layer draws the sample and is switched off, as a user starting out finds it.
      await page.getByRole('button', { name: '加载示例数据' }).click();
      await page.getByTestId('sample-badge').waitFor({ timeout: waitTimeoutMs() });
      await page.getByTestId('source-villages').selectOption('sample');
      await poll(layerSource).toMatchObject({ kind: 'sample' });
      await page.getByTestId('toggle-villages').uncheck();

      await importFile(villageFile('村测试.csv'));
      const datum = page.getByLabel('坐标系');
      const check = page.getByRole('button', { name: '检查数据' });
      expect(await datum.inputValue()).toBe('');
      expect(await datum.getAttribute('aria-invalid')).toBe('true');
      expect(await check.isDisabled()).toBe(true);
      expect(await page.getByTestId('import-datum-blocked').textContent()).toBe(
        '选择坐标系后才能检查和导入。',
      );
      expect(await page.getByTestId('import-datum-note').textContent()).toContain(
        '请选择坐标系：文件没有说明',
      );
      await page.screenshot({ path: 'test/e2e/screenshots/import-datum-required-1440.png' });
      // A click on the disabled button goes nowhere: still the mapping step, nothing counted.
      await check.click({ force: true });
      await nextFrames(page);
      expect(await page.getByTestId('import-counts').count()).toBe(0);

      await chooseDatum('gcj02');
      expect(await check.isEnabled()).toBe(true);
      expect(await page.getByTestId('import-datum-blocked').count()).toBe(0);
      expect(await page.getByTestId('import-datum-note').textContent()).toBe('已手动选择。');
      await check.click();
      await page.getByTestId('import-counts').waitFor();
      expect(await page.getByTestId('import-datum-summary').textContent()).toBe(
        '坐标系：GCJ-02（高德、腾讯）',
      );
    },
  );

  test(
    'once saved, the village layer shows the dataset and a notice says so; undo puts the sample back',
    { timeout: SLOW_TEST_MS },
    async () => {
      await page.getByRole('button', { name: '导入 5 行有效数据' }).click();
      await page.getByTestId('import-saved').waitFor();
      await poll(() => notice().textContent()).toContain('“村级通信状况”图层现在显示 村测试。');
      await page.getByRole('button', { name: '关闭', exact: true }).click();
      // Over the map now, as a status message the user may close.
      expect(await notice().getAttribute('role')).toBe('status');
      expect(await notice().textContent()).toContain('“村级通信状况”图层现在显示 村测试。');
      const source = await layerSource();
      expect(source).toMatchObject({ kind: 'dataset', name: '村测试', rows: 5 });
      expect(await page.getByTestId('source-villages').inputValue()).toBe(source!.datasetId);
      // Switched on, so the import is seen.
      expect(await page.getByTestId('toggle-villages').isChecked()).toBe(true);
      await settled(page);
      await page.screenshot({ path: 'test/e2e/screenshots/import-layer-notice-1440.png' });

      await notice().getByRole('button', { name: '撤销' }).click();
      await poll(layerSource).toMatchObject({ kind: 'sample' });
      await poll(() => notice().textContent()).toContain('已撤销：“村级通信状况”图层恢复显示 示例数据。');
      expect(await page.getByTestId('source-villages').inputValue()).toBe('sample');
      expect(await page.getByTestId('toggle-villages').isChecked()).toBe(false);
      expect(await notice().getByRole('button', { name: '撤销' }).count()).toBe(0);
      await notice().getByRole('button', { name: '隐藏提示' }).click();
      expect(await notice().count()).toBe(0);
      // The dataset stays, to be chosen again from the layer's menu.
      expect(await page.getByTestId('dataset-row').filter({ hasText: '村测试' }).count()).toBe(1);
    },
  );

  test(
    'on a phone: the datum question and the notice fit the screen',
    { timeout: SLOW_TEST_MS },
    async () => {
      const phone = await app.open({ viewport: { width: 390, height: 844 }, engine: true });
      await phone.getByTestId('import-input').setInputFiles(villageFile('村测试-手机.csv'));
      await phone.getByTestId('import-dialog').waitFor();
      const datum = phone.getByLabel('坐标系');
      await datum.scrollIntoViewIfNeeded();
      const box = (await phone.getByTestId('import-datum-note').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await phone.screenshot({ path: 'test/e2e/screenshots/phone-import-datum.png' });
      await datum.selectOption('wgs84');
      await phone.getByRole('button', { name: '检查数据' }).click();
      await phone.getByRole('button', { name: '导入 5 行有效数据' }).click();
      await phone.getByTestId('import-saved').waitFor();
      await phone.getByRole('button', { name: '关闭', exact: true }).click();
      const notice = phone.getByTestId('import-layer-notice');
      await notice.waitFor();
      const noticeBox = (await notice.boundingBox())!;
      expect(noticeBox.x).toBeGreaterThanOrEqual(0);
      expect(noticeBox.x + noticeBox.width).toBeLessThanOrEqual(390);
      expect(noticeBox.y + noticeBox.height).toBeLessThanOrEqual(844);
      await phone.screenshot({ path: 'test/e2e/screenshots/phone-import-notice.png' });
      await phone.close();
    },
  );
});
