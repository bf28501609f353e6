import { expect, test } from 'vitest';
import { csvCell } from './csv';

test('plain text and numbers are written verbatim', () => {
  expect(csvCell('黄果树')).toBe('黄果树');
  expect(csvCell('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  expect(csvCell('')).toBe('');
});

test('commas, quotes and line breaks are quoted, quotes doubled', () => {
  expect(csvCell('a,b')).toBe('"a,b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('two\nlines')).toBe('"two\nlines"');
});

test('text that a spreadsheet would run as a formula gets a leading quote', () => {
  expect(csvCell('=1+2')).toBe("'=1+2");
  expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  expect(csvCell('+cmd|x')).toBe("'+cmd|x");
  expect(csvCell('-2+3')).toBe("'-2+3");
  expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  expect(csvCell('\t=1')).toBe(`"'\t=1"`);
  expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  expect(csvCell('- 待修复')).toBe("'- 待修复");
  expect(csvCell('-')).toBe("'-");
});

test('plain numbers keep their sign and stay numbers', () => {
  for (const number of ['-3.5', '-3', '+3', '-0.25', '-.5', '-1e-5', '+2.5E3', '106.712300', '0'])
    expect(csvCell(number)).toBe(number);
});

test('a formula sign later in the text is harmless and left alone', () => {
  expect(csvCell('a=b')).toBe('a=b');
  expect(csvCell('X-1')).toBe('X-1');
  expect(csvCell(' =1')).toBe(' =1');
});

test('a cell holding a list separator of any locale is quoted, so no part of it becomes a formula', () => {
  expect(csvCell('x;=1+1')).toBe('"x;=1+1"');
  expect(csvCell('x\t=1+1')).toBe('"x\t=1+1"');
  expect(csvCell('a;b')).toBe('"a;b"');
});
