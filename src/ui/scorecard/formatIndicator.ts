// How the scorecard writes an indicator's numbers: published figures as published (up to two
// decimals: 0.3 %, 2.07), values from the data with fixed decimals per unit, and the unit after.
import { formatDecimal, formatInteger, type Locale } from '../../core/format';
export { formatMonth } from '../../core/format';
import type { IndicatorUnit } from '../../core/summary/planIndicators';

const MEASURED_DIGITS: Record<IndicatorUnit, number> = {
  stations: 0,
  per10kResidents: 1,
  percent: 1,
  tenThousand: 0,
  tenThousandKm: 0,
  gbps: 0,
  count: 0,
};

/** A number in the indicator's unit, without the unit; `measured` fixes the decimals. */
export function formatNumber(value: number, unit: IndicatorUnit, locale: Locale, measured = false): string {
  if (measured) {
    const digits = MEASURED_DIGITS[unit];
    return digits === 0 ? formatInteger(value, locale) : formatDecimal(value, locale, digits);
  }
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(
    value,
  );
}

/** The number followed by its unit label ('%' sticks to the number). */
export function withUnit(text: string, unit: IndicatorUnit, unitLabel: string): string {
  if (unit === 'percent') return `${text}%`;
  return unitLabel ? `${text} ${unitLabel}` : text;
}
