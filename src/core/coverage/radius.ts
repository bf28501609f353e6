// How far a station is modelled to reach: band classes, parsing of the band spellings found in
// operators' files, the setting of a location (dense urban … rural) and the default radius table.
//
// Rules relied on:
// - A band's reach depends on its frequency, not on its spelling: every spelling is reduced to a
//   technology and a downlink frequency, and below 1 GHz is "low", above is "mid".
// - A spelling that names the band's notation (n78 is NR, B41 is LTE) fixes the technology. A bare
//   frequency used by both technologies (2.6 GHz: China Mobile's NR n41, also TD-LTE B41) takes
//   the technology written beside it ("5G", "NR", "LTE", "FDD"…), else the caller's hint, else
//   its dominant use in China: 700 MHz and 2.6 GHz are NR, 800/900 MHz and 1.8–2.3 GHz are LTE.
//   3.3–5 GHz carry no LTE in China and are NR unless the text says otherwise.
// - Settings are decided by distance to seats, first match wins: dense-urban centre, prefecture
//   seat, county seat, else rural.
import { haversineMeters } from './stationGrid';
import type { BandClass, SeatColumns, Setting, StationColumns, Technology } from './types';

/** Band classes in code order: StationColumns.bandClass holds an index into this array. */
export const BAND_CLASSES: readonly BandClass[] = ['5G-mid', '5G-low', '4G-mid', '4G-low'];
export const SETTINGS: readonly Setting[] = ['denseUrban', 'urban', 'countyTown', 'rural'];

export type RadiusTable = Record<BandClass, Record<Setting, number>>;

/**
 * Modelled cell radius in metres: the midpoints of the ranges in the project's coverage-radius
 * reference, which draws on the ITU IMT-Advanced test layouts (site spacing 200 m urban micro,
 * 500 m urban macro, 1,732 m rural macro; cell radius ≈ spacing/√3), a 3GPP TR 38.901 link budget
 * at 139 dB maximum path loss (≈ 845 m urban macro, ≈ 1,645 m rural macro) and GSMA's rural reach
 * by mast height (8–15 km above 30 m, 4–8 km at 12–30 m).
 * These are editable defaults, to be calibrated against drive tests. A disc overstates coverage
 * in Guizhou's karst valleys, where a ridge can hide a village a few hundred metres from a mast.
 * 4G-low has no dense-urban figure in the reference (low band is not deployed for capacity
 * there); it takes the urban value.
 */
export const DEFAULT_RADIUS_METERS: RadiusTable = {
  '5G-mid': { denseUrban: 200, urban: 330, countyTown: 600, rural: 1500 },
  '5G-low': { denseUrban: 550, urban: 1150, countyTown: 2250, rural: 5500 },
  '4G-mid': { denseUrban: 400, urban: 750, countyTown: 1500, rural: 3500 },
  '4G-low': { denseUrban: 1500, urban: 1500, countyTown: 3000, rural: 8500 },
};

/** A location is in a setting when it lies within this distance of a seat of that kind. */
export const SETTING_RADIUS_METERS = { denseUrban: 2000, urban: 5000, countyTown: 3000 } as const;

const TECHNOLOGY_OF: Record<BandClass, Technology> = {
  '5G-mid': '5G',
  '5G-low': '5G',
  '4G-mid': '4G',
  '4G-low': '4G',
};

export function technologyOf(bandClass: BandClass): Technology {
  return TECHNOLOGY_OF[bandClass];
}

/** The code StationColumns.bandClass stores for a band class. */
export function bandClassCode(bandClass: BandClass): number {
  return BAND_CLASSES.indexOf(bandClass);
}

/** Downlink frequencies (MHz) of the NR and LTE bands in use in and around China. */
const NR_BAND_MHZ: Record<number, number> = {
  1: 2100,
  3: 1800,
  5: 850,
  8: 900,
  20: 800,
  28: 700,
  38: 2600,
  39: 1900,
  40: 2300,
  41: 2600,
  71: 600,
  77: 3700,
  78: 3500,
  79: 4700,
};
const LTE_BAND_MHZ: Record<number, number> = {
  1: 2100,
  3: 1800,
  5: 850,
  8: 900,
  20: 800,
  26: 850,
  28: 700,
  34: 2000,
  38: 2600,
  39: 1900,
  40: 2300,
  41: 2600,
  42: 3500,
};
/** China Mobile's TD-LTE band letters ("D频段" …). */
const TD_LTE_LETTER_MHZ: Record<string, number> = { A: 2000, D: 2600, E: 2300, F: 1900 };

const LOW_BAND_BELOW_MHZ = 1000;

function classify(technology: Technology, frequencyMHz: number): BandClass {
  const low = frequencyMHz < LOW_BAND_BELOW_MHZ;
  if (technology === '5G') return low ? '5G-low' : '5G-mid';
  return low ? '4G-low' : '4G-mid';
}

