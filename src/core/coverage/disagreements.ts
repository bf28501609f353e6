// Where reported coverage (what operators or villages say) and modelled coverage (discs around
// stations) disagree. These are the rows a planner checks first: a village reported covered that
// no modelled station reaches may hold a station missing from the data, and a village reported
// uncovered inside modelled discs is where the disc model is wrong, often a karst valley.
//
// Rules relied on:
// - Reported flags are 0 = reported no, 1 = reported yes, 255 = not reported; modelled flags are
//   0 or 1 (any non-zero value counts as covered).
// - Rows are ordered by kind (in DISAGREEMENT_KINDS order) then by target index, so the rows of
//   one kind are a contiguous run whose length is its count.

export const NOT_REPORTED = 255;

export const DISAGREEMENT_KINDS = [
  'reported-yes-modelled-no',
  'reported-no-modelled-yes',
  'not-reported',
] as const;
export type DisagreementKind = (typeof DISAGREEMENT_KINDS)[number];

export interface Disagreements {
  /** Target indices, ordered by kind then index. */
  indices: Uint32Array;
  /** Kind of each row, as an index into DISAGREEMENT_KINDS. */
  kinds: Uint8Array;
  counts: Record<DisagreementKind, number> & { agreeYes: number; agreeNo: number };
}

function kindOf(reported: number, modelledCovered: boolean, index: number): number {
  if (reported === NOT_REPORTED) return 2;
  if (reported === 1) return modelledCovered ? -1 : 0;
  if (reported === 0) return modelledCovered ? 1 : -1;
  throw new RangeError(`target ${index} has reported flag ${reported}; expected 0, 1 or ${NOT_REPORTED}`);
}

export function findDisagreements(reported: Uint8Array, modelled: Uint8Array): Disagreements {
  if (reported.length !== modelled.length)
    throw new RangeError('reported and modelled flags must have the same length');
  const kindCounts = [0, 0, 0];
  let agreeYes = 0,
    agreeNo = 0;
  for (let i = 0; i < reported.length; i++) {
    const kind = kindOf(reported[i], modelled[i] !== 0, i);
    if (kind >= 0) kindCounts[kind]++;
    else if (reported[i] === 1) agreeYes++;
    else agreeNo++;
  }
  const next = [0, kindCounts[0], kindCounts[0] + kindCounts[1]];
  const total = next[2] + kindCounts[2];
  const indices = new Uint32Array(total);
  const kinds = new Uint8Array(total);
  for (let i = 0; i < reported.length; i++) {
    const kind = kindOf(reported[i], modelled[i] !== 0, i);
    if (kind < 0) continue;
    indices[next[kind]] = i;
    kinds[next[kind]++] = kind;
  }
  return {
    indices,
    kinds,
    counts: {
      'reported-yes-modelled-no': kindCounts[0],
      'reported-no-modelled-yes': kindCounts[1],
      'not-reported': kindCounts[2],
      agreeYes,
      agreeNo,
    },
  };
}
