import { expect, test } from 'vitest';
import { decodeView, encodeView, type ViewState } from './viewState';

const OPTIONS = { years: [2020, 2025] } as const;

/** The app's defaults as the URL state passes them (layer store's initial settings, 2025, Chinese). */
const defaults = (): ViewState => ({
  camera: null,
  selectedAdcode: null,
  asOfYear: 2025,
  layers: {
    stationsVisible: true,
    discsVisible: false,
    fourGVisible: false,
    villagesVisible: false,
    villageColouring: 'fiveG',
    relocationVisible: true,
    relocationBasis: 'reported',
    scenicVisible: true,
    choroplethVisible: true,
    choroplethLevel: 'county',
    metric: 'stations.per10k',
    method: 'target',
    classCount: 5,
    manualBreaks: [10, 20, 33, 50],
    filter: { operators: [], bands: [], fromYear: 0 },
    compareFromYear: null,
  },
  sources: {},
  locale: 'zh-CN',
});

const everythingSet = (): ViewState => ({
  camera: { lon: 106.733857, lat: 27.096099, zoom: 9.2345 },
  selectedAdcode: '520122',
  asOfYear: 2022,
  layers: {
    stationsVisible: false,
    discsVisible: true,
    fourGVisible: true,
    villagesVisible: true,
    villageColouring: 'gigabit',
    relocationVisible: false,
    relocationBasis: 'modelled',
    scenicVisible: false,
    choroplethVisible: true,
    choroplethLevel: 'prefecture',
    metric: 'villages.fiveG',
    method: 'manual',
    classCount: 7,
    manualBreaks: [5, 12.5, 40],
    filter: { operators: ['中国移动', '中国广电'], bands: ['n78'], fromYear: 2021 },
    compareFromYear: 2020,
  },
  sources: {
    stations: { datasetId: '3f1c2d4e-aaaa-bbbb-cccc-123456789abc', name: '基站 2024Q4 & 新建, 含共享' },
    villages: 'sample',
    relocationSites: 'none',
  },
  locale: 'en',
});

test('a view survives the round trip through the URL, camera to 5 and 2 decimals', () => {
  const view = everythingSet();
  const decoded = decodeView(encodeView(view), defaults(), OPTIONS);
  expect(decoded).toEqual({ ...view, camera: { lon: 106.73386, lat: 27.0961, zoom: 9.23 } });
});

test('the default view round-trips too, and leaves out what is empty', () => {
  const query = encodeView(defaults());
  expect(query).not.toMatch(/(^|&)(sel|cf|op|bd|fy|br|c|z)=/);
  expect(query).toMatch(/^v=1&/);
  expect(decodeView(query, defaults(), OPTIONS)).toEqual(defaults());
});

test('the URL carries settings only: dataset ids and names, never coordinates of stations', () => {
  const query = encodeView(everythingSet());
  const keys = [...new URLSearchParams(query).keys()];
  expect(keys).toEqual([
    'v',
    'c',
    'z',
    'sel',
    'y',
    'l',
    'm',
    'lv',
    'cm',
    'k',
    'br',
    'on',
    'vc',
    'rb',
    'op',
    'bd',
    'fy',
    'cf',
    'st',
    'stn',
    'vi',
    'rs',
  ]);
  expect(new URLSearchParams(query).get('stn')).toBe('基站 2024Q4 & 新建, 含共享');
});

test('a query without v=1 is not a view', () => {
  expect(decodeView('', defaults(), OPTIONS)).toBeNull();
  expect(decodeView('m=villages.fiveG&y=2022', defaults(), OPTIONS)).toBeNull();
  expect(decodeView('v=2&m=villages.fiveG', defaults(), OPTIONS)).toBeNull();
});

test('unknown keys and invalid values are ignored and the defaults kept', () => {
  const bad = [
    'v=1',
    'c=999,27',
    'z=zoom',
    'sel=110101',
    'y=2031',
    'l=fr',
    'm=stations.perMoon',
    'lv=village',
    'cm=magic',
    'k=1',
    'br=30,20,10',
    'vc=6g',
    'rb=guessed',
    'fy=abc',
    'cf=1999',
    'st=ds:',
    'vi=ds:../../etc',
    'rs=everything',
    'zz=1',
  ].join('&');
  expect(decodeView(bad, defaults(), OPTIONS)).toEqual(defaults());
});

test('odd inputs never throw: empty values, repeated keys, stray encodings', () => {
  for (const query of [
    'v=1&c=&z=',
    'v=1&c=1,2,3&z=5',
    'v=1&y=2022&y=2023',
    'v=1&br=,',
    'v=1&op=,,,',
    'v=1&%E4=%ZZ',
    'v=1&on=xyz',
    '?v=1',
  ]) {
    expect(() => decodeView(query, defaults(), OPTIONS), query).not.toThrow();
  }
  expect(decodeView('v=1&y=2022&y=2023', defaults(), OPTIONS)?.asOfYear).toBe(2022);
  expect(decodeView('v=1&c=1,2,3&z=5', defaults(), OPTIONS)?.camera).toEqual({ lon: 1, lat: 2, zoom: 5 });
});

test('on= lists the switches that are on; an empty on= turns every layer off; letters it does not know are ignored', () => {
  const off = decodeView('v=1&on=', defaults(), OPTIONS)!.layers;
  expect([off.stationsVisible, off.relocationVisible, off.scenicVisible, off.choroplethVisible]).toEqual([
    false,
    false,
    false,
    false,
  ]);
  const some = decodeView('v=1&on=vq4', defaults(), OPTIONS)!.layers;
  expect([some.villagesVisible, some.fourGVisible, some.stationsVisible]).toEqual([true, true, false]);
});

test('sources the URL leaves out keep the defaults given', () => {
  const base = { ...defaults(), sources: { villages: 'none' as const } };
  expect(decodeView('v=1&st=sample', base, OPTIONS)!.sources).toEqual({
    villages: 'none',
    stations: 'sample',
  });
  expect(decodeView('v=1&sc=ds:abc-1', base, OPTIONS)!.sources.scenicAreas).toEqual({
    datasetId: 'abc-1',
    name: '',
  });
});

test('decoding does not share arrays with the defaults', () => {
  const base = defaults();
  const decoded = decodeView('v=1', base, OPTIONS)!;
  decoded.layers.manualBreaks.push(99);
  decoded.layers.filter.operators.push('x');
  expect(base.layers.manualBreaks).toEqual([10, 20, 33, 50]);
  expect(base.layers.filter.operators).toEqual([]);
});
