import { expect, test } from 'vitest';
import type { AreaIndex } from '../core/areas';
import { bandClassCode } from '../core/coverage/radius';
import { STATUS_NO, STATUS_UNKNOWN } from '../core/layers/encoding';
import type { PlaceLayer } from '../core/layers/places';
import type { LayerSet } from '../core/layers/registry';
import type { StationLayer } from '../core/layers/stationColumns';
import { NO_STATION_FILTER, type StationFilter } from '../core/layers/stationFilter';
import { LayerView, type ViewRequest } from './layerView';

// Two counties of one prefecture, each seat a county town.
const areas = {
  counties: [
    { adcode: '520101', name: '甲县', prefectureAdcode: '520100', seat: [106, 26] },
    { adcode: '520102', name: '乙县', prefectureAdcode: '520100', seat: [107, 26] },
  ],
  prefectures: [{ adcode: '520100', name: '丙市' }],
  neighbours: [],
} as unknown as AreaIndex;
const source = { kind: 'sample', name: 'test' } as const;

// 移动 stations from 2019 on near the first site, a 电信 one of 2023 right at the second.
function layers(): LayerSet {
  const fiveG = bandClassCode('5G-mid');
  const stations: StationLayer = {
    lon: Float64Array.of(106.01, 106.02, 107.001, 107.2),
    lat: Float64Array.of(26, 26, 26, 26),
    bandClass: Uint8Array.of(fiveG, fiveG, fiveG, bandClassCode('4G-mid')),
    buildYear: Int16Array.of(2019, 2021, 2023, 2018),
    county: Int16Array.of(0, 0, 1, 1),
    technology: Uint8Array.of(0, 0, 0, 1),
    operator: Uint8Array.of(0, 0, 1, 0),
    operators: ['中国移动', '中国电信'],
    band: Uint8Array.of(0, 0, 0, 1),
    bands: ['n78', 'B3'],
    source,
  };
  const relocationSites: PlaceLayer = {
    key: ['一', '二'],
    name: ['一', '二'],
    county: Int16Array.of(0, 1),
    lon: Float64Array.of(106, 107),
    lat: Float64Array.of(26, 26),
    approximate: Uint8Array.of(0, 0),
    reported: Int16Array.of(STATUS_NO, STATUS_UNKNOWN),
    population: Float64Array.of(100, NaN),
    level: ['', ''],
    source,
  };
  return { stations, relocationSites };
}

function loaded(): LayerView {
  const view = new LayerView(areas);
  view.setLayers(layers());
  return view;
}

const ONLY_TELECOM: StationFilter = { ...NO_STATION_FILTER, operators: ['中国电信'] };

test('a view after changes gives the figures and GeoJSON a freshly loaded view gives', () => {
  const view = loaded();
  const requests: ViewRequest[] = [
    { asOfYear: 2025, filter: NO_STATION_FILTER },
    { asOfYear: 2025, filter: ONLY_TELECOM },
    { asOfYear: 2020, filter: ONLY_TELECOM },
    { asOfYear: 2022, filter: NO_STATION_FILTER },
    { asOfYear: 2019, filter: { ...NO_STATION_FILTER, fromYear: 2020 } },
  ];
  for (const request of requests) {
    const result = view.view(request);
    const fresh = loaded().view(request);
    expect(result.figures).toEqual(fresh.figures);
    for (const [name, text] of Object.entries(result.geojson))
      expect(text).toBe(fresh.geojson[name as keyof typeof fresh.geojson]);
  }
});

test('the places are sent again only when their GeoJSON changes: a year, not a station filter', () => {
  const view = loaded();
  expect(Object.keys(view.view({ asOfYear: 2025, filter: NO_STATION_FILTER }).geojson)).toContain(
    'relocationSites',
  );
  const filtered = view.view({ asOfYear: 2025, filter: ONLY_TELECOM });
  expect(Object.keys(filtered.geojson)).toEqual(['stationCells']);
  // By 2020 only the first station is on air: the second site's nearest station is farther away.
  expect(Object.keys(view.view({ asOfYear: 2020, filter: ONLY_TELECOM }).geojson)).toContain(
    'relocationSites',
  );
  // New layers send everything again.
  view.setLayers(layers());
  expect(Object.keys(view.view({ asOfYear: 2020, filter: ONLY_TELECOM }).geojson)).toContain(
    'relocationSites',
  );
});

test('growth counts from the stations passing the filter on air by 2020, whatever the year shown', () => {
  const view = loaded();
  const growthBase = (request: ViewRequest) => {
    const { figures, adcodes } = view.view(request).figures;
    return figures.stations5gAt2020[adcodes.indexOf('520100')];
  };
  expect(growthBase({ asOfYear: 2025, filter: NO_STATION_FILTER })).toBe(1);
  expect(growthBase({ asOfYear: 2019, filter: NO_STATION_FILTER })).toBe(1);
  expect(growthBase({ asOfYear: 2025, filter: ONLY_TELECOM })).toBe(0);
});
