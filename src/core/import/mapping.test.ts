import { describe, expect, test } from 'vitest';
import { guessDatum, guessDatasetKind, guessMapping, missingRequiredFields } from './mapping';

const named = (header: string[], mapping: Record<string, number | undefined>) =>
  Object.fromEntries(
    Object.entries(mapping).map(([field, c]) => [field, c === undefined ? undefined : header[c]]),
  );

describe('guessMapping', () => {
  test('an operator export in Chinese (the sample station file)', () => {
    const header = [
      '站号',
      '名称',
      '运营商',
      '共享运营商',
      '制式',
      '频段',
      '建成年份',
      '经度',
      '纬度',
      '县区代码',
      '县区',
      '示例数据',
    ];
    expect(named(header, guessMapping(header, 'stations'))).toEqual({
      id: '站号',
      name: '名称',
      operator: '运营商',
      technology: '制式',
      band: '频段',
      buildYear: '建成年份',
      lon: '经度',
      lat: '纬度',
    });
  });
  test('English, full-width brackets and a datum suffix', () => {
    const header = ['Site ID', 'Name', 'lng_gcj02', 'lat_gcj02', 'Band', '经度（备用）'];
    const mapping = named(header, guessMapping(header, 'stations5g'));
    expect(mapping).toMatchObject({ id: 'Site ID', name: 'Name', lon: '经度（备用）', band: 'Band' });
    expect(mapping.lat).toBe('lat_gcj02');
  });
  test('a Chinese synonym inside a longer header', () => {
    const header = ['基站经度', '基站纬度', '网络制式'];
    expect(named(header, guessMapping(header, 'stations'))).toEqual({
      lon: '基站经度',
      lat: '基站纬度',
      technology: '网络制式',
    });
  });
  test('villages: the code, yes/no columns, optional coordinates', () => {
    const header = ['村代码', '村名', '光纤', '千兆', '4G', '5G', '统计日期'];
    const mapping = guessMapping(header, 'villages');
    expect(named(header, mapping)).toEqual({
      villageCode: '村代码',
      name: '村名',
      fiber: '光纤',
      gigabit: '千兆',
      has4g: '4G',
      has5g: '5G',
      statusDate: '统计日期',
    });
    expect(missingRequiredFields(mapping, 'villages')).toEqual([]);
  });
  test('the sample relocation-site file', () => {
    const header = [
      'name',
      'county_adcode',
      'relocated_population',
      'population_note',
      'lon_wgs84',
      'lat_wgs84',
      'position_approximate',
      'reported_5g_covered',
      'reported_5g_year',
    ];
    expect(named(header, guessMapping(header, 'relocationSites'))).toEqual({
      name: 'name',
      relocatedPopulation: 'relocated_population',
      lon: 'lon_wgs84',
      lat: 'lat_wgs84',
      positionApproximate: 'position_approximate',
      covered: 'reported_5g_covered',
      coveredYear: 'reported_5g_year',
    });
  });
  test('a column is used once', () => {
    const mapping = guessMapping(['x', 'y', 'x'], 'points');
    expect(mapping).toEqual({ lon: 0, lat: 1 });
    expect(missingRequiredFields(guessMapping(['name'], 'points'), 'points')).toEqual(['lon', 'lat']);
  });
});

describe('guessDatasetKind', () => {
  test.each([
    [['站号', '名称', '运营商', '制式', '频段', '经度', '纬度'], 'stations'],
    [['站号', '名称', '运营商', '频段', '经度', '纬度'], 'stations5g'],
    [['code', 'name', 'countyAdcode', 'lon', 'lat', 'fiberYear'], 'villages'],
    [['村代码', '光纤', '千兆'], 'villages'],
    [['安置点名称', '搬迁人口', '经度', '纬度'], 'relocationSites'],
    [['景区名称', '等级', '经度', '纬度'], 'scenicAreas'],
    [['名称', '经度', '纬度'], 'points'],
  ])('%j → %s', (header, layer) => expect(guessDatasetKind(header)).toBe(layer));
});

describe('guessDatum', () => {
  test('from the coordinate columns, the file name, a .prj, KML; otherwise WGS84 by default', () => {
    expect(guessDatum({ header: ['lng_gcj02', 'lat_gcj02'] })).toEqual({
      datum: 'gcj02',
      basis: 'column-name',
      evidence: 'lng_gcj02',
    });
    expect(guessDatum({ header: ['百度经度', '百度纬度'] }).datum).toBe('bd09');
    expect(guessDatum({ header: ['bd_lng', 'bd_lat'] }).datum).toBe('bd09');
    expect(guessDatum({ header: ['高德经度'] }).datum).toBe('gcj02');
    expect(guessDatum({ header: ['GPS经度', 'GPS纬度'] })).toMatchObject({
      datum: 'wgs84',
      basis: 'column-name',
    });
    expect(guessDatum({ header: ['经度', '纬度'], fileName: '基站_高德坐标.xlsx' })).toMatchObject({
      datum: 'gcj02',
      basis: 'file-name',
    });
    expect(guessDatum({ header: ['lon', 'lat'], crs: 'GCS_WGS_1984' })).toMatchObject({
      datum: 'wgs84',
      basis: 'crs',
    });
    expect(guessDatum({ header: ['lon', 'lat'], format: 'kml' })).toMatchObject({
      datum: 'wgs84',
      basis: 'format',
    });
    expect(guessDatum({ header: ['经度', '纬度', 'band'] })).toEqual({ datum: 'wgs84', basis: 'default' });
  });
  test('only the mapped coordinate columns count when a mapping is given', () => {
    const header = ['百度链接', 'lon', 'lat'];
    expect(guessDatum({ header, mapping: { lon: 1, lat: 2 } }).basis).toBe('default');
  });
});
