// What choosing a search result does: an area is selected and fitted; a township selects its
// county and fits the loaded villages under its code (the county when none is placed); a village
// selects its county, opens the inspector on it and flies to it (src/state/inspect.ts).
//
// Rules relied on: a township's villages are the loaded village rows whose code starts with the
// township's 9 digits (the NBS code is the only link; there are no township polygons).
import type { Bounds } from '../core/areas';
import type { SearchHit } from '../core/search/searchIndex';
import { getEngine } from './engine';
import { closeInspector, inspectVillage } from './inspect';
import { focusArea, focusBounds, selectArea } from './mapIntents';
import { useAtlas } from './store';

/** Smallest box fitted around a township's villages (~2 km), so one village is not fitted at street zoom. */
const MIN_SPAN_DEGREES = 0.02;

let latest = 0;

export function chooseSearchHit(hit: SearchHit): void {
  const mine = ++latest;
  if (hit.kind === 'village') {
    useAtlas.getState().select(hit.adcode);
    inspectVillage(hit);
    return;
  }
  closeInspector();
  if (hit.kind !== 'township') {
    selectArea(hit.adcode);
    return;
  }
  useAtlas.getState().select(hit.adcode);
  getEngine()
    .villageBounds(hit.code)
    .then(
      (bounds) => {
        if (mine !== latest) return;
        if (bounds) focusBounds(padded(bounds));
        else focusArea(hit.adcode);
      },
      () => mine === latest && focusArea(hit.adcode),
    );
}

function padded([west, south, east, north]: Bounds): Bounds {
  const padLon = Math.max(0, MIN_SPAN_DEGREES - (east - west)) / 2,
    padLat = Math.max(0, MIN_SPAN_DEGREES - (north - south)) / 2;
  return [west - padLon, south - padLat, east + padLon, north + padLat];
}
