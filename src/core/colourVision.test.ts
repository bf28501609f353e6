import { expect, test } from 'vitest';
import {
  ciede2000,
  colourDifference,
  labOf,
  parseHex,
  simulateLinear,
  VISIONS,
  type Lab,
} from './colourVision';

// Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula", table 1: pairs chosen to
// exercise each term (hue rotation, mean-hue wrap-around, low chroma, near-black).
const SHARMA: Array<[Lab, Lab, number]> = [
  [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
  [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
  [[50, 0, 0], [50, -1, 2], 2.3669],
  [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
  [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
  [[50, 2.5, 0], [73, 25, -18], 27.1492],
  [[50, 2.5, 0], [61, -5, 29], 22.8977],
  [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
];

test('CIEDE2000 gives the published differences of Sharma et al.’s test pairs, either way round', () => {
  for (const [a, b, expected] of SHARMA) {
    expect(ciede2000(a, b)).toBeCloseTo(expected, 4);
    expect(ciede2000(b, a)).toBeCloseTo(expected, 4);
  }
});

test('sRGB white is L* 100 and black L* 0 in CIELAB (D65)', () => {
  const [l, a, b] = labOf('#ffffff');
  expect(l).toBeCloseTo(100, 3);
  expect(Math.hypot(a, b)).toBeLessThan(0.01);
  expect(labOf('#000')[0]).toBeCloseTo(0, 6);
});

test('every simulated vision leaves greys grey (the dichromat matrices keep the white point)', () => {
  for (const vision of VISIONS)
    for (const grey of ['#ffffff', '#808080', '#202020']) {
      const [l, a, b] = labOf(grey, vision);
      expect(Math.hypot(a, b), `${grey} ${vision}`).toBeLessThan(0.6);
      expect(l).toBeCloseTo(labOf(grey)[0], 0);
    }
});

test('red–green confusion pairs nearly merge for deutan and protan readers, not for tritan ones', () => {
  // A muted red and a green of equal lightness: the deutan's classic confusion.
  expect(colourDifference('#c0504d', '#6a8f2a')).toBeGreaterThan(50);
  expect(colourDifference('#c0504d', '#6a8f2a', 'deuteranopia')).toBeLessThan(8);
  expect(colourDifference('#c0504d', '#6a8f2a', 'tritanopia')).toBeGreaterThan(40);
  // Pure red looks dark to a protan reader: it meets olive.
  expect(colourDifference('#ff0000', '#808000')).toBeGreaterThan(45);
  expect(colourDifference('#ff0000', '#808000', 'protanopia')).toBeLessThan(12);
});

test('blue and yellow-green confusions belong to tritanopia', () => {
  const blue = '#3d7fc0',
    teal = '#2f9a8c';
  expect(colourDifference(blue, teal, 'tritanopia')).toBeLessThan(colourDifference(blue, teal) / 2);
});

test('the simulation clips to the gamut and parses short and long hex alike', () => {
  for (const vision of VISIONS)
    for (const channel of simulateLinear(parseHex('#ff00ff'), vision)) {
      expect(channel).toBeGreaterThanOrEqual(0);
      expect(channel).toBeLessThanOrEqual(1);
    }
  expect(parseHex('#f0a')).toEqual(parseHex('#ff00aa'));
  expect(() => parseHex('red')).toThrow(RangeError);
});
