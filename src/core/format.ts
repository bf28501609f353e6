// Number and date formatting per locale. zh-CN readers expect 万 for large counts (3,856.2万), en readers
// expect thousands separators; both get the same rounding rules. Dates are read in local time,
// except plan months, which name a calendar month wherever the reader is.
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale => LOCALES.some((locale) => locale === value);

// Making an Intl formatter costs far more than using one (tens of ms over a panel's figures), so
// each kind is made once per locale and kept.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function kept<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}
const numberLocale = (locale: Locale) => (locale === 'zh-CN' ? 'zh-CN' : 'en-US');
const dateLocale = (locale: Locale) => (locale === 'zh-CN' ? 'zh-CN' : 'en-GB');

export function formatInteger(value: number, locale: Locale): string {
  return kept(
    `integer ${locale}`,
    () => new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 0 }),
  ).format(value);
}

export function formatDecimal(value: number, locale: Locale, fractionDigits = 1): string {
  return kept(
    `decimal ${locale} ${fractionDigits}`,
    () =>
      new Intl.NumberFormat(numberLocale(locale), {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }),
  ).format(value);
}

/** A population in the reader's habit: "96.63万" in Chinese, "966,276" in English. */
export function formatPopulation(value: number, locale: Locale): string {
  if (locale === 'zh-CN' && value >= 10_000) return `${formatDecimal(value / 10_000, locale, 2)}万`;
  return formatInteger(value, locale);
}

/** A moment (an ISO time such as a dataset's import) as date and time: "2025年11月24日 09:27" / "24 Nov 2025, 09:27". */
export function formatDateTime(iso: string, locale: Locale): string {
  return kept(
    `dateTime ${locale}`,
    () => new Intl.DateTimeFormat(dateLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(new Date(iso));
}

/** A calendar month (1–12): "2025年10月" / "October 2025". */
export function formatMonth(year: number, month: number, locale: Locale): string {
  return kept(
    `month ${locale}`,
    () => new Intl.DateTimeFormat(dateLocale(locale), { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  ).format(Date.UTC(year, month - 1, 1));
}
