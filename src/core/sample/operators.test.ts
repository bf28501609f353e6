import { describe, expect, test } from 'vitest';
import { BAND_CLASSES, parseBand, technologyOf } from '../coverage/radius';
import {
  BAND_CLASS_CODE_OF_BAND,
  BANDS,
  CHINA_BROADNET,
  CHINA_MOBILE,
  CHINA_TELECOM,
  CHINA_UNICOM,
  FIVE_G_OFFERS,
  FOUR_G_OFFERS,
  NOT_SHARED,
  OPERATORS,
  offerWeight,
  sharedWithOf,
} from './operators';

const bandsOf = (offers: typeof FIVE_G_OFFERS, operator: number) =>
  offers
    .filter((o) => o.operator === operator)
    .map((o) => o.band)
    .sort();

describe('operators and bands', () => {
  test('each operator uses its own bands', () => {
    expect(OPERATORS).toEqual(['中国移动', '中国电信', '中国联通', '中国广电']);
    expect(bandsOf(FIVE_G_OFFERS, CHINA_MOBILE)).toEqual(['n28', 'n41']);
    expect(bandsOf(FIVE_G_OFFERS, CHINA_TELECOM)).toEqual(['n78']);
    expect(bandsOf(FIVE_G_OFFERS, CHINA_UNICOM)).toEqual(['n78']);
    expect(bandsOf(FIVE_G_OFFERS, CHINA_BROADNET)).toEqual(['n28']);
    expect(bandsOf(FOUR_G_OFFERS, CHINA_MOBILE)).toEqual(['B39', 'B40', 'B41', 'FDD1800', 'FDD900']);
    expect(bandsOf(FOUR_G_OFFERS, CHINA_TELECOM)).toEqual(['FDD1800', 'FDD2100', 'FDD800']);
    expect(bandsOf(FOUR_G_OFFERS, CHINA_UNICOM)).toEqual(['FDD1800', 'FDD2100', 'FDD900']);
    expect(bandsOf(FOUR_G_OFFERS, CHINA_BROADNET)).toEqual([]);
  });

  test.each([
    ...FIVE_G_OFFERS.map((o) => ['5G', o.band] as const),
    ...FOUR_G_OFFERS.map((o) => ['4G', o.band] as const),
  ])('%s band %s parses to its technology, with or without a hint', (technology, band) => {
    expect(technologyOf(parseBand(band, technology)!)).toBe(technology);
    expect(technologyOf(parseBand(band)!)).toBe(technology);
    expect(BAND_CLASSES[BAND_CLASS_CODE_OF_BAND[BANDS.indexOf(band)]]).toBe(parseBand(band, technology));
  });

  test('low bands are low, mid bands mid', () => {
    expect(['n28', 'FDD800', 'FDD900'].map((b) => parseBand(b)?.endsWith('low'))).toEqual([true, true, true]);
    expect(
      ['n41', 'n78', 'B39', 'B40', 'B41', 'FDD1800', 'FDD2100'].every((b) => parseBand(b)?.endsWith('mid')),
    ).toBe(true);
  });

  test('sharing pairs: 电信 ↔ 联通 on n78, 移动 ↔ 广电 on n28, nobody shares 移动 n41', () => {
    for (const o of FIVE_G_OFFERS) {
      if (o.band === 'n78') expect([o.operator, o.sharedWith].sort()).toEqual([CHINA_TELECOM, CHINA_UNICOM]);
      if (o.band === 'n28') expect([o.operator, o.sharedWith].sort()).toEqual([CHINA_MOBILE, CHINA_BROADNET]);
      if (o.band === 'n41') expect(o.sharedWith).toBe(NOT_SHARED);
    }
  });

  test('700 MHz starts in 2021 at half weight; shared low-band 4G starts in 2020', () => {
    const n28 = FIVE_G_OFFERS.find((o) => o.band === 'n28')!;
    expect([2020, 2021, 2022].map((y) => offerWeight(n28, y, true))).toEqual([
      0,
      n28.ruralWeight / 2,
      n28.ruralWeight,
    ]);
    const telecom800 = FOUR_G_OFFERS.find((o) => o.band === 'FDD800')!;
    expect(sharedWithOf(telecom800, 2019)).toBe(NOT_SHARED);
    expect(sharedWithOf(telecom800, 2020)).toBe(CHINA_UNICOM);
  });
});
