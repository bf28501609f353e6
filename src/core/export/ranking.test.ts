import Papa from 'papaparse';
import { expect, test } from 'vitest';
import {
  RANKING_COLUMNS,
  rankingCsv,
  rankingTable,
  rankingXlsxRows,
  rankRows,
  roundAsShown,
  sortRankingRows,
  type AreaNames,
  type RankingExport,
} from './ranking';

const areas: AreaNames = new Map([
  ['520102', { name: '南明区', prefectureName: '贵阳市' }],
  ['520103', { name: '云岩区', prefectureName: '贵阳市' }],
  ['520111', { name: '花溪区', prefectureName: '贵阳市' }],
  ['520112', { name: '乌当区', prefectureName: '贵阳市' }],
  ['520201', { name: '钟山区', prefectureName: '六盘水市' }],
]);
const adcodes = ['520102', '520103', '520111', '520112', '520201'];

const HEADINGS = {
  rank: '排名',
  code: '区划代码',
  name: '名称',
  prefecture: '所属市（州）',
  value: '每万人 5G 基站数',
  unit: '单位',
  year: '年份（年底）',
  target: '规划目标',
  gap: '距目标差距',
  meets: '是否达标',
};
const options: RankingExport = {
  headings: HEADINGS,
  prefectureColumn: true,
  unit: '站/万人',
  year: '2025',
  target: 33,
  meets: '达标',
  short: '未达标',
  digits: 1,
};

const ranks = (rows: { adcode: string; rank: number | null }[]) => rows.map((r) => [r.adcode, r.rank]);

test('higher values rank first; equal values share a rank and the next rank skips', () => {
  const rows = rankRows({ adcodes, values: Float64Array.of(20, 40, 35, 40, 10) }, areas);
  expect(ranks(rows)).toEqual([
    ['520103', 1],
    ['520112', 1],
    ['520111', 3],
    ['520102', 4],
    ['520201', 5],
  ]);
});

test('areas without a value come last, unranked', () => {
  const rows = rankRows({ adcodes, values: Float64Array.of(NaN, 5, NaN, 7, 6) }, areas);
  expect(ranks(rows)).toEqual([
    ['520112', 1],
    ['520201', 2],
    ['520103', 3],
    ['520102', null],
    ['520111', null],
  ]);
});

test('lower-is-better metrics rank the lowest value first', () => {
  const rows = rankRows({ adcodes, values: Float64Array.of(3, 1, 2, NaN, 1), higherIsBetter: false }, areas);
  expect(ranks(rows)).toEqual([
    ['520103', 1],
    ['520201', 1],
    ['520111', 3],
    ['520102', 4],
    ['520112', null],
  ]);
});

test('rows carry names, prefecture and whether the target is met (inclusive)', () => {
  const rows = rankRows({ adcodes, values: Float64Array.of(33, 32.9, NaN, 50, 1), target: 33 }, areas);
  expect(rows.find((r) => r.adcode === '520102')).toEqual({
    rank: 2,
    adcode: '520102',
    name: '南明区',
    prefectureName: '贵阳市',
    value: 33,
    meetsTarget: true,
    gapToTarget: 0,
  });
  expect(rows.map((r) => r.meetsTarget)).toEqual([true, true, false, false, null]);
  const lowerIsBetter = rankRows(
    { adcodes: ['520102'], values: Float64Array.of(2), target: 3, higherIsBetter: false },
    areas,
  );
  expect(lowerIsBetter[0].meetsTarget).toBe(true);
});

test('no target means no verdict; an unknown adcode is named by its code', () => {
  const rows = rankRows({ adcodes: ['529999'], values: Float64Array.of(1) }, areas);
  expect(rows[0]).toMatchObject({ name: '529999', prefectureName: '', meetsTarget: null, gapToTarget: NaN });
});

test('adcodes and values of different lengths are refused', () => {
  expect(() => rankRows({ adcodes, values: new Float64Array(2) }, areas)).toThrow(RangeError);
});

test('sorting by value, rank or name keeps rows without a value last in both directions', () => {
  const rows = rankRows({ adcodes, values: Float64Array.of(20, NaN, 35, 40, 10) }, areas);
  const order = (key: 'rank' | 'name' | 'value', descending: boolean) =>
    sortRankingRows(rows, { key, descending }).map((r) => r.adcode);
  expect(order('value', false)).toEqual(['520201', '520102', '520111', '520112', '520103']);
  expect(order('value', true)).toEqual(['520112', '520111', '520102', '520201', '520103']);
  expect(order('rank', true)).toEqual(['520201', '520102', '520111', '520112', '520103']);
  expect(order('rank', false)).toEqual(rows.map((r) => r.adcode));
});

