import { expect, test } from 'vitest';
import { checkBasemapTemplate } from './basemap';

test('accepts only https XYZ templates with all three placeholders', () => {
  expect(checkBasemapTemplate('https://tiles.example.org/{z}/{x}/{y}.png')).toEqual({ ok: true });
  expect(checkBasemapTemplate('http://tiles.example.org/{z}/{x}/{y}.png')).toEqual({
    ok: false,
    reason: 'not-https',
  });
  expect(checkBasemapTemplate('https://tiles.example.org/{z}/{x}.png')).toEqual({
    ok: false,
    reason: 'missing-placeholders',
  });
  expect(checkBasemapTemplate('not a url')).toEqual({ ok: false, reason: 'not-a-url' });
});
