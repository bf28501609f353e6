// Class breaks for choropleths: quantile, natural breaks (Ckmeans, the optimal 1-D clustering from
// simple-statistics), equal interval, around a target, or hand-set. A legend needs the breaks,
// each area's class and how many areas fall in each class.
//
// Rules: breaks are the upper bounds of classes 0 … n−2 (the last class is open above); a value
// equal to a break belongs to the lower class; NaN values get class −1 ("no data").
import { ckmeans, quantileSorted } from 'simple-statistics';

export type ClassMethod = 'quantile' | 'naturalBreaks' | 'equalInterval' | 'target' | 'manual';
export const CLASS_METHODS: readonly ClassMethod[] = [
  'quantile',
  'naturalBreaks',
  'equalInterval',
  'target',
  'manual',
];

export interface Classification {
  breaks: number[];
  classOf: Int8Array;
  counts: number[];
  min: number;
  max: number;
}

export function classBreaks(
  values: ArrayLike<number>,
  method: ClassMethod,
  classCount: number,
  options: { target?: number; manual?: number[] } = {},
): number[] {
  if (method === 'manual') return [...(options.manual ?? [])].sort((a, b) => a - b);
  const sorted = Array.from(values)
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const min = sorted[0],
    max = sorted[sorted.length - 1];
  const distinct = (breaks: number[]) =>
    [...new Set(breaks)].filter((b) => b >= min && b < max).sort((a, b) => a - b);
  switch (method) {
    case 'quantile':
      return distinct(
        Array.from({ length: classCount - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / classCount)),
      );
    case 'naturalBreaks': {
      const clusters = ckmeans(sorted, Math.min(classCount, new Set(sorted).size));
      return distinct(clusters.slice(0, -1).map((cluster) => cluster[cluster.length - 1]));
    }
    case 'equalInterval':
      return distinct(
        Array.from({ length: classCount - 1 }, (_, i) => min + ((max - min) * (i + 1)) / classCount),
      );
    case 'target': {
      // Shares of the target: far below, below, just below, met, well above.
      const target = options.target ?? max;
      return [0.25, 0.5, 0.75, 0.999999, 1.5].map((share) => share * target);
    }
  }
}

export function classify(values: ArrayLike<number>, breaks: number[]): Classification {
  const classOf = new Int8Array(values.length);
  const counts = new Array(breaks.length + 1).fill(0);
  let min = Infinity,
    max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      classOf[i] = -1;
      continue;
    }
    let c = 0;
    while (c < breaks.length && v > breaks[c]) c++;
    classOf[i] = c;
    counts[c]++;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { breaks, classOf, counts, min, max };
}
