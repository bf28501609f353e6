import { expect, test } from 'vitest';
import { DISAGREEMENT_KINDS, findDisagreements, NOT_REPORTED } from './disagreements';

const N = NOT_REPORTED;

test('lists each disagreement by kind, then by index, with counts', () => {
  const reported = Uint8Array.of(1, 0, 1, 0, N, 1, 0, N);
  const modelled = Uint8Array.of(0, 1, 1, 0, 1, 0, 1, 0);
  const result = findDisagreements(reported, modelled);
  expect([...result.indices]).toEqual([0, 5, 1, 6, 4, 7]);
  expect([...result.kinds].map((k) => DISAGREEMENT_KINDS[k])).toEqual([
    'reported-yes-modelled-no',
    'reported-yes-modelled-no',
    'reported-no-modelled-yes',
    'reported-no-modelled-yes',
    'not-reported',
    'not-reported',
  ]);
  expect(result.counts).toEqual({
    'reported-yes-modelled-no': 2,
    'reported-no-modelled-yes': 2,
    'not-reported': 2,
    agreeYes: 1,
    agreeNo: 1,
  });
});

test('finds nothing when reports and model agree', () => {
  const result = findDisagreements(Uint8Array.of(1, 0), Uint8Array.of(1, 0));
  expect(result.indices.length).toBe(0);
  expect(result.counts).toMatchObject({ agreeYes: 1, agreeNo: 1 });
});

test('rejects a reported flag that is not 0, 1 or 255, and columns of different lengths', () => {
  expect(() => findDisagreements(Uint8Array.of(2), Uint8Array.of(0))).toThrow(/target 0/);
  expect(() => findDisagreements(Uint8Array.of(1, 0), Uint8Array.of(0))).toThrow(RangeError);
});
