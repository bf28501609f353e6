// Small seeded drawing helpers shared by the sample generators: independent streams per part,
// normal deviates, weighted picks and exact integer apportionment.
//
// Rules relied on:
// - Every random number comes from mulberry32 (coverage/random.ts) so one seed fixes the sample.
// - Each part of the sample (stations, villages, places …) draws from its own stream, derived
//   from the seed and the part's name, so changing how one part is drawn never reshuffles the
//   others.
// - Apportionment is exact: the integer counts always add up to the requested total.
import { mulberry32, type Random } from '../coverage/random';

/** A stream for one named part of the sample: FNV-1a of the name mixed into the seed. */
export function streamFor(seed: number, part: string): Random {
  let hash = 0x811c9dc5;
  for (let i = 0; i < part.length; i++) hash = Math.imul(hash ^ part.charCodeAt(i), 0x01000193);
  return mulberry32((Math.imul(seed >>> 0, 0x9e3779b1) ^ hash) >>> 0);
}

/** A standard normal deviate (Box–Muller; one of the pair is discarded for simplicity). */
export function normal(random: Random): number {
  // 1 − u lies in (0, 1], so the logarithm is finite.
  const u = 1 - random(),
    v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Index drawn with probability proportional to weights[i]; the weights need not sum to 1. */
export function pickWeighted(random: Random, weights: ArrayLike<number>, total?: number): number {
  let sum = total;
  if (sum === undefined) {
    sum = 0;
    for (let i = 0; i < weights.length; i++) sum += weights[i];
  }
  let target = random() * sum;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i];
    if (target < 0 && weights[i] > 0) return i;
  }
  // Float rounding can leave target a hair above zero: the last positive weight takes it.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  throw new RangeError('pickWeighted needs at least one positive weight');
}

/**
 * Splits `total` into integers proportional to weights (largest remainder; ties to the lower
 * index), so the parts always sum to `total` exactly.
 */
export function apportion(total: number, weights: ArrayLike<number>): Int32Array {
  if (!Number.isInteger(total) || total < 0)
    throw new RangeError(`total must be a whole number ≥ 0, got ${total}`);
  const counts = new Int32Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    if (!(weights[i] >= 0)) throw new RangeError(`weight ${i} is ${weights[i]}; weights must be ≥ 0`);
    sum += weights[i];
  }
  if (total === 0) return counts;
  if (!(sum > 0)) throw new RangeError('apportion needs at least one positive weight');
  const remainders = new Float64Array(weights.length);
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const exact = (total * weights[i]) / sum;
    counts[i] = Math.floor(exact);
    remainders[i] = exact - counts[i];
    given += counts[i];
  }
  const order = Array.from(remainders.keys()).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let k = 0; given < total; k++, given++) counts[order[k]]++;
  return counts;
}
