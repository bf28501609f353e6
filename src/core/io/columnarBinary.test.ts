import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnArray, StoredDataset } from '../storedDataset';
import { decodeColumnar, encodeColumnar } from './columnarBinary';

const dataset = (columns: Record<string, ColumnArray>, more: Partial<StoredDataset> = {}): StoredDataset => ({
  id: 'd1',
  name: '贵阳行政村 2024',
  layer: 'villages',
  rowCount: 3,
  importedAt: '2024-05-01T08:00:00.000Z',
  sourceFile: 'villages.csv',
  datum: 'gcj02',
  sample: false,
  columns,
  ...more,
});

const bytesOf = (array: Exclude<ColumnArray, string[]>) =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength);

/** Same type and the same bytes (NaN payloads and −0 included), or the same strings (===). */
function expectSameColumns(actual: StoredDataset, expected: StoredDataset) {
  expect(Object.keys(actual.columns)).toEqual(Object.keys(expected.columns));
  for (const [name, column] of Object.entries(expected.columns)) {
    const decoded = actual.columns[name];
    if (Array.isArray(column)) {
      expect(Array.isArray(decoded), name).toBe(true);
      const strings = decoded as string[];
      expect(strings.length, name).toBe(column.length);
      const first = column.findIndex((text, i) => strings[i] !== text);
      expect(first, `${name}: first differing value`).toBe(-1);
    } else {
      expect(decoded.constructor, name).toBe(column.constructor);
      expect(bytesOf(decoded as typeof column).equals(bytesOf(column)), name).toBe(true);
    }
  }
}

const roundTrip = (original: StoredDataset) => decodeColumnar(encodeColumnar(original));

