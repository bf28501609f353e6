// The administrative areas the app draws and summarises: Guizhou's 9 prefectures and 88 counties,
// as read from geodata/*.geojson. Pure data shaping, no DOM, so the worker and CLI share it.
import type { FeatureCollection, MultiPolygon, Position } from 'geojson';

export type PopulationSource = 'census';
export type Bounds = [west: number, south: number, east: number, north: number];

export interface CountyProperties {
  adcode: string;
  name: string;
  prefectureAdcode: string;
  prefectureName: string;
  population2020: number;
  populationSource: PopulationSource;
  areaKm2: number;
  seat: [number, number];
}
export interface PrefectureProperties {
  adcode: string;
  name: string;
  population2020: number;
  countyCount: number;
  labelPoint: [number, number];
  areaKm2: number;
}

export interface NeighbourProperties {
  adcode: string;
  name: string;
  labelPoint: [number, number];
}

export type CountyCollection = FeatureCollection<MultiPolygon, CountyProperties>;
export type PrefectureCollection = FeatureCollection<MultiPolygon, PrefectureProperties>;
export type NeighbourCollection = FeatureCollection<MultiPolygon, NeighbourProperties>;

/**
 * geodata/areas.json: every area's properties and bounds without geometry (~30 kB), so the page
 * never parses the boundary files; MapLibre's worker fetches those itself.
 */
export interface AreaIndex {
  counties: Array<CountyProperties & { bounds: Bounds }>;
  prefectures: Array<PrefectureProperties & { bounds: Bounds }>;
  neighbours: NeighbourProperties[];
}

/** What the side panel and lists need of one area: small, serialisable, no geometry. */
export interface AreaRecord {
  level: 'county' | 'prefecture';
  adcode: string;
  name: string;
  prefectureAdcode: string;
  prefectureName: string;
  population2020: number;
  areaKm2: number;
  densityPerKm2: number;
  bounds: Bounds;
  countyAdcodes: string[];
}

export function boundsOf(polygons: Position[][][]): Bounds {
  let west = Infinity,
    south = Infinity,
    east = -Infinity,
    north = -Infinity;
  for (const polygon of polygons)
    for (const [lon, lat] of polygon[0]) {
      if (lon < west) west = lon;
      if (lon > east) east = lon;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
    }
  return [west, south, east, north];
}

export function buildAreaIndex(
  counties: CountyCollection,
  prefectures: PrefectureCollection,
  neighbours: NeighbourCollection,
): AreaIndex {
  return {
    counties: counties.features.map((f) => ({ ...f.properties, bounds: boundsOf(f.geometry.coordinates) })),
    prefectures: prefectures.features.map((f) => ({
      ...f.properties,
      bounds: boundsOf(f.geometry.coordinates),
    })),
    neighbours: neighbours.features.map((f) => f.properties),
  };
}

export function buildAreaRecords({ counties, prefectures }: AreaIndex): Map<string, AreaRecord> {
  const records = new Map<string, AreaRecord>();
  for (const p of counties) {
    records.set(p.adcode, {
      level: 'county',
      adcode: p.adcode,
      name: p.name,
      prefectureAdcode: p.prefectureAdcode,
      prefectureName: p.prefectureName,
      population2020: p.population2020,
      areaKm2: p.areaKm2,
      densityPerKm2: p.population2020 / p.areaKm2,
      bounds: p.bounds,
      countyAdcodes: [p.adcode],
    });
  }
  for (const p of prefectures) {
    records.set(p.adcode, {
      level: 'prefecture',
      adcode: p.adcode,
      name: p.name,
      prefectureAdcode: p.adcode,
      prefectureName: p.name,
      population2020: p.population2020,
      areaKm2: p.areaKm2,
      densityPerKm2: p.population2020 / p.areaKm2,
      bounds: p.bounds,
      countyAdcodes: counties.filter((c) => c.prefectureAdcode === p.adcode).map((c) => c.adcode),
    });
  }
  return records;
}

/** The area index and where the map fetches the boundary files from. */
export interface BaseGeodata {
  areas: AreaIndex;
  /** Absolute URLs of the boundary GeoJSON files on the app's origin. */
  boundaryUrls: { counties: string; prefectures: string; province: string; neighbours: string };
}

/** The counties in the county index's order (ascending adcode, core/assign/countyIndex): index → county. */
export function countiesInIndexOrder(areas: Iterable<AreaRecord>): AreaRecord[] {
  return [...areas]
    .filter((area) => area.level === 'county')
    .sort((a, b) => (a.adcode < b.adcode ? -1 : a.adcode > b.adcode ? 1 : 0));
}
