// A one-page PDF holding one raster image that fills the page: all an exported map needs, written
// by hand (about sixty lines) instead of a PDF library.
// Rules: the cross-reference table counts bytes, so every part written as text is ASCII (the title,
// which may be Chinese, goes in as a UTF-16BE hex string); the image arrives compressed; Flate data
// carries PNG predictor bytes per row (Predictor 15), made by `predictedRgbRows`.

export interface PdfImage {
  width: number;
  height: number;
  /** Compressed samples: zlib-wrapped Flate of `predictedRgbRows`, or a baseline JPEG. */
  data: Uint8Array;
  filter: 'FlateDecode' | 'DCTDecode';
}

export interface PdfPage {
  widthPt: number;
  heightPt: number;
  image: PdfImage;
  title?: string;
  created?: Date;
}

const number = (value: number) => String(Number(value.toFixed(2)));

/** A PDF text string as UTF-16BE hex with a byte-order mark: safe for any characters. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

const pdfDate = (date: Date) => `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

export function singleImagePdf({
  widthPt,
  heightPt,
  image,
  title,
  created = new Date(),
}: PdfPage): Uint8Array {
  const w = number(widthPt),
    h = number(heightPt);
  const decode =
    image.filter === 'FlateDecode'
      ? ` /DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns ${image.width} >>`
      : '';
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  const objects: Array<string | [string, Uint8Array]> = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 5 0 R >> /ProcSet [/PDF /ImageC] >> /Contents 4 0 R >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    [
      `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /${image.filter}${decode} /Length ${image.data.length} >>\nstream\n`,
      image.data,
    ],
    `<< /Producer (Guizhou Coverage Atlas) /CreationDate (${pdfDate(created)})${title ? ` /Title ${pdfTextString(title)}` : ''} >>`,
  ];
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let length = 0;
  const write = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? encoder.encode(part) : part;
    parts.push(bytes);
    length += bytes.length;
  };
  // The second line's four high bytes tell transfer tools that the file is binary.
  write('%PDF-1.4\n%');
  write(Uint8Array.of(0xe2, 0xe3, 0xcf, 0xd3, 0x0a));
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    write(`${i + 1} 0 obj\n`);
    if (typeof object === 'string') write(object);
    else {
      write(object[0]);
      write(object[1]);
      write('\nendstream');
    }
    write('\nendobj\n');
  });
  const xref = length;
  write(
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`,
  );
  write(
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
  );
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Canvas RGBA pixels as RGB rows, each led by a PNG filter byte (Sub or Up, whichever leaves the
 * smaller residuals): Flate compresses these far better than raw samples. Alpha is dropped: the
 * composed page is opaque.
 */
export function predictedRgbRows(rgba: ArrayLike<number>, width: number, height: number): Uint8Array {
  const stride = width * 3;
  const out = new Uint8Array(height * (stride + 1));
  const row = new Uint8Array(stride),
    previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    for (let x = 0, s = y * width * 4, d = 0; x < width; x++, s += 4, d += 3) {
      row[d] = rgba[s];
      row[d + 1] = rgba[s + 1];
      row[d + 2] = rgba[s + 2];
    }
    let subCost = 0,
      upCost = 0;
    for (let i = 0; i < stride; i++) {
      const sub = (row[i] - (i >= 3 ? row[i - 3] : 0)) & 0xff,
        up = (row[i] - previous[i]) & 0xff;
      subCost += sub < 128 ? sub : 256 - sub;
      upCost += up < 128 ? up : 256 - up;
    }
    const useUp = y > 0 && upCost < subCost;
    const base = y * (stride + 1);
    out[base] = useUp ? 2 : 1;
    for (let i = 0; i < stride; i++)
      out[base + 1 + i] = (row[i] - (useUp ? previous[i] : i >= 3 ? row[i - 3] : 0)) & 0xff;
    previous.set(row);
  }
  return out;
}
