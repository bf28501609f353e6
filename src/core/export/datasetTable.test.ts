import { expect, test } from 'vitest';
import type { StoredDataset } from '../storedDataset';
import { datasetTable, datasetToGeoJson, tableToCsv } from './datasetTable';

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
