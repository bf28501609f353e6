import { describe, expect, test } from 'vitest';
import {
  BAND_CLASSES,
  bandClassCode,
  DEFAULT_RADIUS_METERS,
  parseBand,
  settingOf,
  stationRadiiMeters,
  technologyOf,
} from './radius';
import type { SeatColumns } from './types';

describe('parseBand', () => {
  test.each([
    ['n78', '5G-mid'],
    ['3.5GHz', '5G-mid'],
    ['3500MHz', '5G-mid'],
    ['n41', '5G-mid'],
    ['4.9 GHz', '5G-mid'],
    ['n79', '5G-mid'],
    ['n28', '5G-low'],
    ['700M', '5G-low'],
    ['700MHz', '5G-low'],
    ['700兆', '5G-low'],
    ['FDD1800', '4G-mid'],
    ['1.8GHz', '4G-mid'],
    ['2100', '4G-mid'],
    ['B3', '4G-mid'],
    ['B1', '4G-mid'],
    ['B39', '4G-mid'],
    ['B40', '4G-mid'],
    ['B41', '4G-mid'],
    ['Band 41', '4G-mid'],
    ['TDD-F', '4G-mid'],
    ['D频段', '4G-mid'],
    ['FDD900', '4G-low'],
    ['800M', '4G-low'],
    ['B5', '4G-low'],
    ['B8', '4G-low'],
    ['5G NR n78', '5G-mid'],
    ['NR 2.1GHz', '5G-mid'],
    ['ｎ７８', '5G-mid'],
    ['LTE 3', '4G-mid'],
  ] as const)('reads %s as %s', (text, bandClass) => {
    expect(parseBand(text)).toBe(bandClass);
  });

  test('takes 2.6 GHz as NR n41 unless the text or the hint says LTE', () => {
    expect(parseBand('2.6G')).toBe('5G-mid');
    expect(parseBand('2.6G', '5G')).toBe('5G-mid');
    expect(parseBand('2.6GHz', '4G')).toBe('4G-mid');
    expect(parseBand('LTE 2.6GHz', '5G')).toBe('4G-mid');
    expect(parseBand('中国移动 5G 2.6G', '4G')).toBe('5G-mid');
  });

  test('lets the hint decide other bare frequencies both technologies use', () => {
    expect(parseBand('1.8GHz', '5G')).toBe('5G-mid');
    expect(parseBand('900M', '5G')).toBe('5G-low');
    expect(parseBand('700M', '4G')).toBe('4G-low');
  });

  test('keeps band notation over the hint: n41 is NR and B41 is LTE whatever the file', () => {
    expect(parseBand('n41', '4G')).toBe('5G-mid');
    expect(parseBand('B41', '5G')).toBe('4G-mid');
  });

  test.each(['', '5G', 'abc', '78', 'n99', 'B99', '12GHz', '100MHz'])('does not recognise %j', (text) => {
    expect(parseBand(text)).toBeNull();
  });
});

test('band classes keep their code order and technology', () => {
  expect(BAND_CLASSES).toEqual(['5G-mid', '5G-low', '4G-mid', '4G-low']);
  expect(BAND_CLASSES.map(technologyOf)).toEqual(['5G', '5G', '4G', '4G']);
  expect(bandClassCode('4G-mid')).toBe(2);
});

test('the default radius table is the midpoint of each reference range', () => {
  expect(DEFAULT_RADIUS_METERS).toEqual({
    '5G-mid': { denseUrban: 200, urban: 330, countyTown: 600, rural: 1500 },
    '5G-low': { denseUrban: 550, urban: 1150, countyTown: 2250, rural: 5500 },
    '4G-mid': { denseUrban: 400, urban: 750, countyTown: 1500, rural: 3500 },
    '4G-low': { denseUrban: 1500, urban: 1500, countyTown: 3000, rural: 8500 },
  });
});

// A dense-urban centre, a prefecture seat and a county seat, 50 km apart along a parallel.
const seats: SeatColumns = {
  denseUrban: Float64Array.of(106.7, 26.58),
  prefectureSeats: Float64Array.of(106.7, 26.58, 107.2, 26.58),
  countySeats: Float64Array.of(106.7, 26.58, 107.2, 26.58, 107.7, 26.58),
};
/** The point `meters` north of (lon, lat). */
const north = (lon: number, lat: number, meters: number): [number, number] => [
  lon,
  lat + meters / 111_195.08,
];

describe('settingOf', () => {
  test('classifies by distance to the nearest seat of each kind, dense urban first', () => {
    expect(settingOf(...north(106.7, 26.58, 1990), seats)).toBe('denseUrban');
    expect(settingOf(...north(106.7, 26.58, 2010), seats)).toBe('urban');
    expect(settingOf(...north(107.2, 26.58, 4990), seats)).toBe('urban');
    expect(settingOf(...north(107.2, 26.58, 5010), seats)).toBe('rural');
    expect(settingOf(...north(107.7, 26.58, 2990), seats)).toBe('countyTown');
    expect(settingOf(...north(107.7, 26.58, 3010), seats)).toBe('rural');
  });
  test('calls everything rural when there are no seats', () => {
    const none: SeatColumns = {
      denseUrban: new Float64Array(0),
      prefectureSeats: new Float64Array(0),
      countySeats: new Float64Array(0),
    };
    expect(settingOf(106.7, 26.58, none)).toBe('rural');
  });
});

test('stationRadiiMeters looks up each station by band class and setting', () => {
  const [lon1, lat1] = north(107.7, 26.58, 1000);
  const stations = {
    lon: Float64Array.of(106.7, 107.2, lon1, 105),
    lat: Float64Array.of(26.58, 26.58, lat1, 26),
    bandClass: Uint8Array.of(
      bandClassCode('5G-mid'),
      bandClassCode('5G-low'),
      bandClassCode('4G-mid'),
      bandClassCode('4G-low'),
    ),
    buildYear: new Int16Array(4),
  };
  expect([...stationRadiiMeters(stations, seats)]).toEqual([200, 1150, 1500, 8500]);
  expect(() => stationRadiiMeters({ ...stations, bandClass: Uint8Array.of(0, 0, 0, 9) }, seats)).toThrow(
    RangeError,
  );
});
