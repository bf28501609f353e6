import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { pdfTextString, predictedRgbRows, singleImagePdf } from './pdf';

/** Undoes the PNG predictors (None, Sub, Up, Average, Paeth) as a PDF reader does, per the PNG spec. */
function unpredict(data: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 3,
    out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const raw = data[y * (stride + 1) + 1 + i];
      const a = i >= 3 ? out[y * stride + i - 3] : 0,
        b = y > 0 ? out[(y - 1) * stride + i] : 0,
        c = i >= 3 && y > 0 ? out[(y - 1) * stride + i - 3] : 0;
      const p = a + b - c,
        pa = Math.abs(p - a),
        pb = Math.abs(p - b),
        pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      out[y * stride + i] = (raw + predictor) & 0xff;
    }
  }
  return out;
}

const rgbOf = (rgba: Uint8Array) => rgba.filter((_, i) => i % 4 !== 3);
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

test('predicted rows decode back to the RGB samples, alpha dropped, each row led by Sub or Up', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1, max: 7 }),
      fc.infiniteStream(fc.integer({ min: 0, max: 255 })),
      (width, height, stream) => {
        const rgba = Uint8Array.from(stream.take(width * height * 4));
        const rows = predictedRgbRows(rgba, width, height);
        expect(rows.length).toBe(height * (width * 3 + 1));
        for (let y = 0; y < height; y++) expect([1, 2]).toContain(rows[y * (width * 3 + 1)]);
        expect(unpredict(rows, width, height)).toEqual(rgbOf(rgba));
      },
    ),
  );
});

test('a flat image predicts to zeros after the first pixel', () => {
  const rgba = new Uint8Array(4 * 4 * 3).fill(200);
  const rows = predictedRgbRows(rgba, 4, 3);
  expect([...rows.slice(1 + 3, 13)]).toEqual(new Array(9).fill(0));
  for (const y of [1, 2]) expect([...rows.slice(y * 13, y * 13 + 13)]).toEqual([2, ...new Array(12).fill(0)]);
});

test('titles are UTF-16BE hex strings with a byte-order mark', () => {
  expect(pdfTextString('贵州 5G')).toBe('<FEFF8D355DDE002000350047>');
});

function onePagePdf() {
  const width = 6,
    height = 4;
  const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37) % 256);
  const data = new Uint8Array(deflateSync(predictedRgbRows(rgba, width, height)));
  const bytes = singleImagePdf({
    widthPt: 841.89,
    heightPt: 595.28,
    image: { width, height, data, filter: 'FlateDecode' },
    title: '每万人 5G 基站数 · 贵州省',
    created: new Date(Date.UTC(2025, 5, 1, 8, 30)),
  });
  return { bytes, text: latin1(bytes), rgba, data, width, height };
}

test('one A4 landscape page whose image fills the page', () => {
  const { text } = onePagePdf();
  expect(text.startsWith('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')).toBe(true);
  expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
  expect(text).toContain('/Count 1');
  expect(text).toContain('/MediaBox [0 0 841.89 595.28]');
  expect(text).toContain('q 841.89 0 0 595.28 0 0 cm /Im0 Do Q');
  expect(text).toContain(
    '/Width 6 /Height 4 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns 6 >>',
  );
  expect(text).toContain('/CreationDate (D:20250601083000Z)');
  expect(text.endsWith('%%EOF\n')).toBe(true);
});

test('the cross-reference table points at every object, and startxref at the table', () => {
  const { text } = onePagePdf();
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
  const table = text.slice(startxref).split('\n');
  expect(table[1]).toBe('0 7');
  expect(table[2]).toBe('0000000000 65535 f ');
  for (let n = 1; n <= 6; n++) {
    const entry = table[2 + n];
    expect(entry).toMatch(/^\d{10} 00000 n $/);
    expect(text.slice(Number(entry.slice(0, 10))).startsWith(`${n} 0 obj\n`)).toBe(true);
  }
  expect(text).toMatch(/trailer\n<< \/Size 7 \/Root 1 0 R \/Info 6 0 R >>/);
});

test('each stream is as long as its /Length says, and the image decodes to the pixels', () => {
  const { text, bytes, rgba, width, height } = onePagePdf();
  const streams = [...text.matchAll(/\/Length (\d+) >>\nstream\n/g)];
  expect(streams).toHaveLength(2);
  for (const match of streams) {
    const start = match.index! + match[0].length,
      length = Number(match[1]);
    expect(text.slice(start + length, start + length + 10)).toBe('\nendstream');
  }
  const image = streams[1];
  const start = image.index! + image[0].length;
  const samples = inflateSync(bytes.slice(start, start + Number(image[1])));
  expect(unpredict(new Uint8Array(samples), width, height)).toEqual(rgbOf(rgba));
});

test('a JPEG goes in as DCTDecode without predictor parameters', () => {
  const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xd9);
  const text = latin1(
    singleImagePdf({
      widthPt: 960,
      heightPt: 540,
      image: { width: 1, height: 1, data: jpeg, filter: 'DCTDecode' },
    }),
  );
  expect(text).toContain('/Filter /DCTDecode /Length 4 >>');
  expect(text).toContain('/MediaBox [0 0 960 540]');
  expect(text).not.toContain('/Title');
});
