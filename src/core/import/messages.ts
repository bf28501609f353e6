// Import problems in Chinese: one message per problem code, with the same parameters (English is
// problems.ts's englishMessage). Shared by the import dialog and the data worker's rejected-rows CSV;
// row and column are shown beside the message, not inside it.
import type { Problem, ProblemCode } from './problems';
import type { Locale } from '../format';

type Params = Problem['params'];
const p = (params: Params, key: string) => String(params[key] ?? '');

const ZH: Record<ProblemCode, (x: Params) => string> = {
  'empty-file': () => '文件为空',
  'binary-file': () => '文件不是文本、表格、GeoJSON、KML 或压缩的 Shapefile（二进制数据）',
  'html-page': () => '文件是网页（HTML），不是表格：请把数据本身另存为 CSV 或 XLSX',
  'unsupported-format': (x) =>
    `不支持 ${p(x, 'format')} 格式（请使用 CSV、XLSX、GeoJSON、KML 或压缩的 Shapefile）`,
  'unreadable-file': (x) => `无法读取该 ${p(x, 'format')} 文件（${p(x, 'reason')}）`,
  'no-header': () => '文件没有表头行',
  'no-rows': () => '文件只有表头，没有数据行',
  'unclosed-quote': (x) => `第 ${p(x, 'row')} 行开始的引号没有闭合`,
  'invalid-json': (x) => `不是有效的 JSON（${p(x, 'reason')}）`,
  'not-geojson': () => '不是 GeoJSON 要素或要素集合',
  'invalid-xlsx': (x) => `不是可读取的 XLSX 工作簿（${p(x, 'reason')}）`,
  'invalid-kml': (x) => `不是可读取的 KML 文档（${p(x, 'reason')}）`,
  'invalid-zip': (x) => `不是可读取的 ZIP 压缩包（${p(x, 'reason')}）`,
  'no-shapefile': () => 'ZIP 压缩包中没有 .shp 文件',
  'several-shapefiles': (x) => `ZIP 压缩包中有多个 Shapefile（${p(x, 'names')}）：请逐个压缩导入`,
  'invalid-shapefile': (x) => `无法读取 Shapefile（${p(x, 'reason')}）`,
  'projected-crs': (x) =>
    `Shapefile 使用投影坐标系“${p(x, 'crs')}”：仅支持经纬度（地理）坐标，请导出为 WGS84 或 CGCS2000 地理坐标`,
  'unsupported-crs': (x) => `Shapefile 的坐标系“${p(x, 'crs')}”不是地理坐标系`,
  'mixed-encoding': (x) =>
    Number(x.utf8Lines) > 0
      ? `无法判断文件编码：${p(x, 'otherLines')} 行不是 UTF-8（第一处在第 ${p(x, 'firstLine')} 行），另有 ${p(x, 'utf8Lines')} 行是 UTF-8；请把文件另存为 UTF-8`
      : `无法判断文件编码：${p(x, 'otherLines')} 行既不是 UTF-8 也不是 GB18030（第一处在第 ${p(x, 'firstLine')} 行）；请把文件另存为 UTF-8`,
  'invalid-header-bytes': (x) => `表头含有不符合 ${p(x, 'encoding')} 编码的字节`,
  'too-deeply-nested': (x) => `${p(x, 'format')} 嵌套超过 ${p(x, 'limit')} 层（第 ${p(x, 'line')} 行）`,
  'not-a-point': (x) => `该要素是 ${p(x, 'geometryType')}，不是点`,
  'missing-value': (x) => `缺少${p(x, 'field')}`,
  'not-a-number': (x) => `“${p(x, 'value')}”不是数字`,
  'not-a-coordinate': (x) => `（${p(x, 'lon')}, ${p(x, 'lat')}）不是经纬度`,
  'outside-guizhou': (x) => `（${p(x, 'lon')}, ${p(x, 'lat')}）位于贵州省外`,
  'lat-lon-swapped': (x) =>
    `（${p(x, 'lon')}, ${p(x, 'lat')}）位于贵州省外，但交换经纬度后在省内：经纬度可能填反了`,
  'duplicate-id': (x) => `编号“${p(x, 'value')}”与第 ${p(x, 'firstRow')} 行重复`,
  'invalid-village-code': (x) => `“${p(x, 'value')}”不是 12 位村级代码`,
  'unknown-village-code': (x) => `村级代码 ${p(x, 'value')} 不是贵州的村级单位（国家统计局 2023 年代码）`,
  'village-county-mismatch': (x) =>
    `村级代码 ${p(x, 'value')} 属于 ${p(x, 'codeCounty')}，但坐标位于 ${p(x, 'pointCounty')}`,
  'not-yes-no': (x) => `“${p(x, 'value')}”不是“是/否”（可填 是/否、有/无、Y/N、1/0、true/false、✓）`,
  'not-a-year': (x) => `“${p(x, 'value')}”不是年份`,
  'year-out-of-range': (x) => `年份 ${p(x, 'value')} 不在 ${p(x, 'min')}–${p(x, 'max')} 之间`,
  'not-a-date': (x) => `“${p(x, 'value')}”不是日期（yyyy-mm-dd、yyyy-mm 或 yyyy）`,
  'not-a-count': (x) => `“${p(x, 'value')}”不是不小于 0 的整数`,
  'unknown-technology': (x) => `“${p(x, 'value')}”既不是 5G 也不是 4G`,
  'technology-mismatch': (x) => `该行为 ${p(x, 'value')}，但图层为 ${p(x, 'expected')} 基站`,
  'invalid-scenic-level': (x) => `“${p(x, 'value')}”不是景区等级（1A–5A）`,
  'invalid-bytes': (x) => `“${p(x, 'value')}”含有不符合 ${p(x, 'encoding')} 编码的字节`,
  'unmapped-field': (x) => `必填字段“${p(x, 'field')}”没有对应的列`,
};

export function problemMessage(
  problem: Pick<Problem, 'code' | 'params'>,
  locale: Locale,
  english: (problem: Pick<Problem, 'code' | 'params'>) => string,
): string {
  return locale === 'zh-CN' ? (ZH[problem.code]?.(problem.params) ?? problem.code) : english(problem);
}
