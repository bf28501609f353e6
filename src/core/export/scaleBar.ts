// The scale bar of an exported map: ground metres per pixel of a Web Mercator map at a latitude and
// zoom, and the longest round length (1, 2 or 5 × 10ⁿ metres) that fits a given width.
// Rules: MapLibre's zoom counts 512-pixel tiles; on Mercator the scale holds at one latitude only, so
// the bar is measured at the map's centre (the caller passes the centre latitude).

const EARTH_CIRCUMFERENCE_METERS = 40_075_016.686;
const TILE_SIZE_PX = 512;

/** Ground metres per CSS pixel of the map at this latitude and zoom. */
export function metersPerCssPixel(latitude: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_METERS * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE_PX * 2 ** zoom);
}

export interface ScaleBar {
  meters: number;
  lengthPx: number;
  label: string;
}

/** The longest round distance whose bar is at most `maxLengthPx` long. */
export function chooseScaleBar(metersPerPixel: number, maxLengthPx: number): ScaleBar {
  if (!(metersPerPixel > 0) || !(maxLengthPx > 0))
    throw new RangeError('scale bar needs positive metres per pixel and length');
  const maxMeters = metersPerPixel * maxLengthPx;
  const magnitude = 10 ** Math.floor(Math.log10(maxMeters));
  // log10 may land a hair under an exact power of ten: allow for that rounding, not more.
  const meters =
    [10, 5, 2, 1].map((step) => step * magnitude).find((m) => m <= maxMeters * (1 + 1e-9)) ?? magnitude / 2;
  return {
    meters,
    lengthPx: meters / metersPerPixel,
    label: meters >= 1000 ? `${meters / 1000} km` : `${meters} m`,
  };
}
