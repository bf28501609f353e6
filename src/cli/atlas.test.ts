// The command line as a user runs it: good files in every encoding, and each kind of mistake.
import { describe, expect, test } from 'vitest';
import { atlas } from '../../test/fixtures/cli/run';

const run = (...args: string[]) => atlas(args);
const csvRows = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => line.split(','));

describe('atlas summarize', () => {
  test('--year counts only the rows built by the end of that year', async () => {
    const all = csvRows((await run('summarize', 'stations.csv', '--level', 'prefecture')).stdout);
    const by2020 = csvRows(
      (await run('summarize', 'stations.csv', '--level', 'prefecture', '--year', '2020')).stdout,
    );
    const count = (rows: string[][], adcode: string) => Number(rows.find((r) => r[0] === adcode)![2]);
    expect(count(all, '520100')).toBe(3);
    expect(count(by2020, '520100')).toBe(1); // GY-001 (2020); GY-002 (2021) and XF-001 (2022) come later
    expect((await run('summarize', 'stations.csv', '--year', 'soon')).code).toBe(2);
  });

  test('counts per prefecture, with densities, category counts and the outside row last', async () => {
    const { code, stdout, stderr } = await run('summarize', 'stations.csv', '--level', 'prefecture');
    expect(code).toBe(0);
    const [header, ...rows] = csvRows(stdout);
    expect(header.slice(0, 5)).toEqual(['adcode', 'name', 'count', 'perKm2', 'per10k']);
    expect(header).toContain('运营商:中国移动');
    expect(header).not.toContain('站号:GY-001');
    expect(rows).toHaveLength(10);
    const guiyang = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    expect(guiyang).toMatchObject({
      adcode: '520100',
      name: '贵阳市',
      count: '3',
      '运营商:中国移动': '2',
      '频段:n78': '1',
    });
    // 3 stations over 5,987,018 residents.
    expect(Number(guiyang.per10k)).toBeCloseTo((3 * 10_000) / 5_987_018, 6);
    expect(rows[9].slice(0, 3)).toEqual(['outside', 'outside', '1']);
    // Changed with the shared import path: the encoding is reported, and points outside Guizhou are
    // one summary line (they were one line per point).
    expect(stderr).toEqual([
      'stations.csv: CSV, encoding: UTF-8',
      'stations.csv: 1 point outside Guizhou, counted as outside (row 6)',
    ]);
  });

  test('GBK, UTF-8 with BOM and GeoJSON give the same county counts as UTF-8', async () => {
    const reference = (await run('summarize', 'stations.csv', '--level', 'county')).stdout;
    expect((await run('summarize', 'stations-gbk.csv', '--level', 'county')).stdout).toBe(reference);
    expect((await run('summarize', 'stations-bom.csv', '--level', 'county')).stdout).toBe(reference);
    const geojson = JSON.parse(
      (await run('summarize', 'stations.geojson', '--level', 'county', '--format', 'json')).stdout,
    );
    const csv = JSON.parse(
      (await run('summarize', 'stations.csv', '--level', 'county', '--format', 'json')).stdout,
    );
    expect(geojson.map((r: { adcode: string; count: number }) => [r.adcode, r.count])).toEqual(
      csv.map((r: { adcode: string; count: number }) => [r.adcode, r.count]),
    );
  });

  test('JSON is an array of objects with the same keys; the province level is one row plus outside', async () => {
    const rows = JSON.parse(
      (await run('summarize', 'stations.csv', '--level', 'province', '--format', 'json')).stdout,
    );
    expect(rows.map((r: { adcode: string; count: number }) => [r.adcode, r.count])).toEqual([
      ['520000', 4],
      ['outside', 1],
    ]);
    expect(Object.keys(rows[0]).slice(0, 5)).toEqual(['adcode', 'name', 'count', 'perKm2', 'per10k']);
  });

  test('--datum gcj02 converts before assigning (≈ 300–600 m shift in Guizhou)', async () => {
    const wgs = JSON.parse(
      (await run('coverage', 'stations.csv', 'villages.csv', '--format', 'json')).stdout,
    );
    const gcj = JSON.parse(
      (await run('coverage', 'stations.csv', 'villages.csv', '--format', 'json', '--datum', 'gcj02')).stdout,
    );
    expect(gcj[0].nearest5GId).toBe(wgs[0].nearest5GId);
    // Both files shift together, so distances stay within a few metres.
    expect(Math.abs(gcj[0].nearest5GMeters - wgs[0].nearest5GMeters)).toBeLessThan(10);
  });
});

