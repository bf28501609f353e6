import { expect, test } from 'vitest';
import type { StoredDataset } from '../storedDataset';
import { DATASET_FIELDS, DATASET_KINDS } from '../import/mapping';
import {
  COUNTY_COLUMNS,
  DATASET_COLUMN_NAMES,
  datasetTable,
  datasetTableForPeople,
  datasetToGeoJson,
  tableToCsv,
  type DatasetWords,
} from './datasetTable';
import { textTableCsv, textTableXlsx } from './textTable';

const dataset: StoredDataset = {
  id: 'd1',
  name: '测试',
  layer: 'stations',
  rowCount: 3,
  importedAt: '2026-11-24T00:00:00Z',
  sourceFile: 'a.csv',
  datum: 'wgs84',
  sample: false,
  columns: {
    name: ['甲站', '<img src=x onerror=alert(1)>', 'a "quoted", name'],
    operator: Uint8Array.of(0, 1, 0),
    has5g: Uint8Array.of(1, 255, 0),
    lon: Float64Array.of(106.7, NaN, 107.123456789),
    lat: Float64Array.of(26.5, NaN, 27),
  },
  dictionaries: { operator: ['中国移动', '中国电信'] },
};

test('rows decode dictionaries, leave unknown flags and missing numbers empty', () => {
  expect(datasetTable(dataset).rows).toEqual([
    ['甲站', '中国移动', '1', '106.700000', '26.500000'],
    ['<img src=x onerror=alert(1)>', '中国电信', '', '', ''],
    ['a "quoted", name', '中国移动', '0', '107.123457', '27.000000'],
  ]);
});

test('CSV keeps markup as text and quotes what RFC 4180 requires; BOM on request', () => {
  const csv = tableToCsv(datasetTable(dataset), { byteOrderMark: true });
  expect(csv.startsWith('\uFEFFname,operator,has5g,lon,lat\r\n')).toBe(true);
  expect(csv).toContain('\r\n<img src=x onerror=alert(1)>,中国电信,,,\r\n');
  expect(csv).toContain('"a ""quoted"", name"');
});

test('GeoJSON has a point per row with coordinates, and the text unchanged', () => {
  const { text, leftOut } = datasetToGeoJson(dataset);
  const geojson = JSON.parse(text);
  expect(geojson.features).toHaveLength(2);
  expect(leftOut).toBe(dataset.rowCount - 2);
  expect(geojson.features[0]).toEqual({
    type: 'Feature',
    properties: { name: '甲站', operator: '中国移动', has5g: '1' },
    geometry: { type: 'Point', coordinates: [106.7, 26.5] },
  });
});

const HEADINGS: Record<string, string> = {
  villageCode: '村级代码',
  name: '名称',
  fiber: '通光纤',
  gigabit: '千兆光网',
  has4g: '通 4G',
  has5g: '通 5G',
  statusDate: '统计日期',
  fiveGYear: '通 5G 年份',
  lon: '经度（WGS84）',
  lat: '纬度（WGS84）',
  county: '县（市、区）',
  sourceRow: '原文件行号',
  countyCode: '县区代码',
  countyName: '县（市、区）',
};
const people: DatasetWords = {
  headings: HEADINGS,
  status: { yes: '是', no: '否', unknown: '未知' },
  // Ascending adcode, as the county index.
  counties: [
    { adcode: '520102', name: '南明区' },
    { adcode: '520122', name: '息烽县' },
  ],
};

/** A village sheet as an import stores it: columns in the builder's order, one extra column. */
const villages: StoredDataset = {
  id: '0b7e3c1a-5a4e-4c1e-9a55-2f1d7c9e8b11',
  name: '村台账',
  layer: 'villages',
  rowCount: 3,
  importedAt: '2026-11-24T00:00:00Z',
  sourceFile: '村台账.xlsx',
  datum: 'wgs84',
  sample: false,
  columns: {
    lon: Float64Array.of(106.7, NaN, 106.71),
    lat: Float64Array.of(27.1, NaN, 27.2),
    county: Int16Array.of(1, 0, -1),
    sourceRow: Uint32Array.of(2, 3, 5),
    fiveGYear: Float64Array.of(2023, NaN, 2024),
    fiber: Uint8Array.of(1, 0, 255),
    gigabit: Uint8Array.of(0, 255, 1),
    villageCode: ['520122100201', '520102016001', '529999999999'],
    name: ['坪上村', '纪念塔社区', '=1+1'],
    备注: ['待修复', '', 'x'],
  },
};

