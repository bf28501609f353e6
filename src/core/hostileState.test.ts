// Untrusted state (a link, a slides file, stored settings) never crashes the app and never yields a
// value outside its type: hostile keys (__proto__, constructor, toString) and random junk map to
// defaults. The browser test (test/e2e/hostile.e2e.ts) checks the app starts after such a link.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkBasemapTemplate } from './basemap';
import { isLocale } from './format';
import { parseStoredSettings, THEMES } from './settings';
import { parseSlidesFile, SLIDES_FILE_FORMAT, SLIDES_FILE_VERSION } from './slidesFile';
import { decodeView, type ViewState } from './viewState';
import { METRIC_IDS } from './metrics';
import { DEFAULT_LAYER_SETTINGS } from './layerSettings';

const OPTIONS = { years: [2020, 2025] } as const;
const HOSTILE = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  '%00',
  '[object Object]',
];

const defaults = (): ViewState => ({
  camera: null,
  selectedAdcode: null,
  asOfYear: 2025,
  layers: structuredClone(DEFAULT_LAYER_SETTINGS),
  sources: {},
  locale: 'zh-CN',
});

test.each(HOSTILE)('a link with l=%s keeps the default language', (value) => {
  const view = decodeView(`v=1&l=${encodeURIComponent(value)}`, defaults(), OPTIONS);
  expect(view?.locale).toBe('zh-CN');
});

test('any query decodes to null or a view whose every field has its type', () => {
  const keys = fc.constantFrom(
    'v',
    'l',
    'm',
    'lv',
    'cm',
    'k',
    'br',
    'vc',
    'rb',
    'op',
    'bd',
    'fy',
    'cf',
    'y',
    'c',
    'z',
    'sel',
    'on',
    'st',
    'vl',
    'rl',
    'sc',
    '__proto__',
  );
  const values = fc.oneof(
    fc.constantFrom(...HOSTILE, '1', 'en', 'zh'),
    fc.string(),
    fc.string({ unit: 'binary' }),
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(keys, values), { maxLength: 20 }), (pairs) => {
      const params = new URLSearchParams([['v', '1'], ...pairs]);
      const view = decodeView(params, defaults(), OPTIONS);
      if (view === null) return;
      expect(isLocale(view.locale)).toBe(true);
      expect(METRIC_IDS).toContain(view.layers.metric);
      expect(Number.isInteger(view.asOfYear)).toBe(true);
      expect(Array.isArray(view.layers.filter.operators)).toBe(true);
      expect(Object.getPrototypeOf(view.sources)).toBe(Object.prototype);
    }),
    { numRuns: 500 },
  );
});

test('a slides file whose slide carries a hostile language is read, and its view decodes to the default language', () => {
  const file = JSON.stringify({
    format: SLIDES_FILE_FORMAT,
    version: SLIDES_FILE_VERSION,
    slides: [{ id: 'a', name: 'x', caption: '', view: 'v=1&l=__proto__', createdAt: '2026-01-01T00:00:00Z' }],
  });
  const parsed = parseSlidesFile(file);
  if (!('slides' in parsed)) throw new Error(`refused: ${JSON.stringify(parsed.problem)}`);
  expect(parsed.slides).toHaveLength(1);
  expect(decodeView(parsed.slides[0].view, defaults(), OPTIONS)?.locale).toBe('zh-CN');
});

test('stored settings: hostile and wrong values are dropped and named, valid ones kept', () => {
  const { settings, dropped } = parseStoredSettings(
    JSON.stringify({
      locale: {},
      theme: 'highContrast',
      basemapUrlTemplate: 'javascript:alert(1)',
      sampleWanted: 'yes',
    }),
  );
  expect(settings).toEqual({ theme: 'highContrast' });
  expect(dropped.sort()).toEqual(['basemapUrlTemplate', 'locale', 'sampleWanted']);
  expect(parseStoredSettings('{"__proto__": {"locale": "en"}}').settings).toEqual({});
  expect(parseStoredSettings('not json').dropped).toEqual(['*']);
  expect(parseStoredSettings('[1,2]').dropped).toEqual(['*']);
  expect(parseStoredSettings(null)).toEqual({ settings: {}, dropped: [] });
});

test('stored settings: any JSON yields only valid values', () => {
  fc.assert(
    fc.property(
      fc.jsonValue(),
      fc.dictionary(
        fc.constantFrom('locale', 'theme', 'basemapUrlTemplate', 'sampleWanted', '__proto__'),
        fc.jsonValue(),
      ),
      (value, object) => {
        for (const text of [JSON.stringify(value), JSON.stringify(object)]) {
          const { settings } = parseStoredSettings(text);
          if ('locale' in settings) expect(isLocale(settings.locale)).toBe(true);
          if ('theme' in settings) expect(THEMES).toContain(settings.theme);
          if ('sampleWanted' in settings) expect(typeof settings.sampleWanted).toBe('boolean');
          if ('basemapUrlTemplate' in settings) expect(typeof settings.basemapUrlTemplate).toBe('string');
        }
      },
    ),
    { numRuns: 500 },
  );
});

test('a basemap template with a user name or password is refused', () => {
  expect(checkBasemapTemplate('https://user:secret@tiles.example/{z}/{x}/{y}.png')).toEqual({
    ok: false,
    reason: 'credentials',
  });
  expect(checkBasemapTemplate('https://tiles.example/{z}/{x}/{y}.png')).toEqual({ ok: true });
});
