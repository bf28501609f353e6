// The real village-level units (geodata/villages.csv: NBS 2023 codes and names) and their
// townships, with SYNTHETIC positions: the division codes carry no coordinates and no township
// polygons exist, so the sample invents plausible ones.
//
// Rules relied on:
// - The township's kind is in its code (NBS rule for the 7th–9th digits): 001–099 街道 (urban
//   street), 100–199 镇 (town), 200 and above 乡 and the like.
// - Streets cluster around the county seat; a county without streets has its seat in the town with
//   the most residents' committees; every other township centre is drawn uniformly over its
//   county. Villages cluster around their township centre: residents' committees tightly (they
//   are the township's town), village committees over a few kilometres.
// - Every position lies inside its county (scatter.ts).
import Papa from 'papaparse';
import type { CountyProperties } from '../areas';
import type { CountyIndex } from '../assign/countyIndex';
import type { Random } from '../coverage/random';
import { scatterInCounties } from './scatter';

export const VILLAGE_KINDS = ['village_committee', 'residents_committee'] as const;
export const VILLAGE_COMMITTEE = 0,
  RESIDENTS_COMMITTEE = 1;
export const TOWNSHIP_KINDS = ['street', 'town', 'township'] as const;
export const STREET = 0,
  TOWN = 1;

export interface VillageTable {
  code: string[];
  name: string[];
  townshipCode: string[];
  countyAdcode: string[];
  /** Index into VILLAGE_KINDS. */
  kind: Uint8Array;
  /** County index (ascending adcode, as in the county index). */
  county: Int16Array;
  /** Index into the township table. */
  township: Uint32Array;
}

export interface TownshipTable {
  code: string[];
  name: string[];
  county: Int16Array;
  /** Index into TOWNSHIP_KINDS. */
  kind: Uint8Array;
  villageCount: Uint32Array;
  residentsCommitteeCount: Uint32Array;
}

type County = Pick<CountyProperties, 'adcode' | 'seat' | 'population2020'>;

