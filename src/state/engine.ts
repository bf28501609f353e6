// The one engine worker of the page, started on first use (after the map has drawn, so it does not
// compete with the cold load).
import countiesUrl from '../../geodata/counties.geojson?url';
import areasUrl from '../../geodata/areas.json?url';
import villagesUrl from '../../geodata/villages.csv?url';
import relocationSitesUrl from '../../geodata/sources/relocation-sites.csv?url';
import scenicAreasUrl from '../../geodata/sources/scenic-areas.csv?url';
import { startEngine, type EngineClient } from '../worker/client';

let engine: EngineClient | undefined;

export function getEngine(): EngineClient {
  const absolute = (url: string) => new URL(url, location.href).href;
  engine ??= startEngine({
    counties: absolute(countiesUrl),
    areas: absolute(areasUrl),
    villages: absolute(villagesUrl),
    relocationSites: absolute(relocationSitesUrl),
    scenicAreas: absolute(scenicAreasUrl),
  });
  return engine;
}
