// Import problems in Chinese: one message per problem code, with the same parameters (English is
// problems.ts's englishMessage). Shared by the import dialog and the data worker's rejected-rows CSV;
// row and column are shown beside the message, not inside it. Field names are said as the mapping
// step labels them (ui/i18n.ts `field.*`; repeated here because the worker has no i18n), geometry
// types in Chinese with the GeoJSON name after them.
import type { Problem, ProblemCode } from './problems';
import type { Locale } from '../format';

type Params = Problem['params'];
const p = (params: Params, key: string) => String(params[key] ?? '');
const n = (params: Params, key: string) => Number(params[key] ?? 0).toLocaleString('zh-CN');
const at = (x: Params) =>
  x.line === undefined
    ? ''
    : `（第 ${p(x, 'line')} 行${x.column === undefined ? '' : `第 ${p(x, 'column')} 列`}附近）`;

const FIELDS: Record<string, string> = {
  id: '编号',
  name: '名称',
  operator: '运营商',
  band: '频段',
  technology: '制式（4G/5G）',
  buildYear: '建成年份',
  lon: '经度',
  lat: '纬度',
  villageCode: '村级代码（12 位）',
  fiber: '通光纤',
  fiberYear: '光纤年份',
  gigabit: '千兆光网',
  gigabitYear: '千兆年份',
  has4g: '4G',
  has5g: '5G',
  fiveGYear: '5G 年份',
  statusDate: '状态日期',
  relocatedPopulation: '搬迁人口',
  covered: '已覆盖',
  coveredYear: '覆盖年份',
  level: '景区等级',
  positionApproximate: '位置近似',
};
const field = (x: Params) => FIELDS[p(x, 'field')] ?? p(x, 'field');

const GEOMETRIES: Record<string, string> = {
  LineString: '线',
  MultiLineString: '多线',
  Polygon: '面',
  MultiPolygon: '多面',
  MultiPoint: '多点',
  GeometryCollection: '几何集合',
};

const XML_PROBLEMS: Record<string, (x: Params) => string> = {
  'mismatched-tag': (x) => `元素 <${p(x, 'open')}> 被 </${p(x, 'close')}> 结束，标签不配对`,
  'unclosed-attribute': () => '属性值缺少结束引号',
  'unknown-entity': (x) => `未知的实体 ${p(x, 'entity')}`,
  'no-root': () => '其中没有 XML 元素',
  'no-parser': () => '此环境没有 XML 解析器',
  syntax: () => 'XML 格式有误',
};
const ZIP_PROBLEMS: Record<string, (x: Params) => string> = {
  'no-directory': () => '不是 ZIP 压缩包，或文件不完整',
  zip64: () => '不支持 ZIP64 压缩包（超过 4 GB）',
  damaged: () => '压缩包已损坏',
  encrypted: (x) => `${p(x, 'entry')} 已加密`,
  method: (x) => `${p(x, 'entry')} 使用了不支持的压缩方法 ${p(x, 'method')}（仅支持存储和 deflate）`,
};
const XLSX_PROBLEMS: Record<string, string> = {
  'not-zip': '不是 ZIP 压缩包',
  'no-workbook': '其中没有工作簿',
  damaged: '工作簿已损坏，或不是 Excel 2007 及以后版本的文件',
};

