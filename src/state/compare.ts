// Compare mode: the figures the choropleth subtracts. Two years: the figures of the "from" year,
// fetched from the engine whenever year compare is on and the data or the station filter change.
// Two vintages: the older and the newer dataset's figures (from the engine's vintage comparison),
// drawn newer − older instead of the current figures until turned off or year compare takes over.
import { create } from 'zustand';
import type { AreaFigures } from '../core/metrics';
import type { FigureTable } from '../core/layers/figures';
import type { LayerName } from '../core/layers/types';
import { getEngine } from './engine';
import { figureMap } from './layerData';
import { useLayers } from './layers';
import { useAtlas } from './store';

interface CompareFigures {
  fromYear: number | null;
  /** What the choropleth subtracts: the from-year's figures, or the older vintage's. */
  figures: Map<string, AreaFigures> | null;
  /** Only while two vintages are compared: the newer vintage's figures, drawn instead of the current ones. */
  toFigures: Map<string, AreaFigures> | null;
  /** The two datasets' names, for the legend, and the layer they feed. */
  vintages: VintageNames | null;
}

export interface VintageNames {
  older: string;
  newer: string;
  layer: LayerName;
}

const OFF: CompareFigures = { fromYear: null, figures: null, toFigures: null, vintages: null };

export const useCompareFigures = create<CompareFigures>()(() => OFF);

async function fetchFromYear(): Promise<void> {
  const { compareFromYear, filter } = useLayers.getState();
  if (compareFromYear === null || useAtlas.getState().figures.size === 0) {
    // Year compare off leaves a vintage change map alone.
    if (useCompareFigures.getState().toFigures === null) useCompareFigures.setState(OFF);
    return;
  }
  const table = await getEngine().figuresAt({ asOfYear: compareFromYear, filter });
  if (useLayers.getState().compareFromYear === compareFromYear)
    useCompareFigures.setState({ ...OFF, fromYear: compareFromYear, figures: figureMap(table) });
}

/** Shows newer − older on the choropleth; turns year compare off. */
export function showVintageChange(older: FigureTable, newer: FigureTable, names: VintageNames): void {
  useLayers.getState().update({ compareFromYear: null });
  useCompareFigures.setState({
    ...OFF,
    figures: figureMap(older),
    toFigures: figureMap(newer),
    vintages: names,
  });
}

export function hideVintageChange(): void {
  if (useCompareFigures.getState().toFigures !== null) useCompareFigures.setState(OFF);
}

/** Keeps the from-year figures current. Call once, after the engine is ready. */
export function followCompareInputs(): void {
  useLayers.subscribe((state, previous) => {
    if (state.compareFromYear !== previous.compareFromYear || state.filter !== previous.filter)
      void fetchFromYear();
  });
  // New data (sample, dataset) arrive as new figures for the current year.
  useAtlas.subscribe((state, previous) => {
    if (state.layerInfo !== previous.layerInfo && useLayers.getState().compareFromYear !== null)
      void fetchFromYear();
  });
}
