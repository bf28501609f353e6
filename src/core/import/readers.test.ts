import { xmldomParser } from './xmlParser';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fixture } from '../../../test/fixtures/import/context';
import { junkBytes, zipStored } from '../../../test/fixtures/import/make-fixtures';
import { InputError } from '../io/table';
import { nearUtf8Stations, wideCsv, zipArchive, zipBomb } from './hostileFiles.testing';
import { MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_SHEET_CELLS } from './limits';
import { readFile, readFileNow } from './readers';
import { cpgEncoding } from './shapefile';
import { listZip } from './unzip';

const parseXml = xmldomParser;

const read = (name: string, bytes: Uint8Array = fixture(name)) => readFile(name, bytes, { parseXml });
const text = (s: string) => new TextEncoder().encode(s);

async function failure(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('CSV and text', () => {
  test('GBK', async () => {
    const table = await read('stations-gbk.csv');
    expect(table.encoding).toBe('gb18030');
    expect(table.header).toEqual(['站号', '名称', '运营商', '制式', '频段', '建成年份', '经度', '纬度']);
    expect(table.rows[0].slice(0, 3)).toEqual(['G-1', '南明区5G站', '中国移动']);
  });
  test('UTF-8 with BOM: the BOM is not part of the first column name', async () => {
    const table = await read('villages-bom.csv');
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.header[0]).toBe('村代码');
    expect(table.rows[0][5]).toBe('✓');
  });
  test('semicolons, with a semicolon inside quotes', async () => {
    const table = await read('stations-semicolon.csv');
    expect(table.header).toEqual(['id', 'name', 'operator', 'band', 'lon', 'lat']);
    expect(table.rows[0][1]).toBe('Guanshanhu; north');
  });
  test('tabs in a .txt', async () => {
    const table = await read('stations-tab.txt');
    expect(table.header).toEqual(['id', 'name', 'technology', 'lon', 'lat']);
    expect(table.rows[1]).toEqual(['T-2', '云岩站', 'LTE', '106.7096', '26.5865']);
  });
  test('quoted newlines keep their text and the row numbers of the lines the rows start on', async () => {
    const table = await read('quoted-newlines.csv');
    expect(table.rows[0][1]).toBe('南明站\n(二期)');
    expect(table.rows[1][2]).toBe('say "hi"');
    expect(table.rowNumbers).toEqual([2, 5]);
  });
  test('markup in names comes through verbatim, as data', async () => {
    const table = await read('xss.csv');
    expect(table.rows[0][1]).toBe('<img src=x onerror=alert(1)>');
    expect(table.rows[1][1]).toBe(`<script>alert('x')</script>, "quoted"`);
  });
});

describe('XLSX', () => {
  test('first sheet, title row skipped, Excel dates as yyyy-mm-dd, numbers without float noise', async () => {
    const table = await read('stations.xlsx');
    expect(table.format).toBe('xlsx');
    expect(table.header).toEqual(['站号', '名称', '运营商', '频段', '经度', '纬度', '开通日期']);
    expect(table.rows[0]).toEqual([
      'X-1',
      '观山湖站',
      '中国移动',
      'n41',
      '106.6251',
      '26.6468',
      '2021-03-15',
    ]);
    expect(table.rows[1][6]).toBe('2023-12-31');
    expect(table.rowNumbers).toEqual([3, 4, 5]);
  });
  test('a ZIP named .xlsx without a workbook', async () => {
    const error = await failure(read('not.xlsx', zipStored([['a.txt', text('hello')]])));
    expect(error.code).toBe('invalid-xlsx');
  });
});

