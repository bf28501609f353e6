// Zustand slices. The store holds small things only: area records (97 rows), per-area figures,
// the selection and settings. Geometry goes straight from the loader to the map controller, never through here.
import { create } from 'zustand';
import { STORAGE_KEYS } from './storageKeys';
import { PLAN_LAST_YEAR } from '../core/planYears';
import { parseStoredSettings, type StoredSettings, type Theme } from '../core/settings';
import type { AreaRecord } from '../core/areas';
import type { Locale } from '../core/format';
import type { SampleInfo } from '../worker/engine';
import type { LayerInfo } from '../worker/layerView';
import type { AreaFigures } from '../core/metrics';

interface AreasSlice {
  areas: Map<string, AreaRecord>;
  setAreas: (areas: Map<string, AreaRecord>) => void;
  /** adcode → the name in pinyin for English mode, from the engine worker (empty until it answers). */
  areaPinyin: ReadonlyMap<string, string>;
  setAreaPinyin: (names: Record<string, string>) => void;
}
interface SelectionSlice {
  selectedAdcode: string | null;
  hoveredAdcode: string | null;
  select: (adcode: string | null) => void;
  hover: (adcode: string | null) => void;
}
interface DataSlice {
  sample: SampleInfo | null;
  sampleStatus: 'none' | 'loading' | 'loaded' | 'error';
  asOfYear: number;
  /** Per area (counties, prefectures, 520000 the province) the counts behind every metric; empty without data. */
  figures: Map<string, AreaFigures>;
  layerInfo: LayerInfo | null;
  setSample: (sample: SampleInfo | null, status: DataSlice['sampleStatus']) => void;
  setAsOfYear: (year: number) => void;
  setFigures: (figures: Map<string, AreaFigures>) => void;
  setLayerInfo: (layerInfo: LayerInfo | null) => void;
}
export type { Theme };

interface SettingsSlice {
  /** Online raster basemap as an XYZ URL template; empty means fully offline (the default). */
  basemapUrlTemplate: string;
  locale: Locale;
  theme: Theme;
  /** Whether the user wants the sample loaded: kept across reloads, since the sample is regenerated. */
  sampleWanted: boolean;
  setSampleWanted: (wanted: boolean) => void;
  setBasemapUrlTemplate: (template: string) => void;
  setLocale: (locale: Locale) => void;
  setTheme: (theme: Theme) => void;
  /** Stored settings that could not be read at start-up and were set back to their defaults. */
  droppedSettings: string[];
  dismissDroppedSettings: () => void;
}

const SETTINGS_KEY = STORAGE_KEYS.settings;

const stored = (() => {
  try {
    return parseStoredSettings(localStorage.getItem(SETTINGS_KEY));
  } catch {
    // localStorage itself may be unavailable (disabled storage): start with the defaults.
    return { settings: {}, dropped: [] };
  }
})();
const saved = stored.settings;

export const useAtlas = create<AreasSlice & SelectionSlice & DataSlice & SettingsSlice>()((set) => ({
  areas: new Map(),
  setAreas: (areas) => set({ areas }),
  areaPinyin: new Map(),
  setAreaPinyin: (names) => set({ areaPinyin: new Map(Object.entries(names)) }),
  selectedAdcode: null,
  hoveredAdcode: null,
  select: (selectedAdcode) => set({ selectedAdcode }),
  hover: (hoveredAdcode) => set({ hoveredAdcode }),
  sample: null,
  sampleStatus: 'none',
  asOfYear: PLAN_LAST_YEAR,
  figures: new Map(),
  layerInfo: null,
  setSample: (sample, sampleStatus) => set({ sample, sampleStatus }),
  setAsOfYear: (asOfYear) => set({ asOfYear }),
  setFigures: (figures) => set({ figures }),
  setLayerInfo: (layerInfo) => set({ layerInfo }),
  sampleWanted: saved.sampleWanted ?? false,
  setSampleWanted: (sampleWanted) => set({ sampleWanted }),
  basemapUrlTemplate: saved.basemapUrlTemplate ?? '',
  locale: saved.locale ?? 'zh-CN',
  // Without a saved choice, a system asking for more contrast gets the high-contrast theme.
  theme:
    saved.theme ?? (globalThis.matchMedia?.('(prefers-contrast: more)').matches ? 'highContrast' : 'light'),
  setTheme: (theme) => set({ theme }),
  setBasemapUrlTemplate: (basemapUrlTemplate) => set({ basemapUrlTemplate }),
  setLocale: (locale) => set({ locale }),
  droppedSettings: stored.dropped,
  dismissDroppedSettings: () => set({ droppedSettings: [] }),
}));

useAtlas.subscribe(({ basemapUrlTemplate, locale, theme, sampleWanted }) => {
  const settings: StoredSettings = { basemapUrlTemplate, locale, theme, sampleWanted };
  globalThis.localStorage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
});

/** Forgets every stored setting and starts the app again with the defaults (datasets and slides stay). */
export function resetSettings(): void {
  for (const key of Object.values(STORAGE_KEYS)) localStorage.removeItem(key);
  location.replace(location.pathname);
}
