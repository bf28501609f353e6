// Pinyin keys for the 97 area names, so "xifeng", "xi feng" and "xf" find 息烽县. Computed with
// pinyin-pro (offline dictionary) for area names only: villages are matched by code and Chinese
// name, which keeps 18,000 names out of the dictionary lookup.
//
// Rules relied on:
// - Keys are lower-case, without tones or spaces; ü is written v, as pinyin input methods do.
// - 都 is read dū in Guizhou's division names (都匀市, 三都水族自治县); the dictionary's dōu is
//   right for the word 都 ("all") but not for these places.
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
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true }).map((s, i) => PLACE_READINGS[chars[i]] ?? s.toLowerCase());
  return { full: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
}

/** What a typed query becomes for comparison with pinyin keys: lower case, no spaces or apostrophes. */
export function pinyinQuery(query: string): string {
  return query.toLowerCase().replace(/[\s'’]/g, '').replace(/ü/g, 'v');
}
