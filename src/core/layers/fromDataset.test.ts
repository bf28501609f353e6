import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importContext } from '../../../test/fixtures/import/context';
import { toStoredDataset } from '../storedDataset';
import type { AreaIndex } from '../areas';
import { bandClassCode } from '../coverage/radius';
import { guessDatasetKind, guessMapping } from '../import/mapping';
import { parseCsv } from '../io/table';
import { validateRows } from '../import/validate';
import type { StoredDataset } from '../storedDataset';
import { computeAreaFigures } from './figures';
import { layerFromDataset, mapLayerOfDataset } from './fromDataset';
import { stationLayerFromDataset } from './stationColumns';
import { villageLayerFromDataset } from './villages';
import { NO_STATION_FILTER, stationFilterMask } from './stationFilter';
import { STATUS_NO, STATUS_UNKNOWN, STATUS_YES_UNDATED, UNKNOWN_CATEGORY } from './types';

/** A fresh dataset per call, with the columns an import stores (src/worker/importJob.ts). */
function dataset(
  layer: string,
  rowCount: number,
  columns: StoredDataset['columns'],
  dictionaries: Record<string, string[]> = {},
): StoredDataset {
  return {
    id: `ds-${layer}`,
    name: `我的${layer}`,
    layer,
    rowCount,
    importedAt: '2025-01-01T00:00:00.000Z',
    sourceFile: `${layer}.csv`,
    datum: 'wgs84',
    sample: false,
    dictionaries,
    columns: {
      lon: new Float64Array(rowCount).fill(106.7),
      lat: new Float64Array(rowCount).fill(26.6),
      county: new Int16Array(rowCount).fill(3),
      sourceRow: Uint32Array.from({ length: rowCount }, (_, i) => i + 2),
      ...columns,
    },
  };
}

const NAN = Number.NaN;

describe('stations', () => {
  const fiveG = () =>
    dataset(
      'stations5g',
      4,
      {
        operator: Uint32Array.of(0, 1, 2, 0),
        band: Uint32Array.of(0, 1, 2, 3),
        technology: Uint32Array.of(0, 0, 0, 0),
        buildYear: Float64Array.of(2020, NAN, 2024, 2021),
      },
      { operator: ['中国移动', '', '中国电信'], band: ['n78', 'n28', '', '不知道'], technology: [''] },
    );

  test('a 5G station file is all 5G, whatever its technology column says', () => {
    expect([...stationLayerFromDataset(fiveG()).technology]).toEqual([0, 0, 0, 0]);
  });

  test('a 4G station file is all 4G', () => {
    const layer = stationLayerFromDataset(
      dataset('stations4g', 2, { band: Uint32Array.of(0, 1) }, { band: ['FDD1800', '800M'] }),
    );
    expect([...layer.technology]).toEqual([1, 1]);
    expect([...layer.bandClass]).toEqual([bandClassCode('4G-mid'), bandClassCode('4G-low')]);
  });

  test("bands give the band class; an empty or unknown band is the technology's mid band", () => {
    expect([...stationLayerFromDataset(fiveG()).bandClass]).toEqual(
      ['5G-mid', '5G-low', '5G-mid', '5G-mid'].map((c) => bandClassCode(c as '5G-mid')),
    );
  });

  test('operators and bands index their labels; an empty cell is the unknown code', () => {
    const layer = stationLayerFromDataset(fiveG());
    expect(layer.operators).toEqual(['中国移动', '中国电信']);
    expect([...layer.operator]).toEqual([0, UNKNOWN_CATEGORY, 1, 0]);
    expect(layer.bands).toEqual(['n78', 'n28', '不知道']);
    expect([...layer.band]).toEqual([0, 1, UNKNOWN_CATEGORY, 2]);
  });

  test('a missing build year is 0 (unknown, always on air)', () => {
    expect([...stationLayerFromDataset(fiveG()).buildYear]).toEqual([2020, 0, 2024, 2021]);
  });

  test("a mixed file takes each row's technology; a band of the other technology keeps its reach", () => {
    const layer = stationLayerFromDataset(
      dataset(
        'stations',
        4,
        {
          technology: Uint32Array.of(0, 1, 1, 0),
          band: Uint32Array.of(0, 1, 2, 3),
        },
        { technology: ['5G', '4G'], band: ['3.5G', 'n28', 'B3', 'FDD1800'] },
      ),
    );
    expect([...layer.technology]).toEqual([0, 1, 1, 0]);
    expect([...layer.bandClass]).toEqual(
      ['5G-mid', '4G-low', '4G-mid', '5G-mid'].map((c) => bandClassCode(c as '5G-mid')),
    );
  });

  test('a file without operator or band columns has empty label lists and unknown codes', () => {
    const layer = stationLayerFromDataset(dataset('stations5g', 2, {}));
    expect([layer.operators, layer.bands, [...layer.operator], [...layer.band]]).toEqual([
      [],
      [],
      [255, 255],
      [255, 255],
    ]);
    expect([...layer.buildYear]).toEqual([0, 0]);
  });

  test('the layer names the dataset as its source', () => {
    expect(stationLayerFromDataset(fiveG()).source).toEqual({
      kind: 'dataset',
      name: '我的stations5g',
      datasetId: 'ds-stations5g',
    });
  });
});

