// The columnar inputs of the coverage model. One typed array per column, never one object per
// point: 130,000 stations or 18,000 villages move to the worker as a handful of buffers.
//
// Rules relied on:
// - Coordinates are WGS84 degrees (the app's internal datum); importers convert before this.
// - Data never straddles the antimeridian (longitudes are compared without wrapping).

export type Technology = '5G' | '4G';

/**
 * Radio band grouped by how far it reaches:
 * - '5G-mid': 3.5 GHz n78, 2.6 GHz n41, 4.9 GHz n79 (also NR on 1.8/2.1 GHz refarmed bands)
 * - '5G-low': 700 MHz n28 (and any NR band below 1 GHz)
 * - '4G-mid': 1.8–2.1 GHz, also 2.3/2.6 GHz TD-LTE
 * - '4G-low': 800–900 MHz
 */
export type BandClass = '5G-mid' | '5G-low' | '4G-mid' | '4G-low';

export type Setting = 'denseUrban' | 'urban' | 'countyTown' | 'rural';

export interface StationColumns {
  lon: Float64Array;
  lat: Float64Array;
  /** Index into BAND_CLASSES. */
  bandClass: Uint8Array;
  /** Year the station went on air; 0 = unknown, which is always counted. */
  buildYear: Int16Array;
}

export interface TargetColumns {
  lon: Float64Array;
  lat: Float64Array;
  /** E.g. resident population; every target weighs 1 when absent. */
  weight?: Float64Array;
}

/** Seat points that decide a location's setting, each array interleaved as lon, lat, lon, lat… */
export interface SeatColumns {
  denseUrban: Float64Array;
  prefectureSeats: Float64Array;
  countySeats: Float64Array;
}
