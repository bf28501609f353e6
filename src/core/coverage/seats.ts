// Where the coverage model's settings come from: the seats in geodata/areas.json. A station's
// radius depends on whether it stands in a dense urban core, a prefecture city, a county town or
// the countryside (see radius.ts for the distances).
// - Dense urban: the cores of Guiyang (南明区, 云岩区) and Zunyi (红花岗区, 汇川区).
// - Prefecture cities: the seats of every city district (区) and of the prefectures' seat cities
//   that are not districts (凯里市, 都匀市, 兴义市).
// - County towns: every county seat.
import type { AreaIndex } from '../areas';
import type { SeatColumns } from './types';

const DENSE_URBAN_CORES = ['520102', '520103', '520302', '520303'];
const PREFECTURE_SEAT_CITIES = ['522601', '522701', '522301'];

export function seatColumns(index: AreaIndex): SeatColumns {
  const seatsOf = (keep: (c: AreaIndex['counties'][number]) => boolean) =>
    Float64Array.from(index.counties.filter(keep).flatMap((c) => c.seat));
  return {
    denseUrban: seatsOf((c) => DENSE_URBAN_CORES.includes(c.adcode)),
    prefectureSeats: seatsOf((c) => c.name.endsWith('区') || PREFECTURE_SEAT_CITIES.includes(c.adcode)),
    countySeats: seatsOf(() => true),
  };
}
