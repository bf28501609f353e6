// The points of every row whose two coordinates are plain numbers (rowCells.ts), converted to WGS84
// and placed in their counties in one batch before the rows are checked one by one: a county index
// placing a million points at once is many times faster than one point at a time, and most rows of
// a real file are plain. The row-by-row check takes the place found here; a row that is not plain
// is read and placed there, from its text. The numbers themselves are not kept (16 MB a million
// rows): the few rows outside that need them read them again.
//
// Rules relied on: the conversion is pointToWgs84 and the placing countyIndex's assignCounties, the
// same as countyAt row by row; a point out of range (|lon| > 180 or |lat| > 90) is not converted,
// and is NaN, so outside (−1).
import { assignCounties, type CountyIndex } from '../assign/countyIndex';
import { pointToWgs84, type Datum } from './datum';
import type { RowCells } from './rowCells';

export interface PlainPoints {
  /** 1 where both coordinates of the row are plain numbers. */
  plain: Uint8Array;
  /** The point in WGS84 (NaN when out of range or not plain) and its county (−1: outside). */
  lon: Float64Array;
  lat: Float64Array;
  county: Int16Array;
}

export function placePlainPoints(
  cells: RowCells,
  rowCount: number,
  columns: { lon: number; lat: number },
  datum: Datum,
  countyIndex: CountyIndex,
): PlainPoints {
  const plain = new Uint8Array(rowCount);
  // Every row's point is written once (no fill first): a million rows touch each array once.
  const lon = new Float64Array(rowCount),
    lat = new Float64Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    cells.at(i);
    const x = cells.plainNumber(columns.lon),
      y = cells.plainNumber(columns.lat);
    const isPlain = !Number.isNaN(x) && !Number.isNaN(y);
    plain[i] = isPlain ? 1 : 0;
    if (!isPlain || !(Math.abs(x) <= 180 && Math.abs(y) <= 90)) lon[i] = lat[i] = NaN;
    else if (datum === 'wgs84') {
      lon[i] = x;
      lat[i] = y;
    } else [lon[i], lat[i]] = pointToWgs84(x, y, datum);
  }
  return { plain, lon, lat, county: assignCounties(countyIndex, lon, lat) };
}
