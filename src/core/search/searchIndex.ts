// Finding places by what a person types: prefectures, counties and the ~1,500 townships (乡镇、街道)
// by Chinese name, code, full pinyin or pinyin initials; the 17,964 village-level units by 12-digit
// NBS code or Chinese name.
//
// Rules relied on:
// - Matches rank in tiers: exact code, exact name, name prefix, pinyin prefix (areas and townships
//   only), then name substring or code prefix. Within a tier prefectures come before counties before
//   townships before villages; areas and townships by name length then code, villages by code.
// - A township is its 9-digit NBS code (the first 9 digits of its villages' codes) with its name
//   from geodata/villages.csv; choosing it selects its county, so its hit carries the county's adcode.
// - Division codes are decimal digits of fixed length (NBS), so a digit string of d ≤ 12 digits
//   selects one contiguous range of the sorted 12-digit village codes: an exact code or a
//   township's or county's villages are one binary search away.
// - Queries are normalised with NFKC (full-width ５２０１２２ is 520122) and lose their spaces.
import type { AreaIndex } from '../areas';
import { parseVillages, type TownshipTable, type VillageTable } from '../sample/layout';
import { pinyinKeys, pinyinQuery, type PinyinKeys } from './pinyin';

export type SearchKind = 'prefecture' | 'county' | 'township' | 'village';

/** One result: plain data, small, ready to cross from the worker to the page. */
export interface SearchHit {
  kind: SearchKind;
  /** The adcode of an area, the 9-digit code of a township, the 12-digit code of a village. */
  code: string;
  name: string;
  /** The area to select when the hit is chosen: the area itself, or a township's or village's county. */
  adcode: string;
  prefectureName: string;
  /** The county's name for a county, a township or a village; empty for a prefecture. */
  countyName: string;
  /** The township's name for a township (its own) or a village; empty for an area. */
  townshipName: string;
}

/** A prefecture, county or township: the places matched by name, pinyin and code. */
interface PlaceEntry {
  kind: 'prefecture' | 'county' | 'township';
  code: string;
  name: string;
  /** The area the hit selects (a township's county). */
  adcode: string;
  prefectureName: string;
  countyName: string;
  pinyin: PinyinKeys;
}

export interface SearchIndex {
  places: PlaceEntry[];
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
  const { villages, townships } = parseVillages(villagesCsv, areas.counties);
  const entries: PlaceEntry[] = [
    ...areas.prefectures.map((p) => ({
      kind: 'prefecture' as const,
      code: p.adcode,
      name: p.name,
      adcode: p.adcode,
      prefectureName: p.name,
      countyName: '',
      pinyin: pinyinKeys(p.name),
    })),
    ...areas.counties.map((c) => ({
      kind: 'county' as const,
      code: c.adcode,
      name: c.name,
      adcode: c.adcode,
      prefectureName: c.prefectureName,
      countyName: c.name,
      pinyin: pinyinKeys(c.name),
    })),
    ...townships.code.map((code, k) => {
      const county = areas.counties[townships.county[k]];
      return {
        kind: 'township' as const,
        code,
        name: townships.name[k],
        adcode: county.adcode,
        prefectureName: county.prefectureName,
        countyName: county.name,
        pinyin: pinyinKeys(townships.name[k]),
      };
    }),
  ];
  const codes = Float64Array.from(villages.code, Number);
  const villageOrder = Uint32Array.from(codes.keys()).sort((a, b) => codes[a] - codes[b]);
  const sortedCodes = Float64Array.from(villageOrder, (i) => codes[i]);
  const countyNames = new Map(
    areas.counties.map((c) => [c.adcode, { name: c.name, prefectureName: c.prefectureName }]),
  );
  return { places: entries, villages, townships, villageOrder, sortedCodes, countyNames };
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
  const matches = [...placeMatches(index, q)].sort(
    (a, b) =>
      a.tier - b.tier ||
      KIND_RANK[a.entry.kind] - KIND_RANK[b.entry.kind] ||
      a.entry.name.length - b.entry.name.length ||
      (a.entry.code < b.entry.code ? -1 : 1),
  );
  for (const { tier, entry } of matches) add(tier, placeHit(entry));
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

function* placeMatches(index: SearchIndex, q: string): Generator<{ tier: number; entry: PlaceEntry }> {
  const p = pinyinQuery(q);
  const latin = /^[a-z]+$/.test(p);
  const digits = /^\d+$/.test(q);
  for (const entry of index.places) {
    const tier =
      entry.code === q
        ? EXACT_CODE
        : entry.name === q
          ? EXACT_NAME
          : entry.name.startsWith(q)
            ? NAME_PREFIX
            : latin && (entry.pinyin.full.startsWith(p) || entry.pinyin.initials.startsWith(p))
              ? PINYIN
              : entry.name.includes(q) || (digits && entry.code.startsWith(q))
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

const KIND_RANK: Record<PlaceEntry['kind'], number> = { prefecture: 0, county: 1, township: 2 };

function placeHit(entry: PlaceEntry): SearchHit {
  return {
    kind: entry.kind,
    code: entry.code,
    name: entry.name,
    adcode: entry.adcode,
    prefectureName: entry.prefectureName,
    countyName: entry.countyName,
    townshipName: entry.kind === 'township' ? entry.name : '',
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
