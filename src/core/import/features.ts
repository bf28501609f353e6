// GeoJSON and KML files to rows: one row per feature with `lon` and `lat` columns first, then its
// properties. KML is read through @tmcw/togeojson with an XML parser passed in (the worker's
// DOMParser, @xmldom/xmldom in Node), so core never touches a DOM global itself.
//
// Rules:
// - A point (or a multipoint of exactly one point) gives lon/lat; any other geometry keeps its row
//   with empty coordinates and a 'not-a-point' problem: polygons are not silently turned into
//   centroids, which would put a scenic area's dot anywhere in a large polygon. A feature without
//   a geometry gets 'no-geometry', a point whose coordinates are not numbers 'invalid-point'.
// - A number too large for a double (1e309) keeps the text it was written as, so validation can
//   say "longitude 1e309 is out of range" instead of "longitude is missing".
// - Row numbers are feature positions, 1-based.
// - KML columns are the Placemark's name and description plus its ExtendedData fields (Data and
//   SimpleData, as QGIS and Google Earth write them); style properties are not data.
// - Rows and columns are counted against limits.ts before any row is built; malformed JSON and XML
//   are reported with their line and column when known, in our words (XmlSyntaxError).
import { kml } from '@tmcw/togeojson';
import type { Feature, Geometry } from 'geojson';
import { cellText, type FileFormat, type ImportedTable } from './importedTable';
import { MAX_COLUMNS, refuseLong, refuseWide } from './limits';
import { fail, type Problem } from './problems';

/** Parses XML text into a DOM document (DOMParser in a browser or worker, @xmldom/xmldom in Node). */
export type XmlParser = (text: string) => Document;

export type XmlProblem = 'mismatched-tag' | 'unclosed-attribute' | 'unknown-entity' | 'no-root' | 'syntax';

/** Malformed XML, as an XmlParser reports it: what is wrong, where, and the names involved. */
export class XmlSyntaxError extends Error {
  constructor(
    readonly problem: XmlProblem,
    readonly where: { line?: number; column?: number } = {},
    readonly names: Record<string, string> = {},
  ) {
    super(`malformed XML: ${problem}${where.line === undefined ? '' : ` at line ${where.line}`}`);
    this.name = 'XmlSyntaxError';
  }
}

type LooseFeature = { geometry?: Geometry | null; properties?: Record<string, unknown> | null };

/** A JSON number beyond a double's range (1e309), kept as written. */
class HugeNumber {
  constructor(readonly source: string) {}
}

const valueText = (value: unknown, dateZone: 'utc' | 'local') =>
  value instanceof HugeNumber ? value.source : cellText(value, dateZone);
const isCoordinate = (value: unknown) =>
  (typeof value === 'number' && Number.isFinite(value)) || value instanceof HugeNumber;
const clipName = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);

function pointOf(geometry: Geometry | null | undefined): number[] | null {
  if (geometry?.type === 'Point') return geometry.coordinates;
  if (geometry?.type === 'MultiPoint' && geometry.coordinates.length === 1) return geometry.coordinates[0];
  if (geometry?.type === 'GeometryCollection' && geometry.geometries.length === 1)
    return pointOf(geometry.geometries[0]);
  return null;
}

export function featuresToTable(
  features: LooseFeature[],
  propertyNames: string[],
  format: FileFormat,
  dateZone: 'utc' | 'local' = 'utc',
): ImportedTable {
  const names = propertyNames.filter((p) => p !== 'lon' && p !== 'lat');
  const header = ['lon', 'lat', ...names];
  const rows: string[][] = new Array(features.length);
  const rowNumbers: number[] = new Array(features.length);
  const rowProblems: Problem[] = [];
  features.forEach((feature, i) => {
    const geometry = feature?.geometry;
    const point = pointOf(geometry);
    const properties = feature?.properties ?? {};
    const valid = point !== null && isCoordinate(point[0]) && isCoordinate(point[1]);
    rows[i] = [
      valid ? valueText(point[0], 'utc') : '',
      valid ? valueText(point[1], 'utc') : '',
      ...names.map((name) => valueText(properties[name], dateZone)),
    ];
    rowNumbers[i] = i + 1;
    if (valid) return;
    const where = { row: i + 1, column: 'geometry' };
    if (!geometry || typeof geometry !== 'object')
      rowProblems.push({ code: 'no-geometry', ...where, params: { feature: i + 1 } });
    else if (point !== null) rowProblems.push({ code: 'invalid-point', ...where, params: {} });
    else
      rowProblems.push({
        code: 'not-a-point',
        ...where,
        params: { geometryType: clipName(String(geometry.type)) },
      });
  });
  return { header, rows, rowNumbers, format, rowProblems };
}

