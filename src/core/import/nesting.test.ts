// Nesting depth measured before parsing: deep enough to blow a parser's stack is refused by line.
import { expect, test } from 'vitest';
import { jsonTooDeep, MAX_NESTING, xmlTooDeep } from './nesting';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

test('JSON: a GeoJSON is shallow; 100,000 nested arrays are not', () => {
  const point =
    '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[106.7,26.5]},"properties":{"a":[[1]]}}]}';
  expect(jsonTooDeep(point)).toBeNull();
  expect(jsonTooDeep(nested(MAX_NESTING))).toBeNull();
  expect(jsonTooDeep(nested(MAX_NESTING + 1))).toBe(1);
  expect(jsonTooDeep(`{\n"a":\n${nested(100_000)}}`)).toBe(3);
});

test('JSON: brackets inside strings, escaped quotes included, do not count', () => {
  const text = `{"name": "${'['.repeat(1000)}\\"${'{'.repeat(1000)}"}`;
  expect(jsonTooDeep(text)).toBeNull();
});

test('XML: elements count, self-closing ones, comments, CDATA and declarations do not', () => {
  const kml =
    '<?xml version="1.0"?><!DOCTYPE kml><kml><Document><!-- <a><b> --><Placemark><name><![CDATA[<x><y>]]></name><Point a="<>"/></Placemark></Document></kml>';
  expect(xmlTooDeep(kml)).toBeNull();
  expect(xmlTooDeep('<a>'.repeat(MAX_NESTING) + '</a>'.repeat(MAX_NESTING))).toBeNull();
  expect(xmlTooDeep('<kml>\n' + '<Folder>'.repeat(100_000))).toBe(2);
});
