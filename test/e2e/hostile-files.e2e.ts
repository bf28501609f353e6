// Hostile files imported as a person would: the encoding is said and can be switched, never guessed
// silently; what is too big is refused with the limit and the value seen, in Chinese; and while
// each file is read the page keeps answering. A heartbeat in the page (a 10 ms interval, and
// requestAnimationFrame) records the longest gap between ticks during the read; the Chromium
// processes' memory is sampled from outside meanwhile. Both are printed for each file.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { concatBytes, nearUtf8Stations, wideCsv, zipBomb } from '../../src/core/import/hostileFiles.testing';
import { settled } from './atlas';
import { useApp } from './harness';

const app = useApp();
let page: Page;
/** The longest main-thread gap of the idle page, measured before the reads on the same machine. */
let idleGapMs = 0;
beforeAll(async () => {
  page = app.page;
  await settled(page);
  // What the page does on its own, for comparison: two seconds with no file.
  const idle = await withHeartbeat('idle page, 2 s after the map settled (for comparison)', () =>
    page.waitForTimeout(2_000),
  );
  idleGapMs = idle.maxGapMs;
});

/**
 * A read keeps the page answering when no gap passes 200 ms, or twice what the idle page showed:
 * on a busy machine every page stalls now and then, while parsing on the main thread would stall
 * it for seconds.
 */
const answeringLimitMs = () => Math.max(200, 2 * idleGapMs);

/**
 * Waits (up to 20 s) until the page has gone half a second without a main-thread gap over 50 ms,
 * so what the heartbeat then sees is the read, not the map still drawing after the last step.
 */
const quiet = () =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const since = performance.now();
        let last = since,
          calm = since;
        const timer = setInterval(() => {
          const now = performance.now();
          if (now - last > 50) calm = now;
          last = now;
          if (now - calm > 500 || now - since > 20_000) {
            clearInterval(timer);
            resolve();
          }
        }, 10);
      }),
  );

const directory = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
const file = (name: string, bytes: Uint8Array) => {
  const path = join(directory, name);
  writeFileSync(path, bytes);
  return path;
};

/**
 * Resident memory of the browser this test launched (the processes below this one: Chromium, its
 * renderers and GPU process), summed, so shared pages count more than once: an upper bound.
 */
