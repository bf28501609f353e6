// A seeded station file for the ingest benchmark: `站号,经度,纬度` rows of about 30 bytes (so
// 1,000,000 rows are about 30 MB, the size of the file the issue measured), WGS84 points with six
// decimals drawn uniformly over Guizhou's bounding box and kept when they lie in a county, with a
// few bad rows spread through it as a real export has them: every 100,000th row, from row 50,001 on,
// is in turn a missing latitude, a word for a number, a swapped pair, a point far outside. The same
// seed gives the same bytes.
import { assignCounties, type CountyIndex } from '../../src/core/assign/countyIndex.ts';
import { GUIZHOU_BBOX, mulberry32 } from '../../src/core/coverage/random.ts';

export const STATION_ROWS_HEADER = '站号,经度,纬度';

const BAD_ROWS = [
  (id: string) => `${id},106.712345,`,
  (id: string) => `${id},东经106度,26.577312`,
  (id: string) => `${id},26.577312,106.712345`,
  (id: string) => `${id},116.397128,39.916527`,
];
/** Six decimals of a value held in millionths: the text whose number is exactly `micro / 1e6`. */
const sixDecimals = (micro: number) => `${Math.trunc(micro / 1e6)}.${String(micro % 1e6).padStart(6, '0')}`;

export function stationRowsCsv(rowCount: number, seed: number, countyIndex: CountyIndex): string {
  const random = mulberry32(seed);
  const [west, south, east, north] = GUIZHOU_BBOX;
  const lines = new Array<string>(rowCount + 1);
  lines[0] = STATION_ROWS_HEADER;
  let row = 0;
  while (row < rowCount) {
    // Candidates are drawn and placed in batches; those in a county are used in turn.
    const batch = 65_536;
    const lon = new Float64Array(batch),
      lat = new Float64Array(batch);
    for (let k = 0; k < batch; k++) {
      lon[k] = Math.round((west + random() * (east - west)) * 1e6) / 1e6;
      lat[k] = Math.round((south + random() * (north - south)) * 1e6) / 1e6;
    }
    const county = assignCounties(countyIndex, lon, lat);
    for (let k = 0; k < batch && row < rowCount; k++) {
      const id = `S${String(row + 1).padStart(7, '0')}`;
      if (row % 100_000 === 50_000)
        lines[row + 1] = BAD_ROWS[Math.floor(row / 100_000) % BAD_ROWS.length](id);
      else if (county[k] !== -1)
        lines[row + 1] =
          `${id},${sixDecimals(Math.round(lon[k] * 1e6))},${sixDecimals(Math.round(lat[k] * 1e6))}`;
      else continue;
      row++;
    }
  }
  return lines.join('\n') + '\n';
}
