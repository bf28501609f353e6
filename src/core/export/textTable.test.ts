import { expect, test } from 'vitest';
import { textTableCsv, textTableXlsx } from './textTable';

const table = {
  header: ['名称', '代码'],
  rows: [
    ['=1+2', '520122'],
    ['水口寺社区', ''],
  ],
};

test('CSV: BOM, notes, a blank line, then the table; formula-like text is neutralised', () => {
  expect(textTableCsv(table, ['示例数据 / sample data'])).toBe(
    "\uFEFF示例数据 / sample data\r\n\r\n名称,代码\r\n'=1+2,520122\r\n水口寺社区,\r\n",
  );
  expect(textTableCsv(table).startsWith('\uFEFF名称,代码\r\n')).toBe(true);
});

test('XLSX: notes, a blank row, a bold header, every value a string cell and empty text an empty cell', () => {
  const sheet = textTableXlsx(table, ['note']);
  expect(sheet[0]).toEqual([{ value: 'note', type: String }]);
  expect(sheet[1]).toEqual([]);
  expect(sheet[2]).toEqual([
    { value: '名称', type: String, fontWeight: 'bold' },
    { value: '代码', type: String, fontWeight: 'bold' },
  ]);
  expect(sheet[3]).toEqual([
    { value: '=1+2', type: String },
    { value: '520122', type: String },
  ]);
  expect(sheet[4]).toEqual([{ value: '水口寺社区', type: String }, null]);
});

test('XLSX: columns declared as numbers are number cells with their format; text in them stays text', () => {
  const sheet = textTableXlsx({
    header: ['名称', '年份', '经度'],
    rows: [
      ['甲', '2019', '106.700000'],
      ['乙', '', 'n/a'],
    ],
    numberFormats: [null, '', '0.000000'],
  });
  expect(sheet[1]).toEqual([
    { value: '甲', type: String },
    { value: 2019, type: Number },
    { value: 106.7, type: Number, format: '0.000000' },
  ]);
  expect(sheet[2]).toEqual([{ value: '乙', type: String }, null, { value: 'n/a', type: String }]);
});

test('CSV is the same whether or not columns are declared as numbers', () => {
  const plain = { header: ['年份'], rows: [['2019']] };
  expect(textTableCsv({ ...plain, numberFormats: [''] })).toBe(textTableCsv(plain));
});
