import { describe, expect, test } from 'vitest';
import { bandClassCode, parseBand } from '../coverage/radius';
import { COLUMN_NAMES, findColumn } from '../io/columns';
import { findCoordinateColumns } from '../import/pointColumns';
import { parseCsv } from '../io/table';
import { csvField, placesCsv, stationsCsv, villagesCsv } from './csv';
import { BANDS, NOT_SHARED, OPERATORS, TECHNOLOGIES } from './operators';
import { readPlaces } from './places';
import { PLACEMENTS, type SampleStations } from './stations';
import type { VillageStatuses } from './villages';

const counties = [
  { adcode: '520122', name: '息烽县' },
  { adcode: '520111', name: '花溪区' },
];
const stations: SampleStations = {
  lon: Float64Array.of(106.7381234567, 106.6),
  lat: Float64Array.of(27.09, 26.41),
  bandClass: Uint8Array.of(bandClassCode('5G-mid'), bandClassCode('4G-low')),
  buildYear: Int16Array.of(2021, 2019),
  county: Int16Array.of(0, 1),
  serial: Uint32Array.of(17, 1),
  operator: Uint8Array.of(1, 0),
  sharedWith: Uint8Array.of(2, NOT_SHARED),
  technology: Uint8Array.of(0, 1),
  band: Uint8Array.of(BANDS.indexOf('n78'), BANDS.indexOf('FDD900')),
  placement: Uint8Array.of(0, 4),
  operators: OPERATORS,
  technologies: TECHNOLOGIES,
  bands: BANDS,
  placements: PLACEMENTS,
  fiveGCount: 1,
};

describe('csvField', () => {
  test('quotes only what needs quoting', () => {
    expect(csvField('黄果树')).toBe('黄果树');
    expect(csvField(2021)).toBe('2021');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('stationsCsv', () => {
  const table = parseCsv(stationsCsv(stations, counties), 'sample-stations.csv');

  test('uses column names the importers recognise, and says it is sample data', () => {
    for (const role of ['id', 'name', 'technology', 'band', 'buildYear'] as const)
      expect(findColumn(table.header, COLUMN_NAMES[role]), role).not.toBe(-1);
    expect(findCoordinateColumns(table, 'sample-stations.csv')).toEqual({
      lon: table.header.indexOf('经度'),
      lat: table.header.indexOf('纬度'),
    });
    expect(table.header).toContain('运营商');
    expect(table.rows.map((row) => row[table.header.indexOf('示例数据')])).toEqual(['是', '是']);
  });

  test('rows hold the id, operator, sharing, band, year and WGS84 position', () => {
    const cell = (row: number, name: string) => table.rows[row][table.header.indexOf(name)];
    expect(cell(0, '站号')).toBe('S5G-520122-00017');
    expect(cell(0, '名称')).toBe('息烽县城区5G站00017');
    expect([cell(0, '运营商'), cell(0, '共享运营商'), cell(1, '共享运营商')]).toEqual([
      '中国电信',
      '中国联通',
      '',
    ]);
    expect([cell(0, '制式'), cell(0, '频段'), cell(0, '建成年份')]).toEqual(['5G', 'n78', '2021']);
    expect([cell(0, '经度'), cell(0, '纬度')]).toEqual(['106.738123', '27.090000']);
    expect(cell(1, '站号')).toBe('S4G-520111-00001');
  });

  test("each band read back with its technology gives the station's band class", () => {
    table.rows.forEach((row, i) => {
      const parsed = parseBand(
        row[table.header.indexOf('频段')],
        row[table.header.indexOf('制式')] as '5G' | '4G',
      );
      expect(parsed && bandClassCode(parsed)).toBe(stations.bandClass[i]);
    });
  });
});

describe('villagesCsv and placesCsv', () => {
  test('the village file has the listed columns and the sample flag', () => {
    const statuses = {
      villages: {
        code: ['520102016001'],
        name: ['纪念塔社区'],
        townshipCode: ['520102016'],
        countyAdcode: ['520102'],
        kind: Uint8Array.of(1),
        county: Int16Array.of(0),
        township: Uint32Array.of(0),
      },
      lon: Float64Array.of(106.71),
      lat: Float64Array.of(26.58),
      fiberYear: Int16Array.of(2012),
      gigabitYear: Int16Array.of(2020),
      fiveGYear: Int16Array.of(0),
      modelledFiveGYear: Int16Array.of(2020),
      sample: Uint8Array.of(1),
    } satisfies VillageStatuses;
    expect(villagesCsv(statuses)).toBe(
      'code,name,townshipCode,countyAdcode,kind,lon,lat,fiberYear,gigabitYear,fiveGYear,sample\n' +
        '520102016001,纪念塔社区,520102016,520102,residents_committee,106.710000,26.580000,2012,2020,0,1\n',
    );
  });

  test('a place file keeps its source row, quoted where needed, then the flags and status', () => {
    const source =
      'name,lon_wgs84,lat_wgs84,coord_quality,county_adcode\n龙宫景区,105.84,26.08,"approx (compiler knowledge, ~±5 km)",520402\n';
    const places = {
      ...readPlaces(source, 'scenic.csv'),
      reportedFiveGCovered: Uint8Array.of(1),
      reportedFiveGYear: Int16Array.of(2021),
      statusSample: Uint8Array.of(1),
    };
    expect(placesCsv(places)).toBe(
      'name,lon_wgs84,lat_wgs84,coord_quality,county_adcode,position_approximate,reported_5g_covered,reported_5g_year,status_sample\n' +
        '龙宫景区,105.84,26.08,"approx (compiler knowledge, ~±5 km)",520402,1,1,2021,1\n',
    );
  });
});