describe('atlas coverage', () => {
  test('nearest station per technology, its distance, and the modelled flag by band', async () => {
    const rows = JSON.parse(
      (await run('coverage', 'stations.csv', 'villages.csv', '--format', 'json')).stdout,
    );
    expect(rows[0]).toMatchObject({
      row: 2,
      id: '520122100201',
      county: '息烽县',
      nearest5GId: 'XF-001',
      covered5G: true,
      nearest4GId: 'ZY-001',
      covered4G: false,
    });
    expect(rows[0].nearest5GMeters).toBeGreaterThan(700);
    expect(rows[0].nearest5GMeters).toBeLessThan(800);
    expect(rows[1]).toMatchObject({ id: '520122100202', covered5G: false });
    expect(rows[2]).toMatchObject({ id: '520102016001', nearest5GId: 'GY-001', covered5G: true });
  });

  test('--radius-m overrides the band model; --year leaves out later stations', async () => {
    const tight = JSON.parse(
      (await run('coverage', 'stations.csv', 'villages.csv', '--format', 'json', '--radius-m', '500')).stdout,
    );
    expect(tight[0].covered5G).toBe(false);
    expect(tight[2].covered5G).toBe(true);
    const asOf2021 = JSON.parse(
      (await run('coverage', 'stations.csv', 'villages.csv', '--format', 'json', '--year', '2021')).stdout,
    );
    expect(asOf2021[0].nearest5GId).toBe('GY-002'); // XF-001 (2022) is not yet built
    expect(asOf2021[0].covered5G).toBe(false);
  });
});

describe('atlas gaps', () => {
  test('suggests sites with their marginal gains, stopping when nothing is left to cover', async () => {
    const { code, stdout, stderr } = await run(
      'gaps',
      'stations.csv',
      'villages.csv',
      '--k',
      '3',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const picks = JSON.parse(stdout);
    expect(picks).toHaveLength(1);
    expect(picks[0]).toMatchObject({
      rank: 1,
      gain: 1,
      cumulative: 1,
      newlyCovered: '520122100202',
      county: '播州区',
    });
    expect(stderr.join('\n')).toContain('1 of 3 targets uncovered');
  });

  test('--weight makes gains people, not villages', async () => {
    const picks = JSON.parse(
      (
        await run(
          'gaps',
          'stations.csv',
          'villages.csv',
          '--k',
          '1',
          '--radius-m',
          '300',
          '--weight',
          '人口',
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(picks[0]).toMatchObject({ gain: 1200, newlyCovered: '520122100201' });
  });
});

describe('mistakes get one line naming file, row and column, and a non-zero exit', () => {
  test.each([
    [['summarize', 'missing.csv'], 1, 'error: missing.csv: no such file'],
    [['summarize', 'nocoords.csv'], 1, 'error: nocoords.csv: no coordinate column found'],
    [
      ['gaps', 'stations.csv', 'villages.csv', '--k', '1', '--weight', '户数'],
      1,
      'error: villages.csv: no column "户数" for --weight',
    ],
    [
      ['summarize', 'stations.csv', '--level', 'city'],
      2,
      'error: --level must be one of county, prefecture, province',
    ],
    [['coverage', 'stations.csv'], 2, 'error: coverage takes a stations file and a targets file'],
    [['gaps', 'stations.csv', 'villages.csv'], 2, 'error: gaps needs --k N'],
    [['frobnicate'], 2, 'error: unknown command "frobnicate"'],
  ] as const)('%j', async (args, exitCode, message) => {
    const { code, stdout, stderr } = await run(...args);
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(stderr[0].startsWith(message)).toBe(true);
  });
});
