// Zustand slices. The store holds small things only: area records (97 rows), the selection and
// settings. Geometry goes straight from the loader to the map controller, never through here.
import { create } from 'zustand';
import type { AreaRecord } from '../core/areas';
import type { Locale } from '../core/format';

interface AreasSlice { areas: Map<string, AreaRecord>; setAreas: (areas: Map<string, AreaRecord>) => void }
interface SelectionSlice {
  selectedAdcode: string | null; hoveredAdcode: string | null;
  select: (adcode: string | null) => void; hover: (adcode: string | null) => void;
}
interface SettingsSlice {
  /** Online raster basemap as an XYZ URL template; empty means fully offline (the default). */
  basemapUrlTemplate: string; locale: Locale;
  setBasemapUrlTemplate: (template: string) => void; setLocale: (locale: Locale) => void;
}

const SETTINGS_KEY = 'gca.settings';
const saved: Partial<Pick<SettingsSlice, 'basemapUrlTemplate' | 'locale'>> = (() => {
  try { return JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}'); } catch { return {}; }
})();

export const useAtlas = create<AreasSlice & SelectionSlice & SettingsSlice>()((set) => ({
  areas: new Map(),
  setAreas: (areas) => set({ areas }),
  selectedAdcode: null,
  hoveredAdcode: null,
  select: (selectedAdcode) => set({ selectedAdcode }),
  hover: (hoveredAdcode) => set({ hoveredAdcode }),
  basemapUrlTemplate: saved.basemapUrlTemplate ?? '',
  locale: saved.locale ?? 'zh-CN',
  setBasemapUrlTemplate: (basemapUrlTemplate) => set({ basemapUrlTemplate }),
  setLocale: (locale) => set({ locale }),
}));

useAtlas.subscribe(({ basemapUrlTemplate, locale }) => {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify({ basemapUrlTemplate, locale }));
});