describe('GeoJSON and KML', () => {
  test('polygons and missing geometries stay as rows with a problem', async () => {
    const table = await read('places.geojson');
    expect(table.header).toEqual(['lon', 'lat', 'name', 'level', 'covered']);
    expect(table.rows.map((r) => r[2])).toEqual(['黄果树旅游区', '梵净山', '无位置']);
    expect(table.rows[0].slice(0, 2)).toEqual(['105.66542', '25.99184']);
    expect(table.rowProblems).toEqual([
      { code: 'not-a-point', row: 2, column: 'geometry', params: { geometryType: 'Polygon' } },
      { code: 'no-geometry', row: 3, column: 'geometry', params: { feature: 3 } },
    ]);
  });
  test('KML as QGIS exports it: name plus SimpleData columns, styles left out', async () => {
    const table = await read('stations-qgis.kml');
    expect(table.header).toEqual(['lon', 'lat', 'name', 'id', '运营商', '频段', '建成年份']);
    expect(table.rows).toEqual([
      ['106.6251', '26.6468', '观山湖站', 'K-1', '中国移动', 'n41', '2021'],
      ['106.6703', '26.4097', '花溪站', 'K-2', '中国电信', 'n78', ''],
    ]);
  });
  test('malformed KML', async () => {
    expect((await failure(read('bad.kml', text('<kml><Placemark><name>x</Placemark>')))).code).toBe(
      'invalid-kml',
    );
  });
  test('KML without a parser (Node, none injected)', async () => {
    expect((await failure(readFile('a.kml', fixture('stations-qgis.kml')))).code).toBe('invalid-kml');
  });
  test('JSON that is not GeoJSON, and broken JSON', async () => {
    expect((await failure(read('a.json', text('[1,2]')))).code).toBe('not-geojson');
    expect((await failure(read('a.geojson', text('{"type":')))).code).toBe('invalid-json');
  });
});

describe('zipped Shapefile', () => {
  const expected = [
    ['106.7123', '26.5775', '520102016001', '纪念塔社区', '是', '否'],
    ['106.713', '26.579', '520102016002', '新华路社区', '是', '是'],
    ['106.714', '26.576', '520102016003', '甲秀楼社区', '否', '无'],
  ];
  test('GBK attributes and field names, with a .cpg of "936"', async () => {
    const table = await read('villages-gbk.zip');
    expect(table).toMatchObject({ format: 'shapefile', encoding: 'gb18030', crs: 'GCS_WGS_1984' });
    expect(table.header).toEqual(['lon', 'lat', '村代码', '名称', '光纤', '千兆']);
    expect(table.rows).toEqual(expected);
  });
  test('GBK without a .cpg: detected because the bytes are not UTF-8', async () => {
    const table = await read('villages-gbk-no-cpg.zip');
    expect(table.encoding).toBe('gb18030');
    expect(table.rows).toEqual(expected);
  });
  test('UTF-8 without a .cpg, deflated (as shp-write zips it)', async () => {
    const table = await read('stations-utf8-deflate.zip');
    expect(table.encoding).toBe('utf-8');
    expect(table.header).toEqual(['lon', 'lat', 'id', '名称']);
    expect(table.rows[1]).toEqual(['106.6703', '26.4097', 'U-2', '花溪站']);
  });
  test('a projected .prj fails, naming the system', async () => {
    const error = await failure(read('projected.zip'));
    expect(error.code).toBe('projected-crs');
    expect(error.params.crs).toBe('CGCS2000_3_Degree_GK_CM_105E');
  });
  test('a ZIP without a .shp', async () => {
    expect((await failure(read('a.zip', zipStored([['readme.txt', text('x')]])))).code).toBe('no-shapefile');
  });
  test('.cpg labels', () => {
    expect(['936', 'ANSI 936', 'GBK', 'gb2312', 'CP936'].map(cpgEncoding)).toEqual(Array(5).fill('gb18030'));
    expect(['UTF-8', 'utf8', '65001'].map(cpgEncoding)).toEqual(Array(3).fill('utf-8'));
    expect(cpgEncoding('1252')).toBe('windows-1252');
    expect(cpgEncoding('nonsense')).toBeNull();
  });
  test('ZIP entry names in GBK (no UTF-8 flag) are read as GBK', () => {
    const zip = zipStored([['x.shp', text('')]]);
    // Patch both copies of the name to the GBK bytes of "站点" padded: same length as "x.shp" + 0.
    const gbk = [0xd5, 0xbe, 0xb5, 0xe3, 0x2e];
    for (let i = 0; i + 5 <= zip.length; i++)
      if (String.fromCharCode(...zip.subarray(i, i + 5)) === 'x.shp') zip.set(gbk, i);
    expect(listZip(zip).map((e) => e.name)).toEqual(['站点.']);
  });
});