const ZH: Record<ProblemCode, (x: Params) => string> = {
  'empty-file': () => '文件为空',
  'binary-file': () => '文件不是文本、表格、GeoJSON、KML 或压缩的 Shapefile（二进制数据）',
  'html-page': () => '文件是网页（HTML），不是表格：请把数据本身另存为 CSV 或 XLSX',
  'unsupported-format': (x) =>
    `不支持 ${p(x, 'format')} 格式（请使用 CSV、XLSX、GeoJSON、KML 或压缩的 Shapefile）`,
  'unreadable-file': (x) => `无法读取该 ${p(x, 'format')} 文件：内容不符合该格式`,
  'no-header': () => '文件没有表头行',
  'no-rows': () => '文件只有表头，没有数据行',
  'unclosed-quote': (x) => `第 ${p(x, 'row')} 行开始的引号没有闭合`,
  'invalid-json': (x) =>
    x.problem === 'truncated' ? '不是有效的 JSON：文本提前结束' : `不是有效的 JSON${at(x)}`,
  'not-geojson': () => '不是 GeoJSON 要素或要素集合',
  'invalid-xlsx': (x) =>
    `不是可读取的 XLSX 工作簿：${XLSX_PROBLEMS[p(x, 'problem')] ?? XLSX_PROBLEMS.damaged}`,
  'invalid-kml': (x) =>
    `不是可读取的 KML 文档：${(XML_PROBLEMS[p(x, 'problem')] ?? XML_PROBLEMS.syntax)(x)}${at(x)}`,
  'invalid-zip': (x) =>
    `不是可读取的 ZIP 压缩包：${(ZIP_PROBLEMS[p(x, 'problem')] ?? ZIP_PROBLEMS.damaged)(x)}`,
  'no-shapefile': () => 'ZIP 压缩包中没有 .shp 文件',
  'several-shapefiles': (x) => `ZIP 压缩包中有多个 Shapefile（${p(x, 'names')}）：请逐个压缩导入`,
  'invalid-shapefile': () => 'Shapefile 已损坏，无法读取',
  'projected-crs': (x) =>
    `Shapefile 使用投影坐标系“${p(x, 'crs')}”：仅支持经纬度（地理）坐标，请导出为 WGS84 或 CGCS2000 地理坐标`,
  'unsupported-crs': (x) => `Shapefile 的坐标系“${p(x, 'crs')}”不是地理坐标系`,
  'mixed-encoding': (x) =>
    Number(x.utf8Lines) > 0
      ? `无法判断文件编码：${p(x, 'otherLines')} 行不是 UTF-8（第一处在第 ${p(x, 'firstLine')} 行），另有 ${p(x, 'utf8Lines')} 行是 UTF-8；请把文件另存为 UTF-8`
      : `无法判断文件编码：${p(x, 'otherLines')} 行既不是 UTF-8 也不是 GB18030（第一处在第 ${p(x, 'firstLine')} 行）；请把文件另存为 UTF-8`,
  'invalid-header-bytes': (x) => `表头含有不符合 ${p(x, 'encoding')} 编码的字节`,
  'too-deeply-nested': (x) => `${p(x, 'format')} 嵌套超过 ${p(x, 'limit')} 层（第 ${p(x, 'line')} 行）`,
  'file-too-large': (x) => `文件大小 ${p(x, 'sizeMb')} MB，超过上限 ${p(x, 'limitMb')} MB`,
  'too-many-columns': (x) =>
    `文件${x.row === undefined ? '' : `第 ${p(x, 'row')} 行`}有 ${n(x, 'columns')} 列，超过上限 ${n(x, 'limit')} 列`,
  'too-many-rows': (x) =>
    `文件有${x.estimated ? '约 ' : ' '}${n(x, 'rows')} 行，超过上限 ${n(x, 'limit')} 行：请拆分为较小的文件`,
  'header-too-long': (x) =>
    `第 ${p(x, 'column')} 列的列名长 ${n(x, 'length')} 个字符，超过上限 ${n(x, 'limit')} 个字符`,
  'zip-entry-too-large': (x) =>
    `压缩包中的 ${p(x, 'entry')} 解压后为 ${p(x, 'sizeMb')} MB，超过单个文件的上限 ${p(x, 'limitMb')} MB`,
  'zip-total-too-large': (x) =>
    `压缩包中的文件解压后合计 ${p(x, 'sizeMb')} MB（到 ${p(x, 'entry')} 为止），超过上限 ${p(x, 'limitMb')} MB`,
  'zip-larger-than-declared': (x) =>
    `压缩包中的 ${p(x, 'entry')} 解压后超过其声明的 ${p(x, 'declaredMb')} MB：压缩包已损坏或是恶意构造的（已停止解压）`,
  'xlsx-too-large': (x) =>
    `工作簿解压后为 ${p(x, 'sizeMb')} MB，超过 XLSX 的上限 ${p(x, 'limitMb')} MB：请另存为 CSV 再导入`,
  'too-many-cells': (x) =>
    `工作表占 ${n(x, 'rows')} 行 × ${n(x, 'columns')} 列（${n(x, 'cells')} 个单元格），超过上限 ${n(x, 'limit')} 个单元格`,
  'not-a-point': (x) => {
    const type = p(x, 'geometryType');
    return `该要素是${GEOMETRIES[type] ? `${GEOMETRIES[type]}（${type}）` : ` ${type} `}，不是点`;
  },
  'no-geometry': (x) => `第 ${p(x, 'feature')} 个要素没有几何`,
  'invalid-point': () => '点的坐标不是两个数字',
  'missing-value': (x) => `缺少${field(x)}`,
  'not-a-number': (x) => `“${p(x, 'value')}”不是数字`,
  'out-of-range': (x) =>
    `${field(x)} ${p(x, 'value')} 超出范围（应在 ${p(x, 'min')} 到 ${p(x, 'max')} 之间）`,
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
  'invalid-bytes': (x) =>
    x.nul
      ? `“${p(x, 'value')}”含有空字节（NUL），文本中不应出现`
      : `“${p(x, 'value')}”含有不符合 ${p(x, 'encoding')} 编码的字节`,
  'cell-too-long': (x) => `单元格长 ${n(x, 'length')} 个字符，超过上限 ${n(x, 'limit')} 个字符`,
  'unmapped-field': (x) => `必填字段“${field(x)}”没有对应的列`,
};

export function problemMessage(
  problem: Pick<Problem, 'code' | 'params'>,
  locale: Locale,
  english: (problem: Pick<Problem, 'code' | 'params'>) => string,
): string {
  return locale === 'zh-CN' ? (ZH[problem.code]?.(problem.params) ?? problem.code) : english(problem);
}
