// The sample as CSV text (UTF-8, header row, "\n" line ends), in the columns the importers and the
// CLI recognise (io/columns.ts, import/mapping.ts): what scripts/sample.ts writes to sample-data/ and
// what import tests read back. Pure: returns strings, writes nothing.
//
// Rules relied on:
// - Every file says it is sample data: the station file has a 示例数据 column (是 on every row),
//   the village file a sample column (1), the place files a status_sample column (1: only their
//   status is synthetic, the rest of each row is the real source row).
// - Coordinates are WGS84 with 6 decimals (~0.1 m), the app's internal datum and the CLI's default.
// - Station headers are Chinese, as in an operator's export; the village and place files keep the
//   English names of geodata/.
import type { CountyProperties } from '../areas';
import { VILLAGE_KINDS } from './layout';
import { TECHNOLOGIES, NOT_SHARED } from './operators';
import type { PlaceStatuses } from './places';
import { stationId, type SampleStations } from './stations';
import type { VillageStatuses } from './villages';
import { csvCell } from '../io/csv';

export const STATION_HEADER = [
  '站号',
  '名称',
  '运营商',
  '共享运营商',
  '制式',
  '频段',
  '建成年份',
  '经度',
  '纬度',
  '县区代码',
  '县区',
  '示例数据',
] as const;
export const VILLAGE_HEADER = [
  'code',
  'name',
  'townshipCode',
  'countyAdcode',
  'kind',
  'lon',
  'lat',
  'fiberYear',
  'gigabitYear',
  'fiveGYear',
  'sample',
] as const;
export const PLACE_STATUS_COLUMNS = [
  'position_approximate',
  'reported_5g_covered',
  'reported_5g_year',
  'status_sample',
] as const;

/** How a station's placement reads in its sample name. */
const PLACEMENT_NAMES: Record<string, string> = {
  seat: '城区',
  corridor: '公交走廊',
  township: '乡镇',
  village: '村',
  spread: '郊野',
};

/** A CSV field: quoted when it holds a comma, quote or line break, quotes doubled. */
export const csvField = (value: string | number): string => csvCell(String(value));

function csvText(
  header: readonly string[],
  rowCount: number,
  row: (i: number) => Array<string | number>,
): string {
  const lines = new Array<string>(rowCount + 1);
  lines[0] = header.map(csvField).join(',');
  for (let i = 0; i < rowCount; i++) lines[i + 1] = row(i).map(csvField).join(',');
  return lines.join('\n') + '\n';
}

const coordinate = (value: number) => value.toFixed(6);

export function stationsCsv(
  stations: SampleStations,
  counties: readonly Pick<CountyProperties, 'adcode' | 'name'>[],
): string {
  return csvText(STATION_HEADER, stations.lon.length, (i) => {
    const county = counties[stations.county[i]];
    const technology = TECHNOLOGIES[stations.technology[i]];
    const shared = stations.sharedWith[i] === NOT_SHARED ? '' : stations.operators[stations.sharedWith[i]];
    return [
      stationId(stations, counties, i),
      `${county.name}${PLACEMENT_NAMES[stations.placements[stations.placement[i]]]}${technology}站${String(stations.serial[i]).padStart(5, '0')}`,
      stations.operators[stations.operator[i]],
      shared,
      technology,
      stations.bands[stations.band[i]],
      stations.buildYear[i],
      coordinate(stations.lon[i]),
      coordinate(stations.lat[i]),
      county.adcode,
      county.name,
      '是',
    ];
  });
}

export function villagesCsv(statuses: VillageStatuses): string {
  const { villages } = statuses;
  return csvText(VILLAGE_HEADER, villages.code.length, (i) => [
    villages.code[i],
    villages.name[i],
    villages.townshipCode[i],
    villages.countyAdcode[i],
    VILLAGE_KINDS[villages.kind[i]],
    coordinate(statuses.lon[i]),
    coordinate(statuses.lat[i]),
    statuses.fiberYear[i],
    statuses.gigabitYear[i],
    statuses.fiveGYear[i],
    statuses.sample[i],
  ]);
}

/** The source rows unchanged, then the position flag and the synthetic status columns. */
export function placesCsv(places: PlaceStatuses): string {
  return csvText([...places.header, ...PLACE_STATUS_COLUMNS], places.rows.length, (i) => [
    ...places.header.map((_, c) => places.rows[i][c] ?? ''),
    places.positionApproximate[i],
    places.reportedFiveGCovered[i],
    places.reportedFiveGYear[i],
    places.statusSample[i],
  ]);
}
