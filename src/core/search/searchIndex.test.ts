import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { AreaIndex } from '../areas';
import { buildSearchIndex, codeRange, search } from './searchIndex';

// The real geodata: the index is only read by the tests, never changed.
const areas: AreaIndex = JSON.parse(readFileSync('geodata/areas.json', 'utf8'));
const villagesCsv = readFileSync('geodata/villages.csv', 'utf8');
const index = buildSearchIndex(areas, villagesCsv);

const first = (query: string) => search(index, query)[0];
const names = (query: string, limit?: number) => search(index, query, limit).map((h) => h.name);

describe('areas', () => {
  test.each(['息烽', '息烽县', '520122', 'xifeng', 'xi feng', 'XiFeng', 'xf', 'xifengxian', '５２０１２２'])(
    '%s finds 息烽县 first',
    (query) => {
      expect(first(query)).toEqual({
        kind: 'county',
        code: '520122',
        name: '息烽县',
        adcode: '520122',
        prefectureName: '贵阳市',
        countyName: '息烽县',
        townshipName: '',
      });
    },
  );

  test('a prefecture by full pinyin', () => {
    expect(first('zunyi')).toMatchObject({
      kind: 'prefecture',
      name: '遵义市',
      adcode: '520300',
      countyName: '',
    });
  });

  test('都 in a place name is read dū', () => {
    expect(first('duyun')?.name).toBe('都匀市');
    expect(names('sandu')).toContain('三都水族自治县');
  });

  test('a part of a long name finds the autonomous prefecture', () => {
    expect(first('黔东南')).toMatchObject({ kind: 'prefecture', adcode: '522600' });
  });
});

describe('villages', () => {
  test('by its 12-digit code, with its township, county and prefecture', () => {
    expect(search(index, '520122104202')).toEqual([
      {
        kind: 'village',
        code: '520122104202',
        name: '林丰村',
        adcode: '520122',
        prefectureName: '贵阳市',
        countyName: '息烽县',
        townshipName: '西山镇',
      },
    ]);
  });

  test('by name', () => {
    expect(first('团元山村')).toMatchObject({
      kind: 'village',
      code: '520122104203',
      townshipName: '西山镇',
    });
  });

  test('a code of 9 digits finds the township, then lists its villages in code order', () => {
    const [township, ...hits] = search(index, '520122104', 100);
    expect(township).toMatchObject({ kind: 'township', code: '520122104', name: '西山镇' });
    expect(hits.length).toBeGreaterThan(1);
    expect(
      hits.every(
        (h) => h.kind === 'village' && h.code.startsWith('520122104') && h.townshipName === '西山镇',
      ),
    ).toBe(true);
    expect(hits.map((h) => h.code)).toEqual(hits.map((h) => h.code).sort());
  });

  test('a 12-digit code that does not exist finds nothing', () => {
    expect(search(index, '520122999999')).toEqual([]);
  });

  test('the code range of a prefix is the codes that start with it', () => {
    const codes = Float64Array.of(520122104201, 520122104202, 520122105001, 520123001001);
    expect(codeRange(codes, '520122104')).toEqual([0, 2]);
    expect(codeRange(codes, '520122105001')).toEqual([2, 3]);
    expect(codeRange(codes, '52')).toEqual([0, 4]);
    expect(codeRange(codes, '6')).toEqual([4, 4]);
  });
});

