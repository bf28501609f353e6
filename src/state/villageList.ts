// Which area's village list is open (a prefecture, a county, or one township of a county), and
// its filters: kept here so the map, the township table and the inspector can open it on a place.
import { create } from 'zustand';
import type { SortKey, StatusFilter, TrackingFilter } from '../core/tracking/villageList';

export interface VillageListState {
  /** The province, a prefecture or a county; null while the list is closed. */
  adcode: string | null;
  township: string | null;
  filter: StatusFilter;
  tracking: TrackingFilter | null;
  text: string;
  sort: { key: SortKey; descending: boolean };
}

const CLOSED: VillageListState = {
  adcode: null,
  township: null,
  filter: {},
  tracking: null,
  text: '',
  sort: { key: 'code', descending: false },
};

export const useVillageList = create<VillageListState>()(() => CLOSED);

/** Opens the list on an area, optionally one township of it, with a filter ("千兆 = 否"). */
export function openVillageList(
  adcode: string,
  options: { township?: string | null; filter?: StatusFilter } = {},
): void {
  useVillageList.setState({
    ...CLOSED,
    adcode,
    township: options.township ?? null,
    filter: options.filter ?? {},
  });
}

export const closeVillageList = () => useVillageList.setState(CLOSED);

export const changeVillageList = (change: Partial<Omit<VillageListState, 'adcode'>>) =>
  useVillageList.setState(change);