describe('villages', () => {
  const villages = () =>
    dataset('villages', 4, {
      villageCode: ['520122100201', '520122100202', '520122100203', '520102016001'],
      name: ['坪上村', '胡家湾村', '', '纪念塔社区'],
      fiber: Uint8Array.of(1, 1, 0, 255),
      gigabit: Uint8Array.of(1, 0, 255, 1),
      has4g: Uint8Array.of(1, 255, 0, 1),
      has5g: Uint8Array.of(1, 1, 0, 255),
      fiberYear: Float64Array.of(2016, NAN, NAN, NAN),
      gigabitYear: Float64Array.of(NAN, NAN, NAN, 2023),
      fiveGYear: Float64Array.of(2022, NAN, 2021, NAN),
      county: Int16Array.of(5, 5, 5, -1),
      lon: Float64Array.of(106.75, 106.76, NAN, NAN),
      lat: Float64Array.of(27.11, 27.12, NAN, NAN),
    });

  test('yes is the status year when the file gives one, else yes since an unknown year', () => {
    const { status } = villageLayerFromDataset(villages());
    expect([...status.fiber]).toEqual([2016, STATUS_YES_UNDATED, STATUS_NO, STATUS_UNKNOWN]);
    expect([...status.gigabit]).toEqual([STATUS_YES_UNDATED, STATUS_NO, STATUS_UNKNOWN, 2023]);
    expect([...status.fiveG]).toEqual([2022, STATUS_YES_UNDATED, STATUS_NO, STATUS_UNKNOWN]);
  });

  test('4G has no year column: yes is undated', () => {
    expect([...villageLayerFromDataset(villages()).status.fourG]).toEqual([
      STATUS_YES_UNDATED,
      STATUS_UNKNOWN,
      STATUS_NO,
      STATUS_YES_UNDATED,
    ]);
  });

  test('codes, names, counties and missing positions are kept as stored', () => {
    const layer = villageLayerFromDataset(villages());
    expect(layer.code).toEqual(['520122100201', '520122100202', '520122100203', '520102016001']);
    expect(layer.name[2]).toBe('');
    expect([...layer.county]).toEqual([5, 5, 5, -1]);
    expect([...layer.lon]).toEqual([106.75, 106.76, NAN, NAN]);
  });

  test('a status column the file lacks is unknown throughout', () => {
    const { status } = villageLayerFromDataset(
      dataset('villages', 2, { villageCode: ['520122100201', '520122100202'] }),
    );
    expect([...status.fiber, ...status.fiveG]).toEqual([-1, -1, -1, -1]);
  });
});

