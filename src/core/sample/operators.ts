// Who builds the sample's stations, on which bands, and who shares them. Every share below is an
// ASSUMPTION OF THE SAMPLE, chosen to look like Guizhou's networks, not a published figure:
// operators do not publish station counts by band and county.
//
// What the assumptions follow (public, qualitative):
// - 中国移动 builds the most stations: 5G on 2.6 GHz (n41) and, from 2021, 700 MHz (n28);
//   4G on TD-LTE (B39 1.9 GHz "F", B41 2.6 GHz "D", B40 2.3 GHz "E", indoors in cities) and
//   FDD 1800/900.
// - 中国电信 and 中国联通 build ONE shared 3.5 GHz (n78) 5G network: each station is built by one
//   and shared with the other (sharedWith). From 2020 they also share new low-band 4G (电信's
//   800 MHz, 联通's 900 MHz); their 1800/2100 MHz 4G stays their own.
// - 中国广电's 700 MHz (n28) network is built together with 中国移动: a 700 MHz station is built by
//   one and shared with the other.
// - Low bands (700/800/900 MHz) reach farther, so they are weighted up in the countryside.
import { parseBand, bandClassCode } from '../coverage/radius';
import type { Technology } from '../coverage/types';

export const OPERATORS = ['中国移动', '中国电信', '中国联通', '中国广电'] as const;
export const [CHINA_MOBILE, CHINA_TELECOM, CHINA_UNICOM, CHINA_BROADNET] = [0, 1, 2, 3] as const;
/** sharedWith value of a station nobody shares. */
export const NOT_SHARED = 255;

/** Technology codes in the station columns: an index into this array. */
export const TECHNOLOGIES: readonly Technology[] = ['5G', '4G'];

export interface BandOffer {
  operator: number;
  /** The band as an operator's file would spell it; parseBand reads it. */
  band: string;
  sharedWith: number;
  /** Relative weight among the offers of one technology, in towns and cities. */
  urbanWeight: number;
  /** Relative weight in the countryside (townships, villages, spread). */
  ruralWeight: number;
  /** First build year the band is used in (700 MHz NR from 2021, at half weight that year). */
  fromYear?: number;
  /** First build year the station is shared; shared from the start when absent. */
  sharedFromYear?: number;
}

/**
 * 5G: about half 中国移动, 48 % the 电信/联通 shared network, 2 % 中国广电 (assumptions). 700 MHz is
 * about 6 % of 5G stations (~7,500, one per 20–25 km² of the province): few masts, each reaching
 * far, most of them in the countryside.
 */
export const FIVE_G_OFFERS: readonly BandOffer[] = [
  { operator: CHINA_MOBILE, band: 'n41', sharedWith: NOT_SHARED, urbanWeight: 0.48, ruralWeight: 0.38 },
  {
    operator: CHINA_MOBILE,
    band: 'n28',
    sharedWith: CHINA_BROADNET,
    urbanWeight: 0.02,
    ruralWeight: 0.1,
    fromYear: 2021,
  },
  { operator: CHINA_TELECOM, band: 'n78', sharedWith: CHINA_UNICOM, urbanWeight: 0.25, ruralWeight: 0.25 },
  { operator: CHINA_UNICOM, band: 'n78', sharedWith: CHINA_TELECOM, urbanWeight: 0.23, ruralWeight: 0.23 },
  {
    operator: CHINA_BROADNET,
    band: 'n28',
    sharedWith: CHINA_MOBILE,
    urbanWeight: 0.02,
    ruralWeight: 0.04,
    fromYear: 2021,
  },
];

/** 4G: about 55 % 中国移动, 24 % 中国电信, 21 % 中国联通; no 中国广电 4G (assumptions). */
export const FOUR_G_OFFERS: readonly BandOffer[] = [
  { operator: CHINA_MOBILE, band: 'B39', sharedWith: NOT_SHARED, urbanWeight: 0.1, ruralWeight: 0.13 },
  { operator: CHINA_MOBILE, band: 'B41', sharedWith: NOT_SHARED, urbanWeight: 0.18, ruralWeight: 0.1 },
  { operator: CHINA_MOBILE, band: 'B40', sharedWith: NOT_SHARED, urbanWeight: 0.07, ruralWeight: 0 },
  { operator: CHINA_MOBILE, band: 'FDD1800', sharedWith: NOT_SHARED, urbanWeight: 0.14, ruralWeight: 0.1 },
  { operator: CHINA_MOBILE, band: 'FDD900', sharedWith: NOT_SHARED, urbanWeight: 0.04, ruralWeight: 0.14 },
  { operator: CHINA_TELECOM, band: 'FDD1800', sharedWith: NOT_SHARED, urbanWeight: 0.13, ruralWeight: 0.08 },
  { operator: CHINA_TELECOM, band: 'FDD2100', sharedWith: NOT_SHARED, urbanWeight: 0.07, ruralWeight: 0.02 },
  {
    operator: CHINA_TELECOM,
    band: 'FDD800',
    sharedWith: CHINA_UNICOM,
    urbanWeight: 0.04,
    ruralWeight: 0.14,
    sharedFromYear: 2020,
  },
  { operator: CHINA_UNICOM, band: 'FDD1800', sharedWith: NOT_SHARED, urbanWeight: 0.13, ruralWeight: 0.07 },
  { operator: CHINA_UNICOM, band: 'FDD2100', sharedWith: NOT_SHARED, urbanWeight: 0.07, ruralWeight: 0.02 },
  {
    operator: CHINA_UNICOM,
    band: 'FDD900',
    sharedWith: CHINA_TELECOM,
    urbanWeight: 0.03,
    ruralWeight: 0.1,
    sharedFromYear: 2020,
  },
];

export const OFFERS_BY_TECHNOLOGY: readonly (readonly BandOffer[])[] = [FIVE_G_OFFERS, FOUR_G_OFFERS];

/** Band labels in code order (the station columns' band holds an index into this array). */
export const BANDS: readonly string[] = [...new Set([...FIVE_G_OFFERS, ...FOUR_G_OFFERS].map((o) => o.band))];

/**
 * Band class code (coverage/radius.ts) of every band label, parsed the way an imported file would
 * be, so the sample and an import of its CSV agree. A label that parses to nothing or to the wrong
 * technology is a mistake in the tables above and stops at load time.
 */
export const BAND_CLASS_CODE_OF_BAND: Uint8Array = Uint8Array.from(BANDS, (band) => {
  const technology = FIVE_G_OFFERS.some((o) => o.band === band) ? '5G' : '4G';
  const parsed = parseBand(band, technology);
  if (!parsed || !parsed.startsWith(technology))
    throw new Error(`sample band ${band} parses as ${parsed}, not ${technology}`);
  return bandClassCode(parsed);
});

/** Weight of an offer for a station built in `year`, in town or countryside. */
export function offerWeight(offer: BandOffer, year: number, rural: boolean): number {
  const weight = rural ? offer.ruralWeight : offer.urbanWeight;
  if (offer.fromYear === undefined || year > offer.fromYear) return weight;
  return year === offer.fromYear ? weight / 2 : 0;
}

export function sharedWithOf(offer: BandOffer, year: number): number {
  return offer.sharedFromYear !== undefined && year < offer.sharedFromYear ? NOT_SHARED : offer.sharedWith;
}
