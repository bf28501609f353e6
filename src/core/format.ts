// Number formatting per locale. zh-CN readers expect 万 for large counts (3,856.2万), en readers
// expect thousands separators; both get the same rounding rules.
export type Locale = 'zh-CN' | 'en';

export function formatInteger(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 }).format(value);
}

export function formatDecimal(value: number, locale: Locale, fractionDigits = 1): string {
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** A population in the reader's habit: "96.63万" in Chinese, "966,276" in English. */
export function formatPopulation(value: number, locale: Locale): string {
  if (locale === 'zh-CN' && value >= 10_000) return `${formatDecimal(value / 10_000, locale, 2)}万`;
  return formatInteger(value, locale);
}
