// How deeply a JSON or XML text nests, measured before any parser sees it: parsers and the code
// after them (JSON.stringify of a property, togeojson's walk) recurse, and 100,000 nested arrays
// would exhaust the stack. No GeoJSON or KML a person exports nests anywhere near MAX_NESTING.
//
// Rules:
// - JSON: `[` and `{` open a level, `]` and `}` close one; brackets inside strings do not count.
// - XML: an element opens a level unless it closes itself (`<a/>`); comments, CDATA, processing
//   instructions and declarations do not count; a `>` inside a quoted attribute value is text.
export const MAX_NESTING = 256;

/** The 1-based line where the text first nests deeper than `limit`, or null when it never does. */
export function jsonTooDeep(text: string, limit = MAX_NESTING): number | null {
  let depth = 0,
    line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x5c /* \ */) i++;
        else if (s === 0x22) break;
      }
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return line;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
    else if (c === 0x0a) line++;
  }
  return null;
}

const SKIPPED: Array<[open: string, close: string]> = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

export function xmlTooDeep(text: string, limit = MAX_NESTING): number | null {
  let depth = 0,
    line = 1,
    i = 0;
  const advanceTo = (end: number) => {
    for (; i < end; i++) if (text.charCodeAt(i) === 0x0a) line++;
  };
  while (i < text.length) {
    const next = text.indexOf('<', i);
    if (next === -1) break;
    advanceTo(next);
    const skipped = SKIPPED.find(([open]) => text.startsWith(open, i));
    if (skipped) {
      const end = text.indexOf(skipped[1], i + skipped[0].length);
      advanceTo(end === -1 ? text.length : end + skipped[1].length);
      continue;
    }
    const closing = text.charCodeAt(i + 1) === 0x2f; /* / */
    const declaration = text.charCodeAt(i + 1) === 0x21; /* ! (DOCTYPE) */
    // Find the tag's end, stepping over quoted attribute values.
    let j = i + 1,
      quote = 0;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e /* > */) break;
    }
    const selfClosing = text.charCodeAt(j - 1) === 0x2f;
    if (closing) depth--;
    else if (!declaration && !selfClosing && ++depth > limit) return line;
    advanceTo(Math.min(j + 1, text.length));
  }
  return null;
}
