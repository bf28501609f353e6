import { expect, test } from 'vitest';
import { parseSlidesFile, slidesToJson, type SlideRecord } from './slidesFile';

const slide = (id: string, name: string): SlideRecord => ({
  id,
  name,
  caption: `${name}：2025 年底 5G 覆盖`,
  view: 'v=1&c=106.7,27.1&z=8&m=stations.per10k',
  createdAt: '2025-03-01T08:00:00.000Z',
});

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
  ];
  for (const [bad, field] of cases) {
    expect(parseSlidesFile(file([good, bad])), field).toEqual({
      problem: { code: 'bad-slide', slide: 2, field },
    });
  }
});