describe('files that are not data', () => {
  test.each([
    ['empty.csv', 'empty-file'],
    ['junk.bin', 'binary-file'],
    ['page.csv', 'html-page'],
  ])('%s → %s', async (name, code) => {
    expect((await failure(read(name))).code).toBe(code);
  });
  test('only whitespace is empty', async () => {
    expect((await failure(read('a.csv', text(' \r\n\r\n')))).code).toBe('empty-file');
  });
  test('a header and no rows', async () => {
    expect((await failure(read('a.csv', text('lon,lat\r\n')))).code).toBe('no-rows');
  });
  test('an unclosed quote names its row', async () => {
    const error = await failure(read('a.csv', text('a,b\n1,2\n"3,4\n')));
    expect(error).toMatchObject({ code: 'unclosed-quote', params: { row: 3 } });
  });
  test('old binary Excel', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...junkBytes(100)]);
    expect((await failure(read('a.xls', bytes))).params.format).toBe('xls');
  });
  test('random bytes under any name reject with InputError only', async () => {
    const names = ['a.csv', 'a.txt', 'a.xlsx', 'a.zip', 'a.kml', 'a.geojson', 'a.json', 'a', 'a.xls'];
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom(...names),
        fc.boolean(),
        async (bytes, name, zipMagic) => {
          const input = zipMagic ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
          try {
            await read(name, input);
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('encodings and hostile text', () => {
  const utf8Rows = (n: number) =>
    text(Array.from({ length: n }, (_, i) => `S${i},南明站${i},106.7,26.5\n`).join(''));
  const gbkLine = () => {
    const gbk = fixture('stations-gbk.csv');
    return gbk.subarray(gbk.indexOf(0x0a) + 1, gbk.indexOf(0x0a, gbk.indexOf(0x0a) + 1) + 1);
  };
  const join = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));

  test('a row with bytes that are not UTF-8 keeps an invalid-bytes problem naming its column', async () => {
    const table = await read('a.csv', join(text('id,name,lon,lat\n'), utf8Rows(3), gbkLine()));
    expect(table.encoding).toBe('utf-8');
    expect(table.rowProblems).toEqual([
      expect.objectContaining({ code: 'invalid-bytes', row: 5, column: 'name', params: expect.anything() }),
    ]);
  });
  test('a header with such bytes fails the file, unless the encoding is forced', async () => {
    const bytes = join(gbkLine(), utf8Rows(5));
    expect((await failure(read('a.csv', bytes))).code).toBe('invalid-header-bytes');
    const forced = await readFile('a.csv', bytes, { encoding: 'utf-8' });
    expect(forced.header[1]).toContain('\uFFFD');
  });
  test('a file mixing UTF-8 and GBK lines fails, naming the first line', async () => {
    const lines = Array.from({ length: 10 }, gbkLine);
    const error = await failure(read('a.csv', join(text('id,name,lon,lat\n'), utf8Rows(10), ...lines)));
    expect(error).toMatchObject({ code: 'mixed-encoding', params: { firstLine: 12, otherLines: 10 } });
  });
  test('GeoJSON and KML nested past the limit fail before parsing', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const geojson = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"a":${deep}}}]}`;
    expect((await failure(read('a.geojson', text(geojson)))).code).toBe('too-deeply-nested');
    const kml = `<kml><Document>${'<Folder>'.repeat(10_000)}</Document></kml>`;
    expect((await failure(read('a.kml', text(kml)))).params).toMatchObject({ format: 'XML', line: 1 });
  });
  test('a stray escape character in a small text file is text, not binary', async () => {
    const table = await read('a.csv', text('na\u001b[31mme,lon,lat\nA,106.7,26.5\n'));
    expect(table.header[0]).toBe('na\u001b[31mme');
  });
  test('readFileNow reads text formats at once and refuses a ZIP', () => {
    expect(readFileNow('a.csv', text('lon,lat\n106.7,26.5\n')).rows).toEqual([['106.7', '26.5']]);
    expect(() => readFileNow('a.xlsx', fixture('stations.xlsx'))).toThrow(/not supported/);
  });
});

describe('ZIP archives that unpack to too much', () => {
  const centralHeaders = (zip: Uint8Array) => {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const at: number[] = [];
    for (let i = 0; i + 4 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) at.push(i);
    return { view, at };
  };
  test('an entry stops unpacking at the limit, stored or deflated', async () => {
    const zeros = new Uint8Array(10_000);
    const stored = listZip(zipStored([['a.dbf', zeros]]))[0];
    await expect(stored.read(1_000)).rejects.toMatchObject({ reason: 'entry-too-large', entry: 'a.dbf' });
    const deflated = zipStored([['b.dbf', new Uint8Array(deflateRawSync(zeros))]]);
    deflated[8] = 8; // the local header's method
    const { view, at } = centralHeaders(deflated);
    view.setUint16(at[0] + 10, 8, true);
    view.setUint32(at[0] + 24, 10_000, true); // the size it unpacks to
    const entry = listZip(deflated)[0];
    expect((await entry.read()).length).toBe(10_000);
    await expect(entry.read(1_000)).rejects.toMatchObject({ reason: 'entry-too-large' });
  });
  test('a workbook declaring gigabytes is refused before it is unpacked, naming the size and the limit', async () => {
    const xlsx = fixture('stations.xlsx').slice();
    const { view, at } = centralHeaders(xlsx);
    view.setUint32(at[0] + 24, 0xfffffff0, true);
    const error = await failure(read('big.xlsx', xlsx));
    expect(error).toMatchObject({ code: 'xlsx-too-large', params: { limitMb: 200 } });
    expect(error.params.sizeMb).toBeGreaterThan(4_000);
  });
});

describe('hostile files: encodings shown honestly', () => {
  test('20,001 UTF-8 rows with two stray bytes at the end: UTF-8, the bad row reported, Chinese intact', async () => {
    const table = await read('near-utf8.csv', nearUtf8Stations());
    expect(table.encoding).toBe('utf-8');
    expect(table.rows).toHaveLength(20_001);
    expect(table.rows[0][1]).toBe('贵阳基站0');
    expect(table.rowProblems).toEqual([
      {
        code: 'invalid-bytes',
        row: 20_002,
        column: '纬度',
        params: { value: expect.stringMatching(/\uFFFD$/), encoding: 'UTF-8' },
      },
    ]);
  });
  test('a stray NUL does not make a text file binary: its row is reported', async () => {
    const table = await read('nul.csv', text('name,lon,lat\nA\u0000B,106.7,26.5\nC,106.7,26.5\n'));
    expect(table.rowProblems).toEqual([
      {
        code: 'invalid-bytes',
        row: 2,
        column: 'name',
        params: { value: 'A\uFFFDB', encoding: 'UTF-8', nul: 1 },
      },
    ]);
  });
  test('a mixed file is refused with its first such line read both ways', async () => {
    const gbk = fixture('stations-gbk.csv');
    const gbkLine = gbk.subarray(gbk.indexOf(0x0a) + 1, gbk.indexOf(0x0a, gbk.indexOf(0x0a) + 1) + 1);
    const utf8Rows = text(Array.from({ length: 10 }, (_, i) => `S${i},南明站${i},106.7,26.5\n`).join(''));
    const bytes = new Uint8Array([
      ...text('id,name,lon,lat\n'),
      ...utf8Rows,
      ...Array(10)
        .fill([...gbkLine])
        .flat(),
    ]);
    const error = await failure(read('mixed.csv', bytes));
    expect(error).toMatchObject({ code: 'mixed-encoding', params: { firstLine: 12 } });
    expect(String(error.params.sampleGb18030)).toMatch(/^G-1,/);
    expect(String(error.params.sampleUtf8)).toContain('\uFFFD');
  });
});

describe('hostile files: limits before work', () => {
  // stations.xlsx's parts, with its first sheet's XML changed.
  async function workbook(changeSheet: (xml: string) => string, declared: Record<string, number> = {}) {
    const parts = await Promise.all(
      listZip(fixture('stations.xlsx')).map(async (e) => ({ name: e.name, bytes: await e.read() })),
    );
    return zipArchive(
      parts.map((part) => ({
        name: part.name,
        bytes:
          part.name === 'xl/worksheets/sheet1.xml'
            ? text(changeSheet(new TextDecoder().decode(part.bytes)))
            : part.bytes,
        declaredBytes: declared[part.name],
      })),
    );
  }
  const addRow = (row: string) => (xml: string) => xml.replace('</sheetData>', `${row}</sheetData>`);

  test('a file over the size limit is refused before it is looked at', async () => {
    const error = await failure(read('huge.csv', new Uint8Array(MAX_FILE_BYTES + 1)));
    expect(error).toMatchObject({ code: 'file-too-large', params: { sizeMb: 512, limitMb: 512 } });
  });
  test('a 600-column CSV', async () => {
    expect((await failure(read('wide.csv', wideCsv(600)))).params).toMatchObject({
      columns: 600,
      limit: 500,
    });
  });
  test('an XLSX whose shared strings declare 300 MB is refused before it is unpacked', async () => {
    const xlsx = await workbook((xml) => xml, { 'xl/sharedStrings.xml': 300_000_000 });
    expect(await failure(read('big.xlsx', xlsx))).toMatchObject({
      code: 'xlsx-too-large',
      params: { sizeMb: 300, limitMb: 200 },
    });
  });
  test('an XLSX cell of 1 MB is a row problem, clipped', async () => {
    const xlsx = await workbook(
      addRow(
        `<row r="6"><c r="A6" t="inlineStr"><is><t>${'x'.repeat(1_000_000)}</t></is></c><c r="B6" t="inlineStr"><is><t>y</t></is></c></row>`,
      ),
    );
    const table = await read('long-cell.xlsx', xlsx);
    expect(table.rowProblems).toEqual([
      { code: 'cell-too-long', row: 6, column: '站号', params: { length: 1_000_000, limit: MAX_CELL_CHARS } },
    ]);
    expect(table.rows.at(-1)![0].length).toBeLessThan(200);
  });
  test('one XLSX cell far out (ZZ200000) is refused before the reader pads 140 million cells', async () => {
    const started = performance.now();
    const error = await failure(
      read('far.xlsx', await workbook(addRow('<row r="200000"><c r="ZZ200000"><v>1</v></c></row>'))),
    );
    expect(error).toMatchObject({ code: 'too-many-columns', params: { columns: 702 } });
    expect(performance.now() - started).toBeLessThan(2_000);
    const tall = await failure(
      read('tall.xlsx', await workbook(addRow('<row r="100000"><c r="KN100000"><v>1</v></c></row>'))),
    );
    expect(tall).toMatchObject({
      code: 'too-many-cells',
      params: { rows: 100_000, columns: 300, limit: MAX_SHEET_CELLS },
    });
  });
  test('a zipped Shapefile bomb: lying, refused as it passes its declared size; honest, before inflating', async () => {
    const started = performance.now();
    const lying = await failure(read('bomb.zip', zipBomb(4 * 1024 ** 3, 1_000)));
    expect(lying).toMatchObject({
      code: 'zip-larger-than-declared',
      params: { entry: 'bomb.shp', declaredMb: 0.001 },
    });
    const honest = await failure(read('bomb.zip', zipBomb(4 * 1024 ** 3)));
    expect(honest).toMatchObject({
      code: 'zip-entry-too-large',
      params: { entry: 'bomb.shp', sizeMb: 4295, limitMb: 512 },
    });
    expect(performance.now() - started).toBeLessThan(5_000);
  });
  test('a .dbf declaring 3,000,000 records is refused before it is parsed', async () => {
    const dbf = new Uint8Array(65);
    const view = new DataView(dbf.buffer);
    dbf[0] = 3;
    view.setUint32(4, 3_000_000, true);
    view.setUint16(8, 65, true);
    dbf[64] = 0x0d;
    const zip = zipArchive([
      { name: 'a.shp', bytes: new Uint8Array(100) },
      { name: 'a.dbf', bytes: dbf },
    ]);
    expect(await failure(read('a.zip', zip))).toMatchObject({
      code: 'too-many-rows',
      params: { rows: 3_000_000 },
    });
  });
});