describe('relocation sites and scenic areas', () => {
  test('relocation sites: reported status with its year, approximate positions, residents', () => {
    const layer = layerFromDataset(
      'relocationSites',
      dataset('relocationSites', 4, {
        name: ['碧海社区', '', '安置点3', '安置点4'],
        relocatedPopulation: Float64Array.of(12_000, NAN, 800, 0),
        covered: Uint8Array.of(1, 1, 0, 255),
        coveredYear: Float64Array.of(2021, NAN, 2020, NAN),
        positionApproximate: Uint8Array.of(1, 0, 255, 1),
      }),
      [],
    );
    expect([...layer.reported]).toEqual([2021, STATUS_YES_UNDATED, STATUS_NO, STATUS_UNKNOWN]);
    expect([...layer.approximate]).toEqual([1, 0, 0, 1]);
    expect([...layer.population]).toEqual([12_000, NAN, 800, 0]);
    expect(layer.level).toEqual(['', '', '', '']);
  });

  test('scenic areas: the grade as text, no residents', () => {
    const layer = layerFromDataset(
      'scenicAreas',
      dataset(
        'scenicAreas',
        3,
        {
          name: ['黄果树', '青岩古镇', '某景区'],
          level: Uint32Array.of(0, 1, 2),
          covered: Uint8Array.of(1, 255, 0),
        },
        { level: ['5A', '4A', ''] },
      ),
      [],
    );
    expect(layer.level).toEqual(['5A', '4A', '']);
    expect([...layer.population]).toEqual([NAN, NAN, NAN]);
    expect([...layer.reported]).toEqual([STATUS_YES_UNDATED, STATUS_UNKNOWN, STATUS_NO]);
    expect([...layer.approximate]).toEqual([0, 0, 0]);
  });
});

describe('which layer a dataset feeds', () => {
  test('every station file feeds the station layer; plain points feed none', () => {
    expect(
      ['stations5g', 'stations4g', 'stations', 'villages', 'relocationSites', 'scenicAreas', 'points'].map(
        mapLayerOfDataset,
      ),
    ).toEqual(['stations', 'stations', 'stations', 'villages', 'relocationSites', 'scenicAreas', null]);
  });

  test('a dataset is refused for a layer it does not feed', () => {
    expect(() => layerFromDataset('villages', dataset('stations5g', 1, {}), [])).toThrow(
      /stations5g, not villages/,
    );
    expect(() => layerFromDataset('scenicAreas', dataset('relocationSites', 1, {}), [])).toThrow(RangeError);
    expect(layerFromDataset('scenicAreas', dataset('scenicAreas', 1, {}), []).name).toEqual(['']);
  });
});

test("the browser test's station file, imported as the app does, counts its 5G stations in 息烽县", () => {
  const table = parseCsv(
    readFileSync('test/fixtures/e2e/stations-two-counties.csv', 'utf8'),
    'stations-two-counties.csv',
  );
  const layerName = guessDatasetKind(table.header);
  const { accepted, rejected } = validateRows(
    table,
    guessMapping(table.header, layerName),
    layerName,
    importContext(),
  );
  expect([layerName, rejected]).toEqual(['stations', []]);
  const layers = {
    stations: layerFromDataset(
      'stations',
      toStoredDataset(accepted, { name: 'stations', sourceFile: 'stations.csv', datum: 'wgs84' }),
      [],
    ),
  };
  const areas = JSON.parse(readFileSync('geodata/areas.json', 'utf8')) as AreaIndex;
  const { adcodes, figures } = computeAreaFigures(areas, {
    layers,
    modelled: {},
    asOfYear: 2025,
    stationMask: stationFilterMask(layers.stations, NO_STATION_FILTER, 2025),
  });
  const row = (adcode: string) => adcodes.indexOf(adcode);
  expect([figures.stations5g[row('520122')], figures.stations4g[row('520122')]]).toEqual([8, 4]);
  expect([figures.stations5g[row('520102')], figures.stations4g[row('520102')]]).toEqual([5, 3]);
});