test('names sort by pinyin: 花溪 huā, 南明 nán, 乌当 wū, 云岩 yún, 钟山 zhōng', () => {
  const rows = rankRows({ adcodes, values: Float64Array.of(1, 2, 3, 4, 5) }, areas);
  expect(sortRankingRows(rows, { key: 'name', descending: false }).map((r) => r.name)).toEqual([
    '花溪区',
    '南明区',
    '乌当区',
    '云岩区',
    '钟山区',
  ]);
  expect(sortRankingRows(rows, { key: 'name', descending: true }).map((r) => r.name)).toEqual([
    '钟山区',
    '云岩区',
    '乌当区',
    '南明区',
    '花溪区',
  ]);
});

test('sorting returns a new array and leaves the input alone', () => {
  const rows = rankRows({ adcodes, values: Float64Array.of(1, 2, 3, 4, 5) }, areas);
  const before = [...rows];
  sortRankingRows(rows, { key: 'name', descending: false });
  expect(rows).toEqual(before);
});

test('the gap to the target is what is still missing, 0 once met, in either direction', () => {
  const higher = rankRows({ adcodes, values: Float64Array.of(33, 26.75, NaN, 50, 0), target: 33 }, areas);
  expect(Object.fromEntries(higher.map((r) => [r.adcode, r.gapToTarget]))).toEqual({
    '520102': 0,
    '520103': 6.25,
    '520111': NaN,
    '520112': 0,
    '520201': 33,
  });
  const lower = rankRows(
    { adcodes: ['520102', '520103'], values: Float64Array.of(2, 5), target: 3, higherIsBetter: false },
    areas,
  );
  expect(lower.map((r) => r.gapToTarget)).toEqual([0, 2]);
});

test('values round as the table shows them: half away from zero, never more digits', () => {
  expect(roundAsShown(26.747599316263795, 1)).toBe(26.7);
  expect(roundAsShown(0.125, 2)).toBe(0.13);
  expect(roundAsShown(-0.125, 2)).toBe(-0.13);
  expect(roundAsShown(-0.04, 1)).toBe(0);
  expect(roundAsShown(12.5, 0)).toBe(13);
  expect(roundAsShown(1.005, 2)).toBe(1.01);
  expect(roundAsShown(NaN, 1)).toBeNaN();
  // The same text as the UI's number format for each of these.
  for (const value of [26.747599316263795, 0.125, 1.005, 2.675, 33.45, 99.95])
    expect(roundAsShown(value, 2).toFixed(2)).toBe(
      new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value),
    );
});

test('the table: human headings in order, value, target and gap to the shown digits, unit and year', () => {
  const rows = rankRows(
    {
      adcodes: ['520102', '520103', '520111'],
      values: Float64Array.of(26.747599316263795, NaN, 40.04),
      target: 33,
    },
    areas,
  );
  expect(rankingTable(rows, options)).toEqual({
    header: [
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
    ],
    rows: [
      ['1', '520111', '花溪区', '贵阳市', '40.0', '站/万人', '2025', '33.0', '0.0', '达标'],
      ['2', '520102', '南明区', '贵阳市', '26.7', '站/万人', '2025', '33.0', '6.3', '未达标'],
      ['', '520103', '云岩区', '贵阳市', '', '', '2025', '33.0', '', ''],
    ],
  });
  expect(rankingTable([], options).header).toEqual(RANKING_COLUMNS.map((column) => HEADINGS[column]));
});

test('the exported gap is the difference of the target and value as shown, so the file adds up', () => {
  // 26.75 shows as 26.8 (half away from zero): the gap is 33.0 − 26.8 = 6.2, not 6.25 → 6.3.
  const rows = rankRows({ adcodes: ['520102'], values: Float64Array.of(26.75), target: 33 }, areas);
  expect(rankingTable(rows, options).rows[0].slice(4)).toEqual([
    '26.8',
    '站/万人',
    '2025',
    '33.0',
    '6.2',
    '未达标',
  ]);
});