function chromiumRssMb(): number {
  const children = new Map<number, number[]>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(pid)]);
    } catch {
      /* the process ended meanwhile */
    }
  }
  let kilobytes = 0;
  const below = [...(children.get(process.pid) ?? [])];
  while (below.length > 0) {
    const pid = below.pop()!;
    below.push(...(children.get(pid) ?? []));
    try {
      kilobytes += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return Math.round(kilobytes / 1024);
}

interface Reading {
  label: string;
  elapsedMs: number;
  maxGapMs: number;
  frameGapMs: number;
  ticks: number;
  peakChromiumRssMb: number;
  pageHeapMb: number;
}
const readings: Reading[] = [];

/**
 * Runs `read` (from choosing the file until the dialog shows its answer) with the heartbeat going,
 * and returns what it measured.
 */
async function withHeartbeat(label: string, read: () => Promise<void>): Promise<Reading> {
  await quiet();
  await page.evaluate(() => {
    const beat = {
      last: performance.now(),
      maxGap: 0,
      lastFrame: performance.now(),
      frameGap: 0,
      ticks: 0,
      on: true,
    };
    (window as never as { heartbeat: typeof beat }).heartbeat = beat;
    const timer = setInterval(() => {
      const now = performance.now();
      beat.maxGap = Math.max(beat.maxGap, now - beat.last);
      beat.last = now;
      beat.ticks++;
      if (!beat.on) clearInterval(timer);
    }, 10);
    const frame = () => {
      const now = performance.now();
      beat.frameGap = Math.max(beat.frameGap, now - beat.lastFrame);
      beat.lastFrame = now;
      if (beat.on) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  let peak = chromiumRssMb();
  const sampler = setInterval(() => (peak = Math.max(peak, chromiumRssMb())), 50);
  const started = Date.now();
  try {
    await read();
  } finally {
    clearInterval(sampler);
  }
  const elapsedMs = Date.now() - started;
  const beat = await page.evaluate(() => {
    const w = window as never as {
      heartbeat: { maxGap: number; frameGap: number; ticks: number; on: boolean; last: number };
    };
    w.heartbeat.on = false;
    const memory = (performance as never as { memory?: { usedJSHeapSize: number } }).memory;
    // The gap still open when the read ended counts too.
    return {
      maxGap: Math.max(w.heartbeat.maxGap, performance.now() - w.heartbeat.last),
      frameGap: w.heartbeat.frameGap,
      ticks: w.heartbeat.ticks,
      heap: memory?.usedJSHeapSize ?? 0,
    };
  });
  const reading = {
    label,
    elapsedMs,
    maxGapMs: Math.round(beat.maxGap),
    frameGapMs: Math.round(beat.frameGap),
    ticks: beat.ticks,
    peakChromiumRssMb: Math.max(peak, chromiumRssMb()),
    pageHeapMb: Math.round(beat.heap / 1e6),
  };
  readings.push(reading);
  return reading;
}

afterAll(() => {
  console.log(
    'main-thread heartbeat while reading hostile files:\n' +
      readings
        .map(
          (r) =>
            `  ${r.label}: ${r.elapsedMs} ms, longest gap ${r.maxGapMs} ms (interval) / ${r.frameGapMs} ms (frames), ${r.ticks} ticks, page heap ${r.pageHeapMb} MB, browser RSS peak ${r.peakChromiumRssMb} MB (summed over its processes)`,
        )
        .join('\n'),
  );
});

const dialog = () => page.getByTestId('import-dialog');
const choose = (path: string) => page.getByTestId('import-input').setInputFiles(path);

async function expectRefusal(path: string, label: string, message: string | RegExp) {
  const reading = await withHeartbeat(label, async () => {
    await choose(path);
    await page.getByTestId('import-error').waitFor();
  });
  const text = await page.getByTestId('import-error').textContent();
  if (typeof message === 'string') expect(text).toContain(message);
  else expect(text).toMatch(message);
  expect(reading.maxGapMs, `${label}: the page stopped answering`).toBeLessThan(answeringLimitMs());
  await page.getByRole('button', { name: '关闭' }).click();
  return reading;
}

describe('a UTF-8 file with two stray bytes at its end', () => {
  const path = () => file('near-utf8.csv', nearUtf8Stations(20_001));

  test('is read as UTF-8, said so with a row read that way, and its bad row is reported', async () => {
    const reading = await withHeartbeat('near-UTF-8 CSV (20,001 rows)', async () => {
      await choose(path());
      await page.getByRole('button', { name: '检查数据' }).waitFor();
    });
    expect(reading.maxGapMs, 'the page stopped answering').toBeLessThan(answeringLimitMs());
    expect(await page.locator('#import-encoding').inputValue()).toBe('utf-8');
    expect(await page.getByTestId('import-encoding-sample').textContent()).toContain('贵阳基站0');
    expect(await page.getByTestId('import-invalid-bytes').textContent()).toMatch(
      /^1 行含有无法按 UTF-8 读取的字节.*第 20002 行/,
    );
    expect(await dialog().locator('.preview-table td', { hasText: '贵阳基站0' }).count()).toBe(1);

    await page.getByLabel('坐标系').selectOption('wgs84');
    await page.getByRole('button', { name: '检查数据' }).click();
    await page.getByTestId('import-counts').waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toBe(
      '可导入 20,000 行；有问题被拒绝 1 行。',
    );
    const problems = await page.getByTestId('import-problems').locator('tbody tr').allTextContents();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^20002纬度“.*\uFFFD”含有不符合 UTF-8 编码的字节$/);
    await page.getByRole('button', { name: '返回修改' }).click();
  });

  test('switching to GB18030 reads it again in the worker, and shows what that would look like', async () => {
    await page.locator('#import-encoding').selectOption('gb18030');
    await page.getByRole('button', { name: '检查数据' }).waitFor();
    expect(await page.locator('#import-encoding').inputValue()).toBe('gb18030');
    expect(await page.getByTestId('import-encoding-info').textContent()).toContain('已手动选择');
    expect(await page.getByTestId('import-encoding-sample').textContent()).not.toContain('贵阳基站');
    await page.locator('#import-encoding').selectOption('utf-8');
    await page.getByRole('button', { name: '检查数据' }).waitFor();
    expect(await page.getByTestId('import-encoding-sample').textContent()).toContain('贵阳基站0');
    await page.getByRole('button', { name: '取消' }).click();
  });
});

describe('a file mixing UTF-8 and GBK lines', () => {
  test('is refused with both readings of its first doubtful line, and can be read as the user says', async () => {
    const gbk = new Uint8Array(readFileSync('test/fixtures/import/stations-gbk.csv'));
    const gbkRow = gbk.subarray(gbk.indexOf(0x0a) + 1, gbk.indexOf(0x0a, gbk.indexOf(0x0a) + 1) + 1);
    const utf8 = new TextEncoder().encode(
      '站号,名称,运营商,制式,频段,建成年份,经度,纬度\n' +
        Array.from({ length: 20 }, (_, i) => `U-${i},南明站${i},中国移动,5G,n41,2021,106.71,26.57\n`).join(
          '',
        ),
    );
    const path = file('mixed.csv', concatBytes([utf8, ...Array.from({ length: 20 }, () => gbkRow)]));
    await choose(path);
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').textContent()).toContain('无法判断文件编码');
    const choice = page.getByTestId('import-encoding-choice');
    expect(await choice.textContent()).toMatch(/第 22 行的两种读法：.*GB18030：G-1,南明区5G站/);
    await choice.getByRole('button', { name: '按 UTF-8 读取' }).click();
    await page.getByRole('button', { name: '检查数据' }).waitFor();
    expect(await page.locator('#import-encoding').inputValue()).toBe('utf-8');
    expect(await page.getByTestId('import-invalid-bytes').textContent()).toMatch(/^20 行/);
    await page.getByRole('button', { name: '取消' }).click();
  });
});

describe('limits, refused before the work and said in Chinese', () => {
  test('a CSV of 1,000,000 columns: the column limit', async () => {
    const reading = await expectRefusal(
      file('wide.csv', wideCsv(1_000_000)),
      'CSV of 1,000,000 columns',
      'wide.csv：文件有 1,000,000 列，超过上限 500 列',
    );
    expect(reading.elapsedMs).toBeLessThan(10_000);
  });

  test('a ZIP bomb (4 GB of zeros declaring 1 KB): stopped as it passes what it declares', async () => {
    const reading = await expectRefusal(
      file('bomb.zip', zipBomb(4 * 1024 ** 3, 1_000)),
      'ZIP bomb, 4 GB declared as 1 KB',
      'bomb.zip：压缩包中的 bomb.shp 解压后超过其声明的 0.001 MB',
    );
    expect(reading.elapsedMs).toBeLessThan(5_000);
  });

  test('a ZIP bomb declaring its 4 GB: refused by the size limit before inflating', async () => {
    const reading = await expectRefusal(
      file('honest-bomb.zip', zipBomb(4 * 1024 ** 3)),
      'ZIP bomb, 4 GB declared',
      'honest-bomb.zip：压缩包中的 bomb.shp 解压后为 4295 MB，超过单个文件的上限 512 MB',
    );
    expect(reading.elapsedMs).toBeLessThan(5_000);
  });
});
