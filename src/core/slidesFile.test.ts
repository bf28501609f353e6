import { expect, test } from 'vitest';
import type { Bounds } from './areas';
import { fitCamera } from './cameraFit';
import {
  LEGACY_SCREEN,
  legacyBounds,
  parseSlidesFile,
  slidesToJson,
  withBounds,
  type SlideRecord,
} from './slidesFile';

const XIFENG: Bounds = [106.52, 26.95, 106.95, 27.33];

const slide = (id: string, name: string): SlideRecord => ({
  id,
  name,
  caption: `${name}：2025 年底 5G 覆盖`,
  view: 'v=1&c=106.7,27.1&z=8&m=stations.per10k',
  createdAt: '2025-03-01T08:00:00.000Z',
  bounds: XIFENG,
});

/** A slide as files and browsers held it before slides kept their bounds. */
const oldSlide = (id: string, view: string) => ({
  id,
  name: id,
  caption: '',
  view,
  createdAt: '2024-11-01T08:00:00.000Z',
});
const oldFile = (slides: unknown[]) =>
  JSON.stringify({ format: 'guizhou-coverage-atlas/slides', version: 1, slides });

test('an exported file reads back as the same slides, in order', () => {
  const slides = [slide('a-1', '息烽县'), slide('b-2', '<b>全省</b> "概况"')];
  const text = slidesToJson(slides, '2025-03-02T00:00:00.000Z');
  expect(JSON.parse(text).format).toBe('guizhou-coverage-atlas/slides');
  expect(parseSlidesFile(text)).toEqual({ slides });
  expect(parseSlidesFile('\uFEFF' + text)).toEqual({ slides });
});

test('extra fields of a slide are dropped, not kept', () => {
  const text = JSON.stringify({
    format: 'guizhou-coverage-atlas/slides',
    version: 1,
    slides: [{ ...slide('a', 'A'), position: 3, stations: [[106, 27]] }],
  });
  expect(parseSlidesFile(text)).toEqual({ slides: [slide('a', 'A')] });
});

test('a slide without bounds (an older file) gets the box its centre and zoom showed on the reference screen', () => {
  const parsed = parseSlidesFile(oldFile([oldSlide('old', 'v=1&c=106.7,27.1&z=8&m=stations.per10k')]));
  if (!('slides' in parsed)) throw new Error(JSON.stringify(parsed.problem));
  const [west, south, east, north] = parsed.slides[0].bounds!;
  // Zoom 8: 131,072 px round the world, so 1,108 px beside the side panel span 3.04° of longitude,
  // and the centre sits 332 / 2 px left of the box's middle.
  expect(east - west).toBeCloseTo((1108 / 131072) * 360, 3);
  expect((west + east) / 2).toBeCloseTo(106.7 + (166 / 131072) * 360, 3);
  expect(south).toBeLessThan(27.1);
  expect(north).toBeGreaterThan(27.1);
  // Fitted to the reference screen again, the box gives back the slide's camera.
  const camera = fitCamera(parsed.slides[0].bounds!, LEGACY_SCREEN);
  expect(camera.lon).toBeCloseTo(106.7, 5);
  expect(camera.lat).toBeCloseTo(27.1, 5);
  expect(camera.zoom).toBeCloseTo(8, 5);
});

test('a slide whose view has no camera has no bounds: it leaves the map where it is', () => {
  expect(legacyBounds('v=1&m=stations.per10k')).toBeNull();
  expect(legacyBounds('v=1&c=106.7,27.1')).toBeNull();
  expect(legacyBounds('v=1&c=500,27.1&z=8')).toBeNull();
  expect(withBounds(oldSlide('a', 'v=1&y=2024')).bounds).toBeNull();
});

test('bounds a slide has are kept as they are; bounds that are no box are derived again', () => {
  expect(withBounds({ ...oldSlide('a', 'v=1&c=106.7,27.1&z=8'), bounds: XIFENG }).bounds).toEqual(XIFENG);
  expect(withBounds({ ...oldSlide('a', 'v=1&c=106.7,27.1&z=8'), bounds: [1, 2] }).bounds).toEqual(
    legacyBounds('v=1&c=106.7,27.1&z=8'),
  );
});

test('bounds survive the file both ways; null bounds in a file are derived from the view', () => {
  const text = slidesToJson(
    [slide('a', 'A'), { ...slide('b', 'B'), bounds: null }],
    '2025-03-02T00:00:00.000Z',
  );
  expect(JSON.parse(text).slides[0].bounds).toEqual(XIFENG);
  const parsed = parseSlidesFile(text);
  if (!('slides' in parsed)) throw new Error(JSON.stringify(parsed.problem));
  expect(parsed.slides[0].bounds).toEqual(XIFENG);
  expect(parsed.slides[1].bounds).toEqual(legacyBounds(slide('b', 'B').view));
});

test('a file that is not JSON, or not a slides file, is refused whole', () => {
  expect(parseSlidesFile('{"format": ')).toEqual({ problem: { code: 'not-json' } });
  expect(parseSlidesFile('[]')).toEqual({ problem: { code: 'wrong-format' } });
  expect(
    parseSlidesFile(JSON.stringify({ format: 'guizhou-coverage-atlas/slides', version: 2, slides: [] })),
  ).toEqual({ problem: { code: 'wrong-format' } });
  expect(parseSlidesFile(JSON.stringify({ type: 'FeatureCollection', features: [] }))).toEqual({
    problem: { code: 'wrong-format' },
  });
});

test('the first bad slide is named by number and field', () => {
  const file = (slides: unknown[]) =>
    JSON.stringify({ format: 'guizhou-coverage-atlas/slides', version: 1, slides });
  const good = slide('a', 'A');
  const cases: Array<[unknown, string]> = [
    ['text', 'slide'],
    [{ ...good, id: 'a/../b' }, 'id'],
    [{ ...good, id: 'a' }, 'id'],
    [{ ...good, id: 'b', name: ' ' }, 'name'],
    [{ ...good, id: 'c', caption: 7 }, 'caption'],
    [{ ...good, id: 'd', view: 'm=stations.count' }, 'view'],
    [{ ...good, id: 'e', createdAt: 'yesterday' }, 'createdAt'],
    [{ ...good, id: 'f', bounds: [107, 27, 106, 28] }, 'bounds'],
    [{ ...good, id: 'g', bounds: 'all of it' }, 'bounds'],
    [{ ...good, id: 'h', bounds: [106, 27, 107, null] }, 'bounds'],
  ];
  for (const [bad, field] of cases) {
    expect(parseSlidesFile(file([good, bad])), field).toEqual({
      problem: { code: 'bad-slide', slide: 2, field },
    });
  }
});
