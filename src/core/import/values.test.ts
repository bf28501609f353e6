import { describe, expect, test } from 'vitest';
import {
  INVALID,
  readCount,
  readDate,
  readScenicLevel,
  readTechnology,
  readVillageCode,
  readYear,
  readYesNo,
} from './values';

describe('cell readers', () => {
  test('yes/no', () => {
    expect(['是', '有', 'Y', 'yes', '1', 'TRUE', '✓', '√', 'ｙ'].map(readYesNo)).toEqual(Array(9).fill(1));
    expect(['否', '无', 'N', 'no', '0', 'false', '✗', '×'].map(readYesNo)).toEqual(Array(8).fill(0));
    expect(['', '  '].map(readYesNo)).toEqual([null, null]);
    expect(['可能', '2', 'maybe', 'yess'].map(readYesNo)).toEqual(Array(4).fill(INVALID));
  });
  test('years and dates', () => {
    expect(['2021', '2021-05-01', '2021/5/1', '2021年5月1日', '2021年', '２０２１'].map(readYear)).toEqual(
      Array(6).fill(2021),
    );
    expect(['21', '2021-13-01', '2021-02-30', 'soon'].map(readYear)).toEqual(Array(4).fill(INVALID));
    expect(readDate('2024/6/3')).toEqual({ iso: '2024-06-03', year: 2024 });
    expect(readDate('2024年6月')).toEqual({ iso: '2024-06', year: 2024 });
  });
  test('counts, technologies, levels, village codes', () => {
    expect(['1,234', '1234人', '0'].map(readCount)).toEqual([1234, 1234, 0]);
    expect(['-1', '1.5', 'many'].map(readCount)).toEqual(Array(3).fill(INVALID));
    expect(['5G', 'NR', '5g sa', 'LTE', '4G', 'TDD'].map(readTechnology)).toEqual([
      '5G',
      '5G',
      '5G',
      '4G',
      '4G',
      '4G',
    ]);
    expect(readTechnology('3G')).toBe(INVALID);
    expect(['5A', 'AAAAA', '4A级', 'aaa', '５Ａ'].map(readScenicLevel)).toEqual([
      '5A',
      '5A',
      '4A',
      '3A',
      '5A',
    ]);
    expect(['6A', 'A+'].map(readScenicLevel)).toEqual([INVALID, INVALID]);
    expect(readVillageCode(' 520102016001 ')).toBe('520102016001');
    expect(readVillageCode('52010201600')).toBe(INVALID);
  });
});