/** The technology a frequency is taken for when neither the text nor the caller says. */
function defaultTechnology(frequencyMHz: number): Technology {
  if (frequencyMHz < 790) return '5G';
  if (frequencyMHz < 2500) return '4G';
  return '5G';
}

// "5G"/"4G" not preceded by a digit or point, so "3.5G" stays a frequency.
const GENERATION = /(?<![0-9.])([45])G(?!HZ)/g;

/**
 * The band class of a band as written in an operator's file ("n78", "3.5GHz", "FDD1800", "B41",
 * "700M", "中国移动2.6G" …), or null when it is not recognised. `technologyHint` decides a bare
 * frequency that both technologies use (e.g. the technology of the file being imported).
 */
export function parseBand(text: string, technologyHint?: Technology): BandClass | null {
  let s = text.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
  const generations = [...s.matchAll(GENERATION)].map((m) => m[1]);
  const says5G = generations.includes('5') || /NR/.test(s);
  const says4G = generations.includes('4') || /LTE/.test(s);
  // "4G/5G" says nothing. Duplex words mark LTE in Chinese operators' naming (FDD1800, TDD-F)
  // unless NR is written beside them.
  let written: Technology | undefined = says5G !== says4G ? (says5G ? '5G' : '4G') : undefined;
  if (!says5G && !says4G && /FDD|TDD/.test(s)) written = '4G';
  s = s
    .replace(GENERATION, '')
    .replace(/TD-?LTE|LTE|NR|FDD|TDD/g, '')
    .replace(/兆赫?/g, 'MHZ')
    .replace(/吉赫?/g, 'GHZ')
    .replace(/[^0-9A-Z.]/g, '');

  // A band number: "n78", "B3", "Band 41", or a bare number beside its technology ("NR 78").
  let match = /^N(\d{1,3})$/.exec(s) ?? (written === '5G' ? /^(\d{1,2})$/.exec(s) : null);
  if (match) return NR_BAND_MHZ[Number(match[1])] ? classify('5G', NR_BAND_MHZ[Number(match[1])]) : null;
  match = /^(?:BAND|B)(\d{1,2})$/.exec(s) ?? (written === '4G' ? /^(\d{1,2})$/.exec(s) : null);
  if (match) return LTE_BAND_MHZ[Number(match[1])] ? classify('4G', LTE_BAND_MHZ[Number(match[1])]) : null;
  if (TD_LTE_LETTER_MHZ[s]) return classify('4G', TD_LTE_LETTER_MHZ[s]);

  match = /^(\d+(?:\.\d+)?)(GHZ|G|MHZ|M)?$/.exec(s);
  if (!match) return null;
  const value = Number(match[1]);
  const unit = match[2] ?? (value < 10 ? 'G' : value >= 100 ? 'M' : '');
  if (!unit) return null;
  const frequencyMHz = unit.startsWith('G') ? value * 1000 : value;
  if (frequencyMHz < 400 || frequencyMHz > 6000) return null;
  const hint = frequencyMHz >= 3000 ? undefined : technologyHint;
  return classify(written ?? hint ?? defaultTechnology(frequencyMHz), frequencyMHz);
}

/** True when (lon, lat) is within `meters` of any seat in the interleaved lon, lat array. */
function nearAny(lon: number, lat: number, seats: Float64Array, meters: number): boolean {
  // A degree of latitude is never less than 110 km: a cheap rejection before haversine.
  const maxDeltaLat = meters / 110_000;
  for (let i = 0; i + 1 < seats.length; i += 2) {
    if (Math.abs(seats[i + 1] - lat) > maxDeltaLat) continue;
    if (haversineMeters(lon, lat, seats[i], seats[i + 1]) <= meters) return true;
  }
  return false;
}

export function settingOf(lon: number, lat: number, seats: SeatColumns): Setting {
  if (nearAny(lon, lat, seats.denseUrban, SETTING_RADIUS_METERS.denseUrban)) return 'denseUrban';
  if (nearAny(lon, lat, seats.prefectureSeats, SETTING_RADIUS_METERS.urban)) return 'urban';
  if (nearAny(lon, lat, seats.countySeats, SETTING_RADIUS_METERS.countyTown)) return 'countyTown';
  return 'rural';
}

/** Each station's modelled radius from its band class and the setting of its position. */
export function stationRadiiMeters(
  stations: StationColumns,
  seats: SeatColumns,
  table: RadiusTable = DEFAULT_RADIUS_METERS,
): Float32Array {
  const radii = new Float32Array(stations.lon.length);
  for (let i = 0; i < radii.length; i++) {
    const bandClass = BAND_CLASSES[stations.bandClass[i]];
    if (!bandClass)
      throw new RangeError(
        `station ${i} has band class code ${stations.bandClass[i]}, not one of 0–${BAND_CLASSES.length - 1}`,
      );
    radii[i] = table[bandClass][settingOf(stations.lon[i], stations.lat[i], seats)];
  }
  return radii;
}
