// Values as a share link writes them (src/core/viewState.ts and the layers' own link parameters):
// comma-separated lists, small integers, names. Reading is tolerant: anything invalid reads as
// undefined, so the caller keeps its default, and never throws.

export const linkList = (values: readonly (string | number)[]) => values.join(',');

export function linkInteger(text: string | undefined): number | undefined {
  return text !== undefined && /^-?\d{1,6}$/.test(text) ? Number(text) : undefined;
}

export function linkChoice<T extends string>(text: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((value) => value === text);
}

/** Comma-separated finite numbers in ascending order, or undefined. */
export function linkNumbers(text: string | undefined): number[] | undefined {
  if (!text) return undefined;
  const values = text.split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
  return values.every(Number.isFinite) && values.every((value, i) => i === 0 || value > values[i - 1])
    ? values
    : undefined;
}

/** Comma-separated labels (operators, bands), or undefined when there are none. */
export function linkNames(text: string | undefined): string[] | undefined {
  const values = text
    ?.split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part.length <= 100);
  return values && values.length > 0 && values.length <= 50 ? values : undefined;
}
