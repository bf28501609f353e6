// The layers as GeoJSON text for MapLibre, written straight from the columns: MapLibre's own
// worker parses it (given as a blob URL), so the page never holds one object per point.
//
// Property names are one letter to keep 326,000 stations near 30 MB:
//   stations  o operator, b band, t technology (0 5G, 1 4G), y build year, r modelled radius (m)
//   villages  c code, n name, f/g/q/v fiber/gigabit/4G/5G status codes, m/k first modelled 5G/4G year
//   places    n name, a approximate (0/1), r reported status code, m first modelled 5G year,
//             d metres to the nearest 5G station (−1 none), p population (−1 unknown), l level
// Rows without a position are left out (they still count in the figures).
import type { PlaceLayer, StationLayer, VillageLayer } from './types';

const point = (lon: number, lat: number, properties: string) =>
  `{"type":"Feature","geometry":{"type":"Point","coordinates":[${lon.toFixed(5)},${lat.toFixed(5)}]},"properties":{${properties}}}`;

function collection(count: number, feature: (i: number) => string | null): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = feature(i);
    if (text !== null) parts.push(text);
  }
  return `{"type":"FeatureCollection","features":[${parts.join(',')}]}`;
}

const positioned = (lon: number, lat: number) => Number.isFinite(lon) && Number.isFinite(lat);

export function stationFeatures(
  stations: StationLayer,
  radiiMeters: Float32Array,
  includeFourG: boolean,
): string {
  return collection(stations.lon.length, (i) =>
    (includeFourG || stations.technology[i] === 0) && positioned(stations.lon[i], stations.lat[i])
      ? point(
          stations.lon[i],
          stations.lat[i],
          `"o":${stations.operator[i]},"b":${stations.band[i]},"t":${stations.technology[i]},"y":${stations.buildYear[i]},"r":${Math.round(radiiMeters[i])}`,
        )
      : null,
  );
}

export function villageFeatures(
  villages: VillageLayer,
  modelled5g: Int16Array,
  modelled4g: Int16Array,
): string {
  const { fiber, gigabit, fourG, fiveG } = villages.status;
  return collection(villages.code.length, (i) =>
    positioned(villages.lon[i], villages.lat[i])
      ? point(
          villages.lon[i],
          villages.lat[i],
          `"c":${JSON.stringify(villages.code[i])},"n":${JSON.stringify(villages.name[i])},"f":${fiber[i]},"g":${gigabit[i]},"q":${fourG[i]},"v":${fiveG[i]},"m":${modelled5g[i]},"k":${modelled4g[i]}`,
        )
      : null,
  );
}

export function placeFeatures(
  places: PlaceLayer,
  modelled5g: Int16Array,
  nearest5gMeters: Float64Array,
): string {
  return collection(places.name.length, (i) => {
    if (!positioned(places.lon[i], places.lat[i])) return null;
    const meters = Number.isFinite(nearest5gMeters[i]) ? Math.round(nearest5gMeters[i]) : -1;
    const population = Number.isFinite(places.population[i]) ? places.population[i] : -1;
    return point(
      places.lon[i],
      places.lat[i],
      `"n":${JSON.stringify(places.name[i])},"a":${places.approximate[i]},"r":${places.reported[i]},"m":${modelled5g[i]},"d":${meters},"p":${population},"l":${JSON.stringify(places.level[i])}`,
    );
  });
}
