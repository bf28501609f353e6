import { describe, expect, test } from 'vitest';
import { sitePicksCsv, sitePicksTable, sitePicksXlsxRows, type PickColumns, type PickRow } from './sitePicks';

const columns: PickColumns = {
  rank: '排名',
  lon: '经度',
  lat: '纬度',
  gain: '边际增益',
  cumulativeCount: '累计覆盖',
  newlyCoveredCount: '新覆盖目标数',
  newlyCovered: '新覆盖目标',
  standsOn: '站址',
  cellCentre: '网格中心',
};

const picks: PickRow[] = [
  {
    rank: 1,
    lon: 106.7338571234,
    lat: 27.0960994321,
    gain: 3,
    cumulativeCount: 3,
    cumulativeWeight: 4821.4,
    standsOn: { name: '永靖村' },
    newlyCovered: [
      { name: '永靖村', code: '520122100201' },
      { name: '=HYPERLINK("x")', code: '520122100202' },
      { name: '息烽集中安置点', code: '' },
    ],
  },
  {
    rank: 2,
    lon: 106.61,
    lat: 27.2,
    gain: 1,
    cumulativeCount: 4,
    cumulativeWeight: 6000.6,
    standsOn: null,
    newlyCovered: [{ name: '红岩村', code: '520122100301' }],
  },
];

describe('site pick exports', () => {
  test('one row per pick in order, positions to 5 decimals, the targets named with their codes', () => {
    const { header, rows } = sitePicksTable(picks, columns);
    expect(header).toEqual([
      '排名',
      '经度',
      '纬度',
      '边际增益',
      '累计覆盖',
      '新覆盖目标数',
      '站址',
      '新覆盖目标',
    ]);
    expect(rows[0].slice(0, 7)).toEqual(['1', '106.73386', '27.09610', '3', '3', '3', '永靖村']);
    expect(rows[0][7]).toBe('永靖村 520122100201；=HYPERLINK("x") 520122100202；息烽集中安置点');
    expect(rows[1][6]).toBe('网格中心');
  });

  test('adds the cumulative weight only for a weighted run, as whole people', () => {
    const { header, rows } = sitePicksTable(picks, { ...columns, cumulativeWeight: '累计人口' });
    expect(header[5]).toBe('累计人口');
    expect(rows.map((row) => row[5])).toEqual(['4821', '6001']);
  });

  test('CSV starts with a BOM and the notes, quoting as RFC 4180 says', () => {
    const csv = sitePicksCsv(picks, columns, ['示例数据 / sample data']);
    expect(csv.startsWith('\uFEFF示例数据 / sample data\r\n\r\n排名,')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(2 + 1 + picks.length);
    expect(csv).toContain('"永靖村 520122100201；=HYPERLINK(""x"") 520122100202；息烽集中安置点"');
  });

  test('XLSX cells: numbers as numbers, text as text', () => {
    const sheet = sitePicksXlsxRows(picks, columns, ['note']);
    expect(sheet[0]).toEqual([{ value: 'note', type: String }]);
    expect(sheet[1]).toEqual([]);
    expect(sheet[2][0]).toEqual({ value: '排名', type: String, fontWeight: 'bold' });
    expect(sheet[3].slice(0, 3)).toEqual([
      { value: 1, type: Number, format: '0' },
      { value: 106.7338571234, type: Number, format: '0.00000' },
      { value: 27.0960994321, type: Number, format: '0.00000' },
    ]);
    expect(sheet[3][7]).toMatchObject({ type: String, value: expect.stringContaining('=HYPERLINK') });
  });
});