describe('columnar binary', () => {
  it('round-trips every column type, dictionaries and metadata', () => {
    const original = dataset(
      {
        lon: Float64Array.from([106.63, NaN, -0]),
        lat: Float32Array.from([26.65, 27.1, 25.9]),
        county: Int16Array.from([3, -1, 87]),
        population: Int32Array.from([-5, 0, 2 ** 31 - 1]),
        fiber: Uint8Array.from([1, 0, 255]),
        band: Uint16Array.from([0, 1, 65535]),
        sourceRow: Uint32Array.from([2, 3, 2 ** 32 - 1]),
        villageCode: ['520111100201', '', '522301100001'],
        name: ['\uFEFF花溪村', '𠀋𡈽村 😀', ''],
        note: ['\uD83D', '\uDE00 lone halves', 'x\uDC00'],
      },
      { dictionaries: { band: ['700M', '2.6G'], operator: [] } },
    );
    const decoded = roundTrip(original);
    const { columns: _decodedColumns, ...decodedMeta } = decoded;
    const { columns: _originalColumns, ...originalMeta } = original;
    expect(decodedMeta).toEqual(originalMeta);
    expectSameColumns(decoded, original);
  });

  it('keeps a column named like an object property as a column', () => {
    const original = dataset({ ['__proto__']: ['a', 'b', 'c'], constructor: Uint8Array.from([1, 2, 3]) });
    const decoded = roundTrip(original);
    expect(Object.getPrototypeOf(decoded.columns)).toBe(Object.prototype);
    expectSameColumns(decoded, original);
  });

  it('reads a body that does not start on an aligned byte, and answers independent columns', () => {
    const original = dataset({ lon: Float64Array.from([106.7, 107.2, 104.8]), name: ['x', 'y', 'z'] });
    const encoded = encodeColumnar(original);
    const shifted = new Uint8Array(encoded.byteLength + 3);
    shifted.set(encoded, 3);
    const decoded = decodeColumnar(shifted.subarray(3));
    expectSameColumns(decoded, original);
    expect((decoded.columns.lon as Float64Array).buffer.byteLength).toBe(24);
  });

  it('round-trips arbitrary datasets exactly, lone surrogates included', () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: codeUnit }), fc.constant(''));
    const column = fc.oneof(
      fc.float64Array(),
      fc.float32Array(),
      fc.int16Array(),
      fc.int32Array(),
      fc.uint8Array(),
      fc.uint16Array(),
      fc.uint32Array(),
      fc.array(text, { maxLength: 30 }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), column, { maxKeys: 6 }),
        fc.dictionary(fc.string(), fc.array(text, { maxLength: 5 }), { maxKeys: 3 }),
        fc.string({ unit: 'binary' }),
        (columns, dictionaries, name) => {
          const original = dataset(columns, { dictionaries, name });
          const decoded = roundTrip(original);
          expect(decoded.name).toBe(name);
          expect(decoded.dictionaries).toEqual(dictionaries);
          expectSameColumns(decoded, original);
        },
      ),
      { numRuns: 100 },
    );
  }, 30_000);

  describe('refuses a hostile body with a clear error', () => {
    const good = () =>
      encodeColumnar(dataset({ lon: Float64Array.from([106.7, 107.2, 104.8]), name: ['花溪', '乌当', ''] }));
    const headerOf = (bytes: Uint8Array) => {
      const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
      return JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length)));
    };
    /** The body with its header replaced (the column bodies stay where they were). */
    const withHeaderText = (bytes: Uint8Array, text: string) => {
      const json = new TextEncoder().encode(text);
      const oldLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
      const oldBodyStart = Math.ceil((12 + oldLength) / 8) * 8;
      const newBodyStart = Math.ceil((12 + json.byteLength) / 8) * 8;
      const out = new Uint8Array(newBodyStart + bytes.byteLength - oldBodyStart);
      out.set(bytes.subarray(0, 12));
      new DataView(out.buffer).setUint32(8, json.byteLength, true);
      out.set(json, 12);
      out.set(bytes.subarray(oldBodyStart), newBodyStart);
      return out;
    };
    const withHeader = (bytes: Uint8Array, header: unknown) => withHeaderText(bytes, JSON.stringify(header));
    /** Where column `index` starts in the whole body. */
    const columnStart = (bytes: Uint8Array, index: number) => {
      const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
      return Math.ceil((12 + length) / 8) * 8 + headerOf(bytes).columns[index].offset;
    };
    const cases: Array<[string, () => Uint8Array, RegExp]> = [
      ['empty', () => new Uint8Array(0), /GCAC/],
      ['JSON instead', () => new TextEncoder().encode('{"datasets":[]}'), /GCAC/],
      [
        'a later version',
        () => {
          const bytes = good();
          new DataView(bytes.buffer).setUint32(4, 2, true);
          return bytes;
        },
        /version 2/,
      ],
      [
        'a header length of 4 GB',
        () => {
          const bytes = good();
          new DataView(bytes.buffer).setUint32(8, 0xffffffff, true);
          return bytes;
        },
        /header is cut short/,
      ],
      ['a body cut short', () => good().subarray(0, good().byteLength - 5), /cut short/],
      ['a header of broken JSON', () => withHeaderText(good(), '{"id": "d1", "columns": ['), /not JSON/],
      ['a header that is a list', () => withHeader(good(), []), /not an object/],
      ['an unknown datum', () => withHeader(good(), { ...headerOf(good()), datum: 'utm' }), /datum/],
      [
        'a column past the end',
        () => {
          const header = headerOf(good());
          header.columns[0].offset = 2 ** 40;
          return withHeader(good(), header);
        },
        /past the end/,
      ],
      [
        'a count of a billion values',
        () => {
          const header = headerOf(good());
          header.columns[1].count = 1e9;
          return withHeader(good(), header);
        },
        /shorter than its offsets/,
      ],
      [
        'a typed column whose count does not match',
        () => {
          const header = headerOf(good());
          header.columns[0].count = 2;
          return withHeader(good(), header);
        },
        /does not match/,
      ],
      [
        'text offsets going backwards',
        () => {
          const bytes = good();
          // Offsets of "花溪", "乌当", "": 0 2 4 4 → 0 3 1 4.
          const offsets = new DataView(bytes.buffer, columnStart(bytes, 1));
          offsets.setUint32(4, 3, true);
          offsets.setUint32(8, 1, true);
          return bytes;
        },
        /backwards/,
      ],
      [
        'invalid UTF-8',
        () => {
          const bytes = good();
          bytes[bytes.byteLength - 1] = 0xff;
          return bytes;
        },
        /UTF-8/,
      ],
      [
        'a column listed twice',
        () => {
          const header = headerOf(good());
          header.columns[1].name = 'lon';
          return withHeader(good(), header);
        },
        /twice/,
      ],
    ];
    it.each(cases)('%s', (_, make, message) => {
      expect(() => decodeColumnar(make())).toThrow(message);
    });

    it('never crashes on random damage: an Error or a dataset', () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
          fc.option(fc.nat(), { nil: undefined }),
          (damage, cut) => {
            const bytes = good();
            for (const [at, value] of damage) bytes[at % bytes.byteLength] = value;
            const input = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.byteLength);
            try {
              decodeColumnar(input);
            } catch (error) {
              expect(error).toBeInstanceOf(Error);
              expect((error as Error).message).toMatch(/^not a valid columnar dataset/);
            }
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});
