// Loads the base geodata from the app's own origin (hashed assets) and fills the areas slice.
import countiesUrl from '../../geodata/counties.geojson?url';
import prefecturesUrl from '../../geodata/prefectures.geojson?url';
import provinceUrl from '../../geodata/province.geojson?url';
import neighboursUrl from '../../geodata/neighbours.geojson?url';
import { buildAreaRecords } from '../core/areas';
import type { BaseGeodata } from '../map/MapController';
import { useAtlas } from './store';

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json() as Promise<T>;
}

export async function loadBaseGeodata(): Promise<BaseGeodata> {
  const [counties, prefectures, province, neighbours] = await Promise.all([
    fetchJson<BaseGeodata['counties']>(countiesUrl), fetchJson<BaseGeodata['prefectures']>(prefecturesUrl),
    fetchJson<BaseGeodata['province']>(provinceUrl), fetchJson<BaseGeodata['neighbours']>(neighboursUrl),
  ]);
  useAtlas.getState().setAreas(buildAreaRecords(counties, prefectures));
  return { counties, prefectures, province, neighbours };
}
