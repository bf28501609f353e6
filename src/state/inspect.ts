// The point inspector's state and intents: which point is inspected (a layer row clicked on the
// map, or a village the search found by its code), what the engine says of it as of the slider's
// year, and the data point under the pointer for the tooltip. The map draws a marker at the
// inspected point (src/map/bindings.ts); the inspector (src/ui/Inspector.tsx) shows the rest.
//
// Rules relied on:
// - Row indexes are the loaded layer's: when the layer's data change (another source, cleared)
//   a row target is dropped rather than shown for whatever row now has that index; an edit of the
//   same dataset keeps it (same source, same rows) and reads it again.
// - A change of year reads the point again: statuses and modelled coverage are as of the year.
// - Only the latest request's answer is kept, so a slow answer never replaces a newer one.
import { create } from 'zustand';
import type { Inspection } from '../core/layers/inspect';
import type { LayerName } from '../core/layers/registry';
import type { SearchHit } from '../core/search/searchIndex';
import { getEngine } from './engine';
import { focusArea, focusPoint } from './mapIntents';
import { useAtlas } from './store';

/** A map point under the pointer (src/map/overlays/pointHits.ts), where the pointer is. */
export interface HoveredPoint {
  kind: LayerName | 'stationCells';
  row: number;
  properties: Record<string, unknown>;
  /** How many points are drawn on this spot (clicking it again steps through them). */
  together: number;
  x: number;
  y: number;
}

export type InspectTarget =
  { kind: 'row'; layer: LayerName; row: number } | { kind: 'village'; hit: SearchHit };

export type InspectStatus = 'loading' | 'done' | 'gone' | 'notLoaded' | 'notInLayer' | 'error';

interface InspectState {
  target: InspectTarget | null;
  status: InspectStatus;
  inspection: Inspection | null;
  /** Rows of the village layer with the searched code (more than one: a repeated village). */
  rowsWithCode: number;
  /** How many points share the clicked spot (1: this one alone). */
  together: number;
  hovered: HoveredPoint | null;
}

export const useInspect = create<InspectState>()(() => ({
  target: null,
  status: 'done',
  inspection: null,
  rowsWithCode: 0,
  together: 1,
  hovered: null,
}));

/** The zoom a searched village is shown at: its neighbours and the stations around it in view. */
export const VILLAGE_ZOOM = 12;

let request = 0;

/** Opens the inspector on a row of a layer (a point clicked on the map; `together` points share its spot). */
export function inspectRow(layer: LayerName, row: number, together = 1): void {
  targetRows = rowsKey(layer);
  useInspect.setState({ target: { kind: 'row', layer, row }, status: 'loading', inspection: null, together });
  void read(false);
}

/** Opens the inspector on a village found by the search, and flies to it when it has a position. */
export function inspectVillage(hit: SearchHit): void {
  useInspect.setState({ target: { kind: 'village', hit }, status: 'loading', inspection: null, together: 1 });
  void read(true);
}

export function closeInspector(): void {
  request++;
  useInspect.setState({ target: null, inspection: null, status: 'done', rowsWithCode: 0 });
}

export const hoverPoint = (hovered: HoveredPoint | null) => {
  const previous = useInspect.getState().hovered;
  if (hovered === previous || (hovered && previous && samePoint(hovered, previous))) return;
  useInspect.setState({ hovered });
};

const samePoint = (a: HoveredPoint, b: HoveredPoint) =>
  a.kind === b.kind && a.row === b.row && a.x === b.x && a.y === b.y && a.properties.n === b.properties.n;

/** Asks the engine about the target as of the slider's year; `fly` moves the map to a searched village. */
async function read(fly: boolean): Promise<void> {
  const { target } = useInspect.getState();
  if (!target) return;
  const mine = ++request;
  const { asOfYear } = useAtlas.getState();
  const engine = getEngine();
  try {
    if (target.kind === 'row') {
      const inspection = await engine.inspect(target.layer, target.row, asOfYear);
      if (mine !== request) return;
      useInspect.setState({ inspection, status: inspection ? 'done' : 'gone', rowsWithCode: 0 });
      return;
    }
    const found = await engine.inspectVillage(target.hit.code, asOfYear);
    if (mine !== request) return;
    const loaded = useAtlas.getState().layerInfo?.sources.villages !== undefined;
    useInspect.setState({
      inspection: found?.inspection ?? null,
      rowsWithCode: found?.rowsWithCode ?? 0,
      status: found ? 'done' : loaded ? 'notInLayer' : 'notLoaded',
    });
    if (!fly) return;
    const { lon, lat } = found?.inspection ?? {};
    if (lon != null && lat != null) focusPoint(lon, lat, VILLAGE_ZOOM);
    else focusArea(target.hit.adcode);
  } catch (error) {
    if (mine !== request) return;
    console.warn('inspect failed', error);
    useInspect.setState({ status: 'error' });
  }
}

/** What identifies a layer's rows: the same source with the same row count keeps row indexes. */
function rowsKey(layer: LayerName): string {
  const source = useAtlas.getState().layerInfo?.sources[layer];
  return source ? `${source.kind}:${source.datasetId ?? source.name}:${source.rows}` : '';
}

/** The rows a row target was read from (rowsKey when it was chosen). */
let targetRows = '';

useAtlas.subscribe((s, p) => {
  const { target } = useInspect.getState();
  if (!target || (s.asOfYear === p.asOfYear && s.layerInfo === p.layerInfo)) return;
  if (target.kind === 'row' && rowsKey(target.layer) !== targetRows) {
    request++;
    useInspect.setState({ inspection: null, status: 'gone' });
    return;
  }
  void read(false);
});
