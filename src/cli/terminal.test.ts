import { expect, test } from 'vitest';
import { printableLine, printableText } from './terminal';

test('C0, DEL and C1 controls become \\xHH; bidi controls and separators \\uHHHH; the rest is kept', () => {
  expect(printableLine('a\u001b[31mred\u0007')).toBe('a\\x1b[31mred\\x07');
  expect(printableLine('\u0000\u007f\u0085\u009b')).toBe('\\x00\\x7f\\x85\\x9b');
  expect(printableLine('abc\u202edef\u2066\u2069\u200f\u2028')).toBe(
    'abc\\u202edef\\u2066\\u2069\\u200f\\u2028',
  );
  expect(printableLine('贵阳市 «Café» ✓ 𬌗')).toBe('贵阳市 «Café» ✓ 𬌗');
});

test('a message stays one line; text for a terminal keeps its line breaks and tabs', () => {
  expect(printableLine('two\nlines\tand\r')).toBe('two\\x0alines\\x09and\\x0d');
  expect(printableText('a,b\n"c\td"\n\u001b]0;x\u0007')).toBe('a,b\n"c\td"\n\\x1b]0;x\\x07');
});