test('prefecture level leaves the prefecture column out; no target leaves target, gap and verdict empty', () => {
  const rows = rankRows({ adcodes: ['520102'], values: Float64Array.of(7.25) }, areas);
  const table = rankingTable(rows, {
    ...options,
    prefectureColumn: false,
    target: undefined,
    digits: 0,
    year: '2020–2025',
  });
  expect(table.header).not.toContain('所属市（州）');
  expect(table.rows).toEqual([['1', '520102', '南明区', '7', '站/万人', '2020–2025', '', '', '']]);
});

test('CSV: BOM, notes above a blank line, then the rows in the order given', () => {
  const rows = sortRankingRows(
    rankRows({ adcodes, values: Float64Array.of(20, 40, 35, 40, 10), target: 33 }, areas),
    { key: 'name', descending: false },
  );
  const notes = ['每万人 5G 基站数 · 县（市、区）排名 · 2025 年底', '数据来源：基站：示例数据 / sample data'];
  const csv = rankingCsv(rows, options, notes);
  expect(csv.startsWith(`\uFEFF${notes[0]}\r\n${notes[1]}\r\n\r\n排名,区划代码,名称,所属市（州）,`)).toBe(
    true,
  );
  const table = Papa.parse<string[]>(csv.slice(1).trimEnd(), { skipEmptyLines: true }).data;
  expect(table.slice(3).map((cells) => cells[2])).toEqual(['花溪区', '南明区', '乌当区', '云岩区', '钟山区']);
  expect(table[3]).toEqual([
    '3',
    '520111',
    '花溪区',
    '贵阳市',
    '35.0',
    '站/万人',
    '2025',
    '33.0',
    '0.0',
    '达标',
  ]);
  expect(table[4]).toEqual([
    '4',
    '520102',
    '南明区',
    '贵阳市',
    '20.0',
    '站/万人',
    '2025',
    '33.0',
    '13.0',
    '未达标',
  ]);
});

test('CSV: no notes means the header is the first line; text is never a formula', () => {
  const rows = rankRows(
    { adcodes: ['520102'], values: Float64Array.of(-1.5) },
    new Map([['520102', { name: '=1+2', prefectureName: '@x' }]]),
  );
  expect(rankingCsv(rows, { ...options, target: undefined })).toBe(
    '\uFEFF排名,区划代码,名称,所属市（州）,每万人 5G 基站数,单位,年份（年底）,规划目标,距目标差距,是否达标\r\n' +
      "1,520102,'=1+2,'@x,-1.5,站/万人,2025,,,\r\n",
  );
});

test('XLSX rows: notes, a blank row, a bold header, rounded numbers as numbers and text as text', () => {
  const rows = rankRows(
    { adcodes: ['520102', '520103'], values: Float64Array.of(26.747599316263795, NaN), target: 33 },
    areas,
  );
  const sheet = rankingXlsxRows(rows, options, ['数据来源：基站：示例数据 / sample data']);
  expect(sheet[0]).toEqual([{ value: '数据来源：基站：示例数据 / sample data', type: String }]);
  expect(sheet[1]).toEqual([]);
  expect(sheet[2][0]).toEqual({ value: '排名', type: String, fontWeight: 'bold' });
  expect(sheet[2]).toHaveLength(10);
  expect(sheet[3]).toEqual([
    { value: 1, type: Number, format: '0' },
    { value: '520102', type: String },
    { value: '南明区', type: String },
    { value: '贵阳市', type: String },
    { value: 26.7, type: Number, format: '0.0' },
    { value: '站/万人', type: String },
    { value: 2025, type: Number, format: '0' },
    { value: 33, type: Number, format: '0.0' },
    { value: 6.3, type: Number, format: '0.0' },
    { value: '未达标', type: String },
  ]);
  expect(sheet[4]).toEqual([
    null,
    { value: '520103', type: String },
    { value: '云岩区', type: String },
    { value: '贵阳市', type: String },
    null,
    null,
    { value: 2025, type: Number, format: '0' },
    { value: 33, type: Number, format: '0.0' },
    null,
    null,
  ]);
  const span = rankingXlsxRows(rows, { ...options, year: '2020–2025' });
  expect(span[1][6]).toEqual({ value: '2020–2025', type: String });
});

test('a few thousand rows rank and sort at once', () => {
  const count = 5000;
  const many = Array.from({ length: count }, (_, i) => String(100000 + i));
  const values = Float64Array.from(many, (_, i) => (i * 7919) % 101);
  const rows = rankRows({ adcodes: many, values }, new Map());
  expect(rows).toHaveLength(count);
  expect(rows[0].value).toBe(100);
  expect(sortRankingRows(rows, { key: 'value', descending: false })[0].value).toBe(0);
});
