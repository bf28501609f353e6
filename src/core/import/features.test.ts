// GeoJSON and KML that are broken or hostile, made here: each becomes a problem in our words with
// its place (feature, line, column), never a parser's internals or a misleading "missing".
import { describe, expect, test } from 'vitest';
import { InputError } from '../io/table';
import { readGeoJson, readKml } from './features';
import { MAX_COLUMNS } from './limits';
import { englishMessage } from './problems';
import { xmldomParser } from './xmlParser';

function failure(read: () => unknown): InputError {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

const point = (coordinates: string) =>
  `{"type":"Feature","geometry":{"type":"Point","coordinates":${coordinates}},"properties":{"name":"站"}}`;
const collection = (...features: string[]) =>
  `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
// Where the platform tells a reviver how a number was written (Chrome 114+, Node 22+), 1e309 keeps its text.
const sourceKnown = (() => {
  let known = false;
  JSON.parse('[1]', (_key, value, context?: { source?: string }) => {
    known ||= context?.source === '1';
    return value;
  });
  return known;
})();

describe('GeoJSON', () => {
  test('a feature without geometry says so, with its position; a point without numbers too', () => {
    const table = readGeoJson(
      collection(
        point('[106.7,26.5]'),
        '{"type":"Feature","geometry":null,"properties":{}}',
        point('["a",1]'),
      ),
      'f.geojson',
    );
    expect(table.rowProblems).toEqual([
      { code: 'no-geometry', row: 2, column: 'geometry', params: { feature: 2 } },
      { code: 'invalid-point', row: 3, column: 'geometry', params: {} },
    ]);
    expect(englishMessage(table.rowProblems[0])).toBe('row 2, column geometry: feature 2 has no geometry');
  });

  test('1e309 keeps its text, so validation can call it out of range rather than missing', () => {
    const table = readGeoJson(collection(point('[1e309,26.5]'), point('[106.7,-1e999]')), 'huge.geojson');
    expect(table.rowProblems).toEqual([]);
    expect(table.rows[0][0]).toBe(sourceKnown ? '1e309' : 'Infinity');
    expect(table.rows[1][1]).toBe(sourceKnown ? '-1e999' : '-Infinity');
    expect(table.rows[0][1]).toBe('26.5');
  });

  test('broken JSON: our words, with the line and column when the parser gives a position', () => {
    const error = failure(() => readGeoJson('{"type":"FeatureCollection",\n"features":[]}\nx', 'b.geojson'));
    expect(error).toMatchObject({ code: 'invalid-json', params: { problem: 'syntax', line: 3, column: 1 } });
    expect(englishMessage({ code: 'invalid-json', params: error.params })).toBe(
      'not valid JSON (line 3, column 1)',
    );
    expect(failure(() => readGeoJson('{"type":', 'c.geojson')).params).toEqual({ problem: 'truncated' });
  });

  test(`more than ${MAX_COLUMNS} property names are refused before any row is built`, () => {
    const properties = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`p${i}`, i]));
    const feature = { type: 'Feature', geometry: null, properties };
    const error = failure(() => readGeoJson(JSON.stringify(feature), 'w.geojson'));
    expect(error).toMatchObject({ code: 'too-many-columns', params: { limit: MAX_COLUMNS } });
  });
});

describe('KML', () => {
  const kml = (body: string) => `<?xml version="1.0"?>\n<kml>\n<Document>\n${body}\n</Document>\n</kml>`;

  test('a mismatched tag names both tags, the line and the column, and nothing of the parser', () => {
    const error = failure(() => readKml(kml('<Placemark><name>x</Placemark>'), 'bad.kml', xmldomParser));
    expect(error.code).toBe('invalid-kml');
    expect(error.params).toMatchObject({
      problem: 'mismatched-tag',
      open: 'name',
      close: 'Placemark',
      line: 4,
    });
    const message = englishMessage({ code: error.code as 'invalid-kml', params: error.params });
    expect(message).toMatch(
      /^not a readable KML document: the element <name> is closed by <\/Placemark> \(line 4, column \d+\)$/,
    );
    expect(message).not.toMatch(/xmldom|fatalError|Opening and ending/);
  });

  test.each([
    ['<Placemark><name a="1>x</name></Placemark>', 'unclosed-attribute'],
    ['<Placemark><name>&bogus;</name></Placemark>', 'unknown-entity'],
  ])('%s → %s', (body, problem) => {
    expect(failure(() => readKml(kml(body), 'bad.kml', xmldomParser)).params.problem).toBe(problem);
  });

  test('no XML at all', () => {
    expect(failure(() => readKml('hello', 'a.kml', xmldomParser)).params).toMatchObject({
      problem: 'no-root',
    });
  });

  test('a Placemark without geometry: "feature N has no geometry", not "none"', () => {
    const table = readKml(
      kml(
        '<Placemark><name>a</name></Placemark><Placemark><name>b</name><Point><coordinates>106.7,26.5</coordinates></Point></Placemark>',
      ),
      'a.kml',
      xmldomParser,
    );
    expect(table.rowProblems).toEqual([
      { code: 'no-geometry', row: 1, column: 'geometry', params: { feature: 1 } },
    ]);
  });
});