test('for people: headings in words, fields in the import order, county code and name, statuses as 是/否/未知', () => {
  const table = datasetTableForPeople(villages, people);
  expect(table.header).toEqual([
    '村级代码',
    '名称',
    '通光纤',
    '千兆光网',
    '通 5G 年份',
    '县区代码',
    '县（市、区）',
    '经度（WGS84）',
    '纬度（WGS84）',
    '备注',
    '原文件行号',
  ]);
  expect(table.rows).toEqual([
    [
      '520122100201',
      '坪上村',
      '是',
      '否',
      '2023',
      '520122',
      '息烽县',
      '106.700000',
      '27.100000',
      '待修复',
      '2',
    ],
    ['520102016001', '纪念塔社区', '否', '未知', '', '520102', '南明区', '', '', '', '3'],
    ['529999999999', '=1+1', '未知', '是', '2024', '', '', '106.710000', '27.200000', 'x', '5'],
  ]);
});

test('for people: no internal index or id anywhere, numbers as stored', () => {
  const csv = textTableCsv(datasetTableForPeople(villages, people));
  expect(csv).not.toContain(villages.id);
  expect(csv).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  expect(csv.split('\r\n')[0]).not.toMatch(/\b(county|gigabit|sourceRow|lon|lat)\b/);
  expect(csv).toContain("\r\n529999999999,'=1+1,未知,是,2024,,,106.710000,27.200000,x,5\r\n");
});

test('for people, XLSX: numbers are number cells (coordinates to 6 decimals), codes and statuses text', () => {
  const sheet = textTableXlsx(datasetTableForPeople(villages, people));
  expect(sheet[1]).toEqual([
    { value: '520122100201', type: String },
    { value: '坪上村', type: String },
    { value: '是', type: String },
    { value: '否', type: String },
    { value: 2023, type: Number },
    { value: '520122', type: String },
    { value: '息烽县', type: String },
    { value: 106.7, type: Number, format: '0.000000' },
    { value: 27.1, type: Number, format: '0.000000' },
    { value: '待修复', type: String },
    { value: 2, type: Number },
  ]);
});

test('for people: a field the file did not have (empty or unknown in every row) is left out', () => {
  const sparse: StoredDataset = {
    ...villages,
    columns: {
      ...villages.columns,
      lon: Float64Array.of(NaN, NaN, NaN),
      lat: Float64Array.of(NaN, NaN, NaN),
      fiveGYear: Float64Array.of(NaN, NaN, NaN),
      gigabit: Uint8Array.of(255, 255, 255),
      statusDate: ['', '', ''],
      备注: ['', '', ''],
    },
  };
  expect(datasetTableForPeople(sparse, people).header).toEqual([
    '村级代码',
    '名称',
    '通光纤',
    '县区代码',
    '县（市、区）',
    '备注',
    '原文件行号',
  ]);
});

test('for people: dictionary columns are their labels; a column without a heading keeps its name', () => {
  const table = datasetTableForPeople(dataset, { ...people, headings: { name: '名称', operator: '运营商' } });
  expect(table.header).toEqual(['名称', '运营商', 'has5g', 'lon', 'lat']);
  expect(table.rows[1]).toEqual(['<img src=x onerror=alert(1)>', '中国电信', '未知', '', '']);
});

test('every field an import can store is a known column, so the UI can name each one', () => {
  for (const kind of DATASET_KINDS)
    for (const spec of DATASET_FIELDS[kind]) expect(DATASET_COLUMN_NAMES, spec.field).toContain(spec.field);
  expect(COUNTY_COLUMNS).toEqual(['countyCode', 'countyName']);
});
