// Finding places by what a person types: prefectures and counties by Chinese name, adcode, full
// pinyin or pinyin initials; the 17,964 village-level units by 12-digit NBS code or Chinese name.
//
// Rules relied on:
// - Matches rank in tiers: exact code, exact name, name prefix, pinyin prefix (areas only), then
//   name substring or code prefix. Within a tier prefectures come before counties before villages,
//   areas by name length then adcode, villages by code.
// - Division codes are decimal digits of fixed length (NBS), so a digit string of d ≤ 12 digits
//   selects one contiguous range of the sorted 12-digit village codes: an exact code or a
//   township's or county's villages are one binary search away.
// - Queries are normalised with NFKC (full-width ５２０１２２ is 520122) and lose their spaces.
import type { AreaIndex } from '../areas';
import { parseVillages, type TownshipTable, type VillageTable } from '../sample/layout';
import { pinyinKeys, pinyinQuery, type PinyinKeys } from './pinyin';

export type SearchKind = 'prefecture' | 'county' | 'village';

/** One result: plain data, small, ready to cross from the worker to the page. */
export interface SearchHit {
  kind: SearchKind;
  /** The adcode of an area, the 12-digit code of a village. */
  code: string;
  name: string;
  /** The area to select when the hit is chosen: the area itself, or a village's county. */
  adcode: string;
  prefectureName: string;
  /** The county's name for a county or a village; empty for a prefecture. */
  countyName: string;
  /** The township's name for a village; empty for an area. */
  townshipName: string;
}

interface AreaEntry {
  kind: 'prefecture' | 'county';
  adcode: string;
  name: string;
  prefectureName: string;
  pinyin: PinyinKeys;
}

export interface SearchIndex {
  areas: AreaEntry[];
  villages: VillageTable;
  townships: TownshipTable;
  /** Village rows in ascending code order, and their codes as numbers (12 digits fit a double exactly). */
  villageOrder: Uint32Array;
  sortedCodes: Float64Array;
  countyNames: Map<string, { name: string; prefectureName: string }>;
}

export const DEFAULT_SEARCH_LIMIT = 20;
const MAX_SEARCH_LIMIT = 200;
const CODE_DIGITS = 12;
const TIERS = 5;
const [EXACT_CODE, EXACT_NAME, NAME_PREFIX, PINYIN, SUBSTRING] = [0, 1, 2, 3, 4];

export function buildSearchIndex(areas: AreaIndex, villagesCsv: string): SearchIndex {
  const entries: AreaEntry[] = [
    ...areas.prefectures.map((p) => ({
      kind: 'prefecture' as const,
      adcode: p.adcode,
      name: p.name,
      prefectureName: p.name,
      pinyin: pinyinKeys(p.name),
    })),
    ...areas.counties.map((c) => ({
      kind: 'county' as const,
      adcode: c.adcode,
      name: c.name,
      prefectureName: c.prefectureName,
      pinyin: pinyinKeys(c.name),
    })),
  ];
  const { villages, townships } = parseVillages(villagesCsv, areas.counties);
  const codes = Float64Array.from(villages.code, Number);
  const villageOrder = Uint32Array.from(codes.keys()).sort((a, b) => codes[a] - codes[b]);
  const sortedCodes = Float64Array.from(villageOrder, (i) => codes[i]);
  const countyNames = new Map(
    areas.counties.map((c) => [c.adcode, { name: c.name, prefectureName: c.prefectureName }]),
  );
  return { areas: entries, villages, townships, villageOrder, sortedCodes, countyNames };
}

