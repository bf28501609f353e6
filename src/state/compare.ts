// Compare mode: the figures of the "from" year, fetched from the engine whenever compare mode is on
// and the data or the station filter change, so the choropleth can show the change per area.
import { create } from 'zustand';
import type { AreaFigures } from '../core/metrics';
import { getEngine } from './engine';
import { figureMap } from './layerData';
import { useLayers } from './layers';
import { useAtlas } from './store';

export const useCompareFigures = create<{ fromYear: number | null; figures: Map<string, AreaFigures> | null }>()(() => ({ fromYear: null, figures: null }));

async function fetchFromYear(): Promise<void> {
  const { compareFromYear, filter } = useLayers.getState();
  if (compareFromYear === null || useAtlas.getState().figures.size === 0) { useCompareFigures.setState({ fromYear: null, figures: null }); return; }
  const table = await getEngine().figuresAt({ asOfYear: compareFromYear, filter });
  if (useLayers.getState().compareFromYear === compareFromYear) useCompareFigures.setState({ fromYear: compareFromYear, figures: figureMap(table) });
}

/** Keeps the from-year figures current. Call once, after the engine is ready. */
export function followCompareInputs(): void {
  useLayers.subscribe((state, previous) => { if (state.compareFromYear !== previous.compareFromYear || state.filter !== previous.filter) void fetchFromYear(); });
  // New data (sample, dataset) arrive as new figures for the current year.
  useAtlas.subscribe((state, previous) => { if (state.layerInfo !== previous.layerInfo && useLayers.getState().compareFromYear !== null) void fetchFromYear(); });
}