/** JSON.parse's complaint as a line and column, when it names a position. */
function jsonErrorParams(text: string, message: string): Record<string, string | number> {
  if (/unexpected end/i.test(message)) return { problem: 'truncated' };
  const position = /position (\d+)/.exec(message);
  if (!position) return { problem: 'syntax' };
  const at = Math.min(Number(position[1]), text.length);
  let line = 1,
    lineStart = 0;
  for (let i = 0; i < at; i++)
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  return { problem: 'syntax', line, column: at - lineStart + 1 };
}

/** JSON.parse, with numbers beyond a double's range kept as written (HugeNumber) where the platform says how they were written. */
function parseJson(text: string): unknown {
  // Only a long exponent or a very long run of digits can overflow: the common case pays nothing.
  if (!/\d[eE]\+?\d{3}|\d{309}/.test(text)) return JSON.parse(text);
  return JSON.parse(text, (_key, value, context?: { source?: string }) =>
    typeof value === 'number' && !Number.isFinite(value)
      ? new HugeNumber(context?.source ?? String(value))
      : value,
  );
}

export function readGeoJson(text: string, file: string): ImportedTable {
  let data: unknown;
  try {
    data = parseJson(text);
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    fail(file, 'invalid-json', jsonErrorParams(text, message), message);
  }
  const object = data as { type?: unknown; features?: unknown };
  let features: LooseFeature[];
  if (object?.type === 'FeatureCollection' && Array.isArray(object.features))
    features = object.features as LooseFeature[];
  else if (object?.type === 'Feature') features = [object as LooseFeature];
  else fail(file, 'not-geojson');
  refuseLong(file, features.length);
  const propertyNames = new Set<string>();
  for (const feature of features) {
    const properties = feature?.properties;
    if (properties && typeof properties === 'object')
      for (const key of Object.keys(properties)) propertyNames.add(key);
    // lon and lat come first: two columns more than the properties.
    if (propertyNames.size + 2 > MAX_COLUMNS) break;
  }
  refuseWide(file, propertyNames.size + 2);
  return featuresToTable(features, [...propertyNames], 'geojson');
}

/** The DOM parser of the platform, when there is one (browsers and workers). */
export function platformXmlParser(): XmlParser | undefined {
  const Parser = (
    globalThis as { DOMParser?: new () => { parseFromString(text: string, type: string): Document } }
  ).DOMParser;
  return Parser ? (text) => new Parser().parseFromString(text, 'text/xml') : undefined;
}

/** The line and column in a browser's <parsererror> text ("error on line 3 at column 14: …"). */
function parserErrorWhere(text: string): Record<string, number> {
  const match = /line (\d+) at column (\d+)/.exec(text);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : {};
}

export function readKml(text: string, file: string, parseXml: XmlParser | undefined): ImportedTable {
  if (!parseXml) return fail(file, 'invalid-kml', { problem: 'no-parser' });
  let document: Document;
  try {
    document = parseXml(text);
  } catch (e) {
    if (e instanceof XmlSyntaxError)
      fail(file, 'invalid-kml', { problem: e.problem, ...e.where, ...mapValues(e.names, clipName) });
    return fail(file, 'invalid-kml', { problem: 'syntax' }, (e as Error)?.message);
  }
  // Browsers report malformed XML as a <parsererror> element instead of throwing.
  const error = document?.getElementsByTagName('parsererror')[0];
  if (error) {
    const detail = error.textContent ?? '';
    fail(file, 'invalid-kml', { problem: 'syntax', ...parserErrorWhere(detail) }, detail.split('\n')[0]);
  }
  if (!document?.documentElement) fail(file, 'invalid-kml', { problem: 'no-root' });
  const placemarks = document.getElementsByTagName('Placemark').length;
  if (placemarks === 0) fail(file, 'no-rows');
  refuseLong(file, placemarks);
  const extended = new Set<string>();
  for (const tag of ['SimpleData', 'Data']) {
    const elements = document.getElementsByTagName(tag);
    for (let i = 0; i < elements.length && extended.size <= MAX_COLUMNS; i++) {
      const name = elements[i].getAttribute('name');
      if (name) extended.add(name);
    }
  }
  const standard =
    document.getElementsByTagName('description').length > 0 ? ['name', 'description'] : ['name'];
  const names = [...standard, ...[...extended].filter((n) => !standard.includes(n))];
  refuseWide(file, names.length + 2);
  const features = kml(document).features as Array<Feature<Geometry | null>>;
  return featuresToTable(features, names, 'kml');
}

const mapValues = (record: Record<string, string>, f: (value: string) => string) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