/** Reads geodata/villages.csv (code, name, townshipCode, townshipName, countyAdcode, kind). */
export function parseVillages(
  text: string,
  counties: readonly County[],
): { villages: VillageTable; townships: TownshipTable } {
  // Papa directly rather than io/table's parseCsv: that one counts lines for users' error messages,
  // which doubles the time on 18,000 rows of a file the app ships itself.
  const [header = [], ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const table = { header: header.map((h) => h.trim()), rows, rowNumbers: rows.map((_, i) => i + 2) };
  const column = (name: string) => {
    const c = table.header.indexOf(name);
    if (c === -1) throw new Error(`villages.csv has no ${name} column`);
    return c;
  };
  const [code, name, townshipCode, townshipName, countyAdcode, kind] = [
    'code',
    'name',
    'townshipCode',
    'townshipName',
    'countyAdcode',
    'kind',
  ].map(column);
  const countyOf = new Map(counties.map((c, k) => [c.adcode, k]));
  const townshipOf = new Map<string, number>();
  const townshipRows: Array<{ code: string; name: string; county: number }> = [];
  const n = table.rows.length;
  const villages: VillageTable = {
    code: new Array(n),
    name: new Array(n),
    townshipCode: new Array(n),
    countyAdcode: new Array(n),
    kind: new Uint8Array(n),
    county: new Int16Array(n),
    township: new Uint32Array(n),
  };
  table.rows.forEach((row, i) => {
    const county = countyOf.get(row[countyAdcode]);
    if (county === undefined)
      throw new Error(
        `villages.csv row ${table.rowNumbers[i]}: county ${row[countyAdcode]} is not one of the counties`,
      );
    const kindCode = VILLAGE_KINDS.indexOf(row[kind] as (typeof VILLAGE_KINDS)[number]);
    if (kindCode === -1)
      throw new Error(
        `villages.csv row ${table.rowNumbers[i]}: kind ${row[kind]} is not one of ${VILLAGE_KINDS.join(', ')}`,
      );
    let township = townshipOf.get(row[townshipCode]);
    if (township === undefined) {
      township = townshipRows.length;
      townshipOf.set(row[townshipCode], township);
      townshipRows.push({ code: row[townshipCode], name: row[townshipName], county });
    }
    villages.code[i] = row[code];
    villages.name[i] = row[name];
    villages.townshipCode[i] = row[townshipCode];
    villages.countyAdcode[i] = row[countyAdcode];
    villages.kind[i] = kindCode;
    villages.county[i] = county;
    villages.township[i] = township;
  });
  const t = townshipRows.length;
  const townships: TownshipTable = {
    code: townshipRows.map((r) => r.code),
    name: townshipRows.map((r) => r.name),
    county: Int16Array.from(townshipRows, (r) => r.county),
    kind: Uint8Array.from(townshipRows, (r) => townshipKind(r.code)),
    villageCount: new Uint32Array(t),
    residentsCommitteeCount: new Uint32Array(t),
  };
  for (let i = 0; i < n; i++) {
    townships.villageCount[villages.township[i]]++;
    if (villages.kind[i] === RESIDENTS_COMMITTEE) townships.residentsCommitteeCount[villages.township[i]]++;
  }
  return { villages, townships };
}

function townshipKind(code: string): number {
  const serial = Number(code.slice(6, 9));
  return serial < 100 ? STREET : serial < 200 ? TOWN : 2;
}

/**
 * How far a county's town spreads around its seat, in metres: grows with the square root of the
 * population (a town's area grows with its people), from a 1.2 km county town to 3.5 km for the
 * largest districts. An assumption of the sample.
 */
export function townSigmaMeters(county: County): number {
  return Math.min(3_500, Math.max(1_200, 900 * Math.sqrt(county.population2020 / 100_000)));
}

const SEAT_TOWN_SIGMA_METERS = 500;
const RESIDENTS_COMMITTEE_SIGMA_METERS = 700;
/** A rural township covers ~115 km² on average (176,000 km² / ~1,500): villages spread over a few km. */
const VILLAGE_COMMITTEE_SIGMA_METERS = 3_200;
/** Village committees of an urban street lie on the town's edge: nearer than in the countryside. */
const STREET_VILLAGE_COMMITTEE_SIGMA_METERS = 1_500;

export interface Layout {
  townshipLon: Float64Array;
  townshipLat: Float64Array;
  villageLon: Float64Array;
  villageLat: Float64Array;
}

export function placeTownshipsAndVillages(
  random: Random,
  countyIndex: CountyIndex,
  counties: readonly County[],
  villages: VillageTable,
  townships: TownshipTable,
): Layout {
  const t = townships.code.length;
  // The seat town of each county without streets: the town with the most residents' committees.
  const hasStreets = new Uint8Array(counties.length),
    seatTown = new Int32Array(counties.length).fill(-1);
  for (let k = 0; k < t; k++) if (townships.kind[k] === STREET) hasStreets[townships.county[k]] = 1;
  for (let k = 0; k < t; k++) {
    const c = townships.county[k],
      best = seatTown[c];
    if (
      !hasStreets[c] &&
      (best === -1 || townships.residentsCommitteeCount[k] > townships.residentsCommitteeCount[best])
    )
      seatTown[c] = k;
  }
  const centres = {
    county: townships.county,
    centreLon: new Float64Array(t).fill(NaN),
    centreLat: new Float64Array(t).fill(NaN),
    sigmaMeters: new Float32Array(t),
  };
  for (let k = 0; k < t; k++) {
    const county = counties[townships.county[k]];
    const street = townships.kind[k] === STREET;
    if (!street && seatTown[townships.county[k]] !== k) continue;
    [centres.centreLon[k], centres.centreLat[k]] = county.seat;
    centres.sigmaMeters[k] = street ? townSigmaMeters(county) : SEAT_TOWN_SIGMA_METERS;
  }
  const townshipPoints = scatterInCounties(random, countyIndex, centres);

  const n = villages.code.length;
  const around = {
    county: villages.county,
    centreLon: new Float64Array(n),
    centreLat: new Float64Array(n),
    sigmaMeters: new Float32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const k = villages.township[i];
    around.centreLon[i] = townshipPoints.lon[k];
    around.centreLat[i] = townshipPoints.lat[k];
    around.sigmaMeters[i] =
      villages.kind[i] === RESIDENTS_COMMITTEE
        ? RESIDENTS_COMMITTEE_SIGMA_METERS
        : townships.kind[k] === STREET
          ? STREET_VILLAGE_COMMITTEE_SIGMA_METERS
          : VILLAGE_COMMITTEE_SIGMA_METERS;
  }
  const villagePoints = scatterInCounties(random, countyIndex, around);
  return {
    townshipLon: townshipPoints.lon,
    townshipLat: townshipPoints.lat,
    villageLon: villagePoints.lon,
    villageLat: villagePoints.lat,
  };
}
