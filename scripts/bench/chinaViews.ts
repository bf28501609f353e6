// The map views the China-sized tile benchmarks ask tiles for: a 1280 × 720 px map centred on
// Guiyang's centre and on a rural county's seat, at zooms 9–12 (station points are drawn from
// zoom 9; below it the low-zoom cells stand for them). Tiles are 512 px, as MapLibre shows
// vector tiles, so a map at zoom z asks for the zoom-z tiles its viewport touches.
import type { AreaIndex } from '../../src/core/areas.ts';

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}
export interface BenchView {
  name: string;
  centre: [lon: number, lat: number];
  zoom: number;
}

const WIDTH_PX = 1280,
  HEIGHT_PX = 720,
  TILE_PX = 512;
export const VIEW_ZOOMS = [9, 10, 11, 12] as const;
/** 云岩区 (Guiyang's centre) and 望谟县 (a rural county in the south, few stations). */
const VIEW_COUNTIES = [
  ['Guiyang 云岩区', '520103'],
  ['rural 望谟县', '522326'],
] as const;

export function benchViews(areas: AreaIndex): BenchView[] {
  return VIEW_COUNTIES.flatMap(([name, adcode]) => {
    const county = areas.counties.find((c) => c.adcode === adcode);
    if (!county) throw new Error(`county ${adcode} is not in areas.json`);
    return VIEW_ZOOMS.map((zoom) => ({ name, centre: county.seat, zoom }));
  });
}

/** The tiles a view's viewport touches. */
export function tilesOfView({ centre: [lon, lat], zoom }: BenchView): TileAddress[] {
  const worldPx = TILE_PX * 2 ** zoom;
  const sin = Math.sin((lat * Math.PI) / 180);
  const centreX = ((lon + 180) / 360) * worldPx,
    centreY = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldPx;
  const tiles: TileAddress[] = [];
  for (
    let y = Math.floor((centreY - HEIGHT_PX / 2) / TILE_PX);
    y <= Math.floor((centreY + HEIGHT_PX / 2) / TILE_PX);
    y++
  )
    for (
      let x = Math.floor((centreX - WIDTH_PX / 2) / TILE_PX);
      x <= Math.floor((centreX + WIDTH_PX / 2) / TILE_PX);
      x++
    )
      tiles.push({ z: zoom, x, y });
  return tiles;
}
