// The user's settings as stored between visits (localStorage), parsed, never trusted: a stored
// value another version, an extension or a hostile link wrote must not keep the app from starting.
//
// Rules relied on: every field is checked on its own; a field that fails is dropped (its default
// applies) and named in `dropped`, so the app can say so; unknown fields are ignored.
import { checkBasemapTemplate } from './basemap';
import { isLocale, type Locale } from './format';

export const THEMES = ['light', 'highContrast'] as const;
/** 'highContrast' is for projectors: dark text on white, stronger borders, larger type, bolder map lines. */
export type Theme = (typeof THEMES)[number];

export interface StoredSettings {
  basemapUrlTemplate: string;
  locale: Locale;
  theme: Theme;
  sampleWanted: boolean;
}

export type SettingName = keyof StoredSettings;

const FIELD_CHECKS: { [K in SettingName]: (value: unknown) => value is StoredSettings[K] } = {
  basemapUrlTemplate: (value): value is string =>
    typeof value === 'string' && (value === '' || checkBasemapTemplate(value).ok),
  locale: (value): value is Locale => isLocale(value),
  theme: (value): value is Theme => THEMES.some((theme) => theme === value),
  sampleWanted: (value): value is boolean => typeof value === 'boolean',
};

/** The valid stored settings of a stored text, and the names of those that were there but invalid. */
export function parseStoredSettings(text: string | null): {
  settings: Partial<StoredSettings>;
  dropped: string[];
} {
  if (text === null) return { settings: {}, dropped: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { settings: {}, dropped: ['*'] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { settings: {}, dropped: ['*'] };
  const settings: Partial<Record<SettingName, unknown>> = {};
  const dropped: string[] = [];
  for (const name of Object.keys(FIELD_CHECKS) as SettingName[]) {
    if (!Object.hasOwn(raw, name)) continue;
    const value: unknown = (raw as Record<string, unknown>)[name];
    if (FIELD_CHECKS[name](value)) settings[name] = value;
    else dropped.push(name);
  }
  return { settings: settings as Partial<StoredSettings>, dropped };
}
