import { describe, expect, test } from 'vitest';
import {
  boundsOf,
  buildAreaIndex,
  buildAreaRecords,
  type CountyCollection,
  type PrefectureCollection,
} from './areas';

const square = (x: number, y: number) => [
  [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
];
const counties: CountyCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: square(0, 0) },
      properties: {
        adcode: '520101',
        name: '甲县',
        prefectureAdcode: '520100',
        prefectureName: '某市',
        population2020: 1000,
        populationSource: 'census',
        areaKm2: 10,
        seat: [0.5, 0.5],
      },
    },
    {
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: square(1, 0) },
      properties: {
        adcode: '520102',
        name: '乙县',
        prefectureAdcode: '520100',
        prefectureName: '某市',
        population2020: 500,
        populationSource: 'census',
        areaKm2: 40,
        seat: [1.5, 0.5],
      },
    },
  ],
};
const prefectures: PrefectureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [2, 0],
              [2, 1],
              [0, 1],
              [0, 0],
            ],
          ],
        ],
      },
      properties: {
        adcode: '520100',
        name: '某市',
        population2020: 1500,
        countyCount: 2,
        labelPoint: [1, 0.5],
        areaKm2: 50,
      },
    },
  ],
};

describe('buildAreaRecords', () => {
  const records = buildAreaRecords(
    buildAreaIndex(counties, prefectures, { type: 'FeatureCollection', features: [] }),
  );
  test('gives each county its density and bounds', () => {
    expect(records.get('520101')).toMatchObject({
      level: 'county',
      densityPerKm2: 100,
      bounds: [0, 0, 1, 1],
    });
    expect(records.get('520102')).toMatchObject({ densityPerKm2: 12.5, bounds: [1, 0, 2, 1] });
  });
  test('gives each prefecture its counties, density and bounds', () => {
    expect(records.get('520100')).toMatchObject({
      level: 'prefecture',
      countyAdcodes: ['520101', '520102'],
      densityPerKm2: 30,
      bounds: [0, 0, 2, 1],
    });
  });
});

test('boundsOf spans every part of a multipolygon', () => {
  expect(boundsOf([...square(0, 0), ...square(5, -3)])).toEqual([0, -3, 6, 1]);
});
