// GeoJSON and KML files to rows: one row per feature with `lon` and `lat` columns first, then its
// properties. KML is read through @tmcw/togeojson with an XML parser passed in (the worker's
// DOMParser, @xmldom/xmldom in Node), so core never touches a DOM global itself.
//
// Rules:
// - A point (or a multipoint of exactly one point) gives lon/lat; any other geometry keeps its row
//   with empty coordinates and a 'not-a-point' problem: polygons are not silently turned into
//   centroids, which would put a scenic area's dot anywhere in a large polygon.
// - Row numbers are feature positions, 1-based.
// - KML columns are the Placemark's name and description plus its ExtendedData fields (Data and
//   SimpleData, as QGIS and Google Earth write them); style properties are not data.
import { kml } from '@tmcw/togeojson';
import type { Feature, Geometry } from 'geojson';
import { cellText, type FileFormat, type ImportedTable } from './importedTable';
import { fail, type Problem } from './problems';

/** Parses XML text into a DOM document (DOMParser in a browser or worker, @xmldom/xmldom in Node). */
export type XmlParser = (text: string) => Document;

type LooseFeature = { geometry?: Geometry | null; properties?: Record<string, unknown> | null };

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
    const point = pointOf(feature?.geometry);
    const properties = feature?.properties ?? {};
    const valid = point && typeof point[0] === 'number' && typeof point[1] === 'number';
    rows[i] = [
      valid ? cellText(point[0]) : '',
      valid ? cellText(point[1]) : '',
      ...names.map((name) => cellText(properties[name], dateZone)),
    ];
    rowNumbers[i] = i + 1;
    if (!valid)
      rowProblems.push({
        code: 'not-a-point',
        row: i + 1,
        column: 'geometry',
        params: { geometryType: feature?.geometry?.type ?? 'none' },
      });
  });
  return { header, rows, rowNumbers, format, rowProblems };
}

export function readGeoJson(text: string, file: string): ImportedTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    fail(file, 'invalid-json', { reason: (e as Error).message });
  }
  const object = data as { type?: unknown; features?: unknown };
  let features: LooseFeature[];
  if (object?.type === 'FeatureCollection' && Array.isArray(object.features))
    features = object.features as LooseFeature[];
  else if (object?.type === 'Feature') features = [object as LooseFeature];
  else fail(file, 'not-geojson');
  const propertyNames = new Set<string>();
  for (const feature of features) {
    const properties = feature?.properties;
    if (properties && typeof properties === 'object')
      for (const key of Object.keys(properties)) propertyNames.add(key);
  }
  return featuresToTable(features, [...propertyNames], 'geojson');
}

/** The DOM parser of the platform, when there is one (browsers and workers). */
export function platformXmlParser(): XmlParser | undefined {
  const Parser = (
    globalThis as { DOMParser?: new () => { parseFromString(text: string, type: string): Document } }
  ).DOMParser;
  return Parser ? (text) => new Parser().parseFromString(text, 'text/xml') : undefined;
}

export function readKml(text: string, file: string, parseXml: XmlParser | undefined): ImportedTable {
  if (!parseXml) fail(file, 'invalid-kml', { reason: 'no XML parser on this platform' });
  let document: Document;
  try {
    document = parseXml(text);
  } catch (e) {
    fail(file, 'invalid-kml', { reason: (e as Error).message });
  }
  // Browsers report malformed XML as a <parsererror> element instead of throwing.
  const error = document?.getElementsByTagName('parsererror')[0];
  if (!document?.documentElement || error)
    fail(file, 'invalid-kml', { reason: error?.textContent?.trim().split('\n')[0] ?? 'no document' });
  if (document.getElementsByTagName('Placemark').length === 0) fail(file, 'no-rows');
  const extended = new Set<string>();
  for (const tag of ['SimpleData', 'Data']) {
    const elements = document.getElementsByTagName(tag);
    for (let i = 0; i < elements.length; i++) {
      const name = elements[i].getAttribute('name');
      if (name) extended.add(name);
    }
  }
  const features = kml(document).features as Array<Feature<Geometry | null>>;
  const standard =
    document.getElementsByTagName('description').length > 0 ? ['name', 'description'] : ['name'];
  return featuresToTable(
    features,
    [...standard, ...[...extended].filter((n) => !standard.includes(n))],
    'kml',
  );
}