/** The best `limit` places for a query, best first; an empty or blank query finds nothing. */
export function search(index: SearchIndex, query: string, limit = DEFAULT_SEARCH_LIMIT): SearchHit[] {
  if (typeof query !== 'string') return [];
  const q = query.normalize('NFKC').replace(/\s+/g, '');
  const max = Number.isFinite(limit)
    ? Math.min(MAX_SEARCH_LIMIT, Math.max(0, Math.floor(limit)))
    : DEFAULT_SEARCH_LIMIT;
  if (q === '' || max === 0) return [];
  const tiers: SearchHit[][] = Array.from({ length: TIERS }, () => []);
  const add = (tier: number, hit: SearchHit) => {
    if (tiers[tier].length < max) tiers[tier].push(hit);
  };
  const matches = [...areaMatches(index, q)].sort(
    (a, b) =>
      a.tier - b.tier ||
      kindRank(a.entry) - kindRank(b.entry) ||
      a.entry.name.length - b.entry.name.length ||
      (a.entry.adcode < b.entry.adcode ? -1 : 1),
  );
  for (const { tier, entry } of matches) add(tier, areaHit(entry));
  if (/^\d+$/.test(q)) {
    if (q.length <= CODE_DIGITS) {
      const [from, to] = codeRange(index.sortedCodes, q);
      const tier = q.length === CODE_DIGITS ? EXACT_CODE : SUBSTRING;
      for (let k = from; k < Math.min(to, from + max); k++)
        add(tier, villageHit(index, index.villageOrder[k]));
    }
  } else {
    villageNameMatches(index, q, add);
  }
  return tiers.flat().slice(0, max);
}

function* areaMatches(index: SearchIndex, q: string): Generator<{ tier: number; entry: AreaEntry }> {
  const p = pinyinQuery(q);
  const latin = /^[a-z]+$/.test(p);
  for (const entry of index.areas) {
    const tier =
      entry.adcode === q
        ? EXACT_CODE
        : entry.name === q
          ? EXACT_NAME
          : entry.name.startsWith(q)
            ? NAME_PREFIX
            : latin && (entry.pinyin.full.startsWith(p) || entry.pinyin.initials.startsWith(p))
              ? PINYIN
              : entry.name.includes(q) || (/^\d+$/.test(q) && entry.adcode.startsWith(q))
                ? SUBSTRING
                : -1;
    if (tier !== -1) yield { tier, entry };
  }
}

/** One scan in code order; each tier keeps its first `max` villages, so no large sort is needed. */
function villageNameMatches(index: SearchIndex, q: string, add: (tier: number, hit: SearchHit) => void) {
  const { villages, villageOrder } = index;
  for (let k = 0; k < villageOrder.length; k++) {
    const i = villageOrder[k],
      name = villages.name[i];
    if (name === q) add(EXACT_NAME, villageHit(index, i));
    else if (name.startsWith(q)) add(NAME_PREFIX, villageHit(index, i));
    else if (name.includes(q)) add(SUBSTRING, villageHit(index, i));
  }
}

/** Positions [from, to) of the sorted codes that start with the digits of `prefix`. */
export function codeRange(sortedCodes: Float64Array, prefix: string): [number, number] {
  const scale = 10 ** (CODE_DIGITS - prefix.length);
  const low = Number(prefix) * scale;
  return [lowerBound(sortedCodes, low), lowerBound(sortedCodes, low + scale)];
}

function lowerBound(values: Float64Array, value: number): number {
  let lo = 0,
    hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const kindRank = (entry: AreaEntry) => (entry.kind === 'prefecture' ? 0 : 1);

function areaHit(entry: AreaEntry): SearchHit {
  return {
    kind: entry.kind,
    code: entry.adcode,
    name: entry.name,
    adcode: entry.adcode,
    prefectureName: entry.prefectureName,
    countyName: entry.kind === 'county' ? entry.name : '',
    townshipName: '',
  };
}

function villageHit({ villages, townships, countyNames }: SearchIndex, i: number): SearchHit {
  const county = countyNames.get(villages.countyAdcode[i]);
  return {
    kind: 'village',
    code: villages.code[i],
    name: villages.name[i],
    adcode: villages.countyAdcode[i],
    prefectureName: county?.prefectureName ?? '',
    countyName: county?.name ?? '',
    townshipName: townships.name[villages.township[i]],
  };
}
