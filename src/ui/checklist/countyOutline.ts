// A county's polygon for the checklist map, from the county boundary file the app ships (same
// origin, cached by the browser after the map's own fetch). Read only when a checklist opens, then
// kept: the page otherwise never parses a boundary file.
import type { MultiPolygon } from 'geojson';
import countiesUrl from '../../../geodata/counties.geojson?url';
import type { CountyCollection } from '../../core/areas';

let counties: Promise<CountyCollection> | undefined;

export async function countyOutline(adcode: string): Promise<MultiPolygon> {
  counties ??= fetch(countiesUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`${countiesUrl}: HTTP ${response.status}`);
      return response.json() as Promise<CountyCollection>;
    })
    .catch((error: unknown) => {
      counties = undefined;
      throw error;
    });
  const county = (await counties).features.find((f) => f.properties.adcode === adcode);
  if (!county) throw new Error(`no county ${adcode} in the boundary file`);
  return county.geometry;
}
