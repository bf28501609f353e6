// Loads the area index (properties and bounds, ~25 kB) into the store and hands the boundary files'
// URLs to the map, whose worker fetches and tiles them: the page never parses a boundary file.
import countiesUrl from '../../geodata/counties.geojson?url';
import prefecturesUrl from '../../geodata/prefectures.geojson?url';
import provinceUrl from '../../geodata/province.geojson?url';
import neighboursUrl from '../../geodata/neighbours.geojson?url';
import areasUrl from '../../geodata/areas.json?url';
import { buildAreaRecords, type AreaIndex, type BaseGeodata } from '../core/areas';
import { useAtlas } from './store';

const absolute = (url: string) => new URL(url, location.href).href;

export async function loadBaseGeodata(): Promise<BaseGeodata> {
  const response = await fetch(areasUrl);
  if (!response.ok) throw new Error(`${areasUrl}: HTTP ${response.status}`);
  const areas: AreaIndex = await response.json();
  useAtlas.getState().setAreas(buildAreaRecords(areas));
  return {
    areas,
    boundaryUrls: {
      counties: absolute(countiesUrl),
      prefectures: absolute(prefecturesUrl),
      province: absolute(provinceUrl),
      neighbours: absolute(neighboursUrl),
    },
  };
}
