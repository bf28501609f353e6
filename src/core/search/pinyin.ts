// Pinyin keys for the 97 area names and the ~1,500 township names, so "xifeng", "xi feng" and "xf"
// find 息烽县. Computed with pinyin-pro (offline dictionary) for those names only: villages are
// matched by code and Chinese name, which keeps 18,000 names out of the dictionary lookup.
//
// Rules relied on:
// - Keys are lower-case, without tones or spaces; ü is written v, as pinyin input methods do.
// - 都 is read dū in Guizhou's division names (都匀市, 三都水族自治县); the dictionary's dōu is
//   right for the word 都 ("all") but not for these places.
// - A name shown in pinyin (placePinyin) is its proper part only, as maps in English write it:
//   息烽县 → "Xifeng", 黔东南苗族侗族自治州 → "Qiandongnan"; the Chinese name beside it keeps the rest.
import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
  /** Full pinyin, syllables joined: 息烽县 → "xifengxian". */
  full: string;
  /** First letter of each syllable: 息烽县 → "xfx". */
  initials: string;
}

const PLACE_READINGS: Record<string, string> = { 都: 'du' };

export function pinyinKeys(name: string): PinyinKeys {
  const chars = [...name];
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true }).map(
    (s, i) => PLACE_READINGS[chars[i]] ?? s.toLowerCase(),
  );
  return { full: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
}

/** Endings of Guizhou's division names, longest first, and the peoples an autonomous area is named for. */
const DIVISION_SUFFIXES = ['自治州', '自治县', '特区', '市', '县', '区'];
const PEOPLES = ['布依族', '仡佬族', '土家族', '苗族', '侗族', '彝族', '回族', '水族'];

/**
 * The proper part of a division name in pinyin, capitalised, without tones: 息烽县 → "Xifeng",
 * 正安县 → "Zheng'an" (an apostrophe before a syllable starting with a, o or e, as the pinyin
 * orthography writes it), 威宁彝族回族苗族自治县 → "Weining".
 */
export function placePinyin(name: string): string {
  let proper = name;
  const suffix = DIVISION_SUFFIXES.find((s) => proper.endsWith(s) && proper.length > s.length + 1);
  if (suffix) proper = proper.slice(0, -suffix.length);
  for (
    let people = PEOPLES.find((p) => proper.endsWith(p));
    people && proper.length > people.length + 1;
    people = PEOPLES.find((p) => proper.endsWith(p))
  ) {
    proper = proper.slice(0, -people.length);
  }
  const chars = [...proper];
  const syllables = pinyin(proper, { toneType: 'none', type: 'array' }).map(
    (s, i) => PLACE_READINGS[chars[i]] ?? s.toLowerCase(),
  );
  const joined = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** What a typed query becomes for comparison with pinyin keys: lower case, no spaces or apostrophes. */
export function pinyinQuery(query: string): string {
  return query
    .toLowerCase()
    .replace(/[\s'’]/g, '')
    .replace(/ü/g, 'v');
}
