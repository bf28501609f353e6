// The files the engine worker reads, as absolute URLs on the app's own origin.
import countiesUrl from '../../geodata/counties.geojson?url';
import areasUrl from '../../geodata/areas.json?url';
import villagesUrl from '../../geodata/villages.csv?url';
import relocationSitesUrl from '../../geodata/sources/relocation-sites.csv?url';
import scenicAreasUrl from '../../geodata/sources/scenic-areas.csv?url';
import type { EngineUrls } from '../worker/engine';

export function engineUrls(): EngineUrls {
  const absolute = (url: string) => new URL(url, location.href).href;
  return {
    counties: absolute(countiesUrl),
    areas: absolute(areasUrl),
    villages: absolute(villagesUrl),
    relocationSites: absolute(relocationSitesUrl),
    scenicAreas: absolute(scenicAreasUrl),
  };
}
