// What a person reads for each problem, in Chinese and English: the value and the limit or range
// where there is one, field names as the mapping step shows them, no parser internals.
import { describe, expect, test } from 'vitest';
import { problemMessage } from './messages';
import { englishMessage, type Problem } from './problems';

const zh = (problem: Pick<Problem, 'code' | 'params'>) => problemMessage(problem, 'zh-CN', englishMessage);
const en = (problem: Pick<Problem, 'code' | 'params'>) => englishMessage(problem);

describe('rows', () => {
  test.each<[Pick<Problem, 'code' | 'params'>, string, string]>([
    [
      { code: 'out-of-range', params: { field: 'lon', value: '1e309', min: -180, max: 180 } },
      '经度 1e309 超出范围（应在 -180 到 180 之间）',
      'longitude 1e309 is out of range (it must lie between -180 and 180)',
    ],
    [{ code: 'no-geometry', params: { feature: 3 } }, '第 3 个要素没有几何', 'feature 3 has no geometry'],
    [
      { code: 'not-a-point', params: { geometryType: 'Polygon' } },
      '该要素是面（Polygon），不是点',
      'the feature is a Polygon, not a point',
    ],
    [{ code: 'missing-value', params: { field: 'lat' } }, '缺少纬度', 'lat is missing'],
    [
      { code: 'cell-too-long', params: { length: 1_000_000, limit: 10_000 } },
      '单元格长 1,000,000 个字符，超过上限 10,000 个字符',
      'the cell is 1,000,000 characters long, over the limit of 10,000',
    ],
    [
      { code: 'unmapped-field', params: { field: 'villageCode' } },
      '必填字段“村级代码（12 位）”没有对应的列',
      'no column is chosen for the required field villageCode',
    ],
  ])('%o', (problem, chinese, english) => {
    expect(zh(problem)).toBe(chinese);
    expect(en(problem)).toBe(english);
  });
});

describe('files', () => {
  test.each<[Pick<Problem, 'code' | 'params'>, string]>([
    [{ code: 'too-many-columns', params: { columns: 600, limit: 500 } }, '文件有 600 列，超过上限 500 列'],
    [
      { code: 'too-many-columns', params: { columns: 1_000_000, limit: 500, row: 3 } },
      '文件第 3 行有 1,000,000 列，超过上限 500 列',
    ],
    [
      { code: 'too-many-rows', params: { rows: 2_400_000, limit: 2_000_000, estimated: 1 } },
      '文件有约 2,400,000 行，超过上限 2,000,000 行：请拆分为较小的文件',
    ],
    [{ code: 'file-too-large', params: { sizeMb: 700, limitMb: 512 } }, '文件大小 700 MB，超过上限 512 MB'],
    [
      { code: 'zip-entry-too-large', params: { entry: 'bomb.shp', sizeMb: 4295, limitMb: 512 } },
      '压缩包中的 bomb.shp 解压后为 4295 MB，超过单个文件的上限 512 MB',
    ],
    [
      { code: 'zip-larger-than-declared', params: { entry: 'bomb.shp', declaredMb: 0.001 } },
      '压缩包中的 bomb.shp 解压后超过其声明的 0.001 MB：压缩包已损坏或是恶意构造的（已停止解压）',
    ],
    [
      { code: 'xlsx-too-large', params: { sizeMb: 300, limitMb: 200 } },
      '工作簿解压后为 300 MB，超过 XLSX 的上限 200 MB：请另存为 CSV 再导入',
    ],
    [
      {
        code: 'invalid-kml',
        params: { problem: 'mismatched-tag', open: 'name', close: 'Placemark', line: 4, column: 31 },
      },
      '不是可读取的 KML 文档：元素 <name> 被 </Placemark> 结束，标签不配对（第 4 行第 31 列附近）',
    ],
    [{ code: 'invalid-kml', params: { problem: 'no-root' } }, '不是可读取的 KML 文档：其中没有 XML 元素'],
    [
      { code: 'invalid-json', params: { problem: 'syntax', line: 3, column: 1 } },
      '不是有效的 JSON（第 3 行第 1 列附近）',
    ],
    [
      { code: 'invalid-zip', params: { problem: 'zip64' } },
      '不是可读取的 ZIP 压缩包：不支持 ZIP64 压缩包（超过 4 GB）',
    ],
    [{ code: 'unreadable-file', params: { format: 'csv' } }, '无法读取该 csv 文件：内容不符合该格式'],
  ])('%o', (problem, chinese) => {
    expect(zh(problem)).toBe(chinese);
    expect(en(problem)).not.toMatch(/undefined|NaN|\[object/);
  });
});