describe('townships', () => {
  const jiabang = {
    kind: 'township',
    code: '522633205',
    name: '加榜乡',
    adcode: '522633',
    prefectureName: '黔东南苗族侗族自治州',
    countyName: '从江县',
    townshipName: '加榜乡',
  };

  test.each(['加榜乡', '加榜', '522633205', 'jiabangxiang', 'jia bang', 'jbx'])(
    '%s finds 加榜乡 first',
    (query) => {
      expect(first(query)).toEqual(jiabang);
    },
  );

  test('an exact township name comes before the villages named after it', () => {
    const hits = search(index, '加榜', 200);
    expect(hits[0]).toEqual(jiabang);
    expect(hits.slice(1).every((h) => h.kind === 'village')).toBe(true);
  });

  test('a name shared by townships of two counties finds both, each with its own county', () => {
    const townships = search(index, '西山镇', 200).filter((h) => h.kind === 'township');
    expect(townships.map((h) => [h.code, h.countyName, h.adcode])).toEqual([
      ['520122104', '息烽县', '520122'],
      ['522633105', '从江县', '522633'],
    ]);
  });

  test('a county outranks a township in the same tier', () => {
    // 西秀区 starts with 西, as do many townships.
    const hits = search(index, '西', 200);
    const firstTownship = hits.findIndex((h) => h.kind === 'township');
    expect(hits.slice(0, firstTownship).every((h) => h.kind === 'prefecture' || h.kind === 'county')).toBe(
      true,
    );
    expect(hits.map((h) => h.name)).toContain('西秀区');
  });

  test('every township of villages.csv is indexed once, with its county', () => {
    const townships = index.places.filter((p) => p.kind === 'township');
    const expected = new Set(
      villagesCsv
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',').slice(2, 5).join(',')),
    );
    expect(townships).toHaveLength(expected.size);
    expect(new Set(townships.map((t) => `${t.code},${t.name},${t.adcode}`))).toEqual(expected);
  });
});

describe('ranking', () => {
  test('an exact adcode comes before the townships, then the villages whose codes start with it', () => {
    const hits = search(index, '520122', 200);
    expect(hits[0].kind).toBe('county');
    const kinds = hits.slice(1).map((h) => h.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => (a === b ? 0 : a === 'township' ? -1 : 1)));
    expect(kinds).toContain('township');
    expect(kinds).toContain('village');
    expect(hits.slice(1).every((h) => h.code.startsWith('520122') && h.adcode === '520122')).toBe(true);
  });

  test('exact name, then name prefix, then substring', () => {
    const hits = search(index, '田坝村', 200);
    const tierOf = (name: string) => (name === '田坝村' ? 0 : name.startsWith('田坝村') ? 1 : 2);
    const tiers = hits.map((h) => tierOf(h.name));
    expect(tiers).toEqual([...tiers].sort());
    expect(new Set(tiers).size).toBe(3);
  });

  test('a name prefix comes before a pinyin match; areas before townships before villages', () => {
    // 兴仁市 starts with the characters; the pinyin "xingren" matches nothing else.
    const hits = search(index, '兴', 200);
    expect(hits.slice(0, 2).map((h) => h.name)).toEqual(['兴义市', '兴仁市']);
    const rest = hits.slice(2).map((h) => h.kind);
    const firstVillage = rest.indexOf('village');
    expect(rest.slice(0, firstVillage).every((k) => k === 'township')).toBe(true);
    expect(rest.slice(0, firstVillage).length).toBeGreaterThan(0);
  });

  test('prefectures come before counties in the same tier', () => {
    const hits = search(index, 'tong');
    expect(hits[0]).toMatchObject({ kind: 'prefecture', name: '铜仁市' });
    expect(hits.slice(1).map((h) => h.name)).toContain('桐梓县');
  });

  test('at most `limit` results, 20 by default', () => {
    expect(search(index, '村')).toHaveLength(20);
    expect(search(index, '村', 5)).toHaveLength(5);
    expect(search(index, 'x').length).toBeLessThanOrEqual(20);
  });
});

describe('odd input', () => {
  test.each(['', '   ', '\t\n', '　'])('a blank query %j finds nothing', (query) => {
    expect(search(index, query)).toEqual([]);
  });

  test.each([
    '.*',
    '(',
    '[',
    '\\',
    '%',
    '💡',
    '52012210420212345',
    '-1',
    '1e5',
    'NaN',
    '\u0000',
    '<img src=x>',
  ])('%j does not throw', (query) => {
    expect(() => search(index, query)).not.toThrow();
  });

  test('a 10,000-character query does not throw', () => {
    expect(search(index, 'x'.repeat(10_000))).toEqual([]);
  });

  test('a code longer than 12 digits finds nothing', () => {
    expect(search(index, '5201221042021')).toEqual([]);
  });

  test('a limit of 0, negative or NaN does not throw', () => {
    expect(search(index, '息烽', 0)).toEqual([]);
    expect(search(index, '息烽', -3)).toEqual([]);
    expect(search(index, '息烽', Number.NaN)[0]?.name).toBe('息烽县');
  });
});
