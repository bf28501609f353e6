import { expect, test } from 'vitest';
import { InputError } from '../io/table';
import { pointsMapping } from './pointColumns';

test("the import dialog's guess for points: id, name and coordinates", () => {
  expect(pointsMapping(['站号', '名称', '经度（WGS84）', '纬度（WGS84）'], 'a.csv')).toEqual({
    id: 0,
    name: 1,
    lon: 2,
    lat: 3,
  });
});

test('named columns win, exactly or after normalising, and leave the field the guess gave them', () => {
  const mapping = pointsMapping(['id', 'lon', 'lat', 'X_WGS84', 'Y_WGS84'], 'a.csv', {
    lon: 'x wgs84',
    lat: 'Y_WGS84',
  });
  expect([mapping.lon, mapping.lat]).toEqual([3, 4]);
  expect(pointsMapping(['code', 'a', 'b'], 'a.csv', { lon: 'code', lat: 'b' })).toMatchObject({
    id: undefined,
    lon: 0,
  });
});

test('without coordinates: an InputError listing the columns', () => {
  expect(() => pointsMapping(['name', 'x1', 'y1'], 'a.csv')).toThrow(InputError);
  expect(() => pointsMapping(['name', 'x1', 'y1'], 'a.csv')).toThrow(
    'a.csv: no coordinate column found: expected a longitude column (lon, lng, longitude, 经度); columns are name, x1, y1',
  );
  expect(() => pointsMapping(['lon', 'lat'], 'a.csv', { lat: 'y' })).toThrow('expected y;');
});
