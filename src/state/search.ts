// What the search box chose that the area panel cannot show: a village. Choosing one selects its
// county (in the main store); this slice keeps the village itself for the card under the box.
import { create } from 'zustand';
import type { SearchHit } from '../core/search/searchIndex';

interface SearchSlice {
  village: SearchHit | null;
  showVillage: (village: SearchHit | null) => void;
}

export const useSearch = create<SearchSlice>()((set) => ({
  village: null,
  showVillage: (village) => set({ village }),
}));
