// The presenter's slides: saved views with a name and a caption, kept in IndexedDB with the
// datasets, reordered, exported to a JSON file and imported back; and the presentation that shows
// them one after another.
//
// Rules relied on:
// - A slide keeps its view as a view query (core/viewState.ts), so it carries settings, not data.
// - Every change is written first and the list then read back: what the panel shows is stored.
// - An import is checked whole (core/slidesFile.ts) before anything is written: a bad file
//   changes nothing and its first problem is named.
// - Leaving the presentation restores the view shown before it started.
// - A slide keeps the box the reader saw (`bounds`); playing it fits that box to the screen playing
//   it, clear of the presentation's caption band and legend (the frame the presentation reports),
//   so the whole region shows on a 1280 × 720 projector as on the screen it was made on.
// - A slide never changes the UI language: whatever language it was made in, it plays in the
//   language chosen now (its view's `l=` is for shared links).
import { create } from 'zustand';
import type { Bounds } from '../core/areas';
import { fitCamera, type ScreenFrame } from '../core/cameraFit';
import { parseSlidesFile, slidesToJson, type SlidesFileProblem } from '../core/slidesFile';
import type { ViewState } from '../core/viewState';
import { StorageError } from '../storage/errors';
import { deleteSlide, importSlides, listSlides, saveSlides } from '../storage/slides';
import type { StoredSlide } from '../storage/types';
import { downloadBytes } from './datasets';
import { focusBounds, useMapIntents } from './mapIntents';
import { useAtlas } from './store';
import { applyView, currentView, decodeViewQuery, encodeCurrentView } from './urlState';

/** The map's zoom limits (map/MapController.ts), which a fitted slide keeps to. */
const ZOOM_LIMITS = { minZoom: 4.5, maxZoom: 14 } as const;

/** The box the reader sees now, to ~1 m; null before the map has first come to rest. */
function currentBounds(): Bounds | null {
  const bounds = useMapIntents.getState().camera?.bounds;
  return bounds ? (bounds.map((value) => Number(value.toFixed(5))) as Bounds) : null;
}

/** A message for the panel: an i18n key and its values. */
export interface SlidesMessage {
  key: string;
  values?: Record<string, string | number>;
  error: boolean;
}

interface SlidesSlice {
  slides: StoredSlide[];
  loaded: boolean;
  message: SlidesMessage | null;
}

export const useSlides = create<SlidesSlice>()(() => ({ slides: [], loaded: false, message: null }));

const problemMessage = (problem: SlidesFileProblem): SlidesMessage => ({
  key: `slides.error.${problem.code}`,
  values:
    problem.code === 'bad-slide'
      ? { slide: problem.slide, field: problem.field }
      : problem.code === 'too-many'
        ? { count: problem.count }
        : undefined,
  error: true,
});

async function guarded(
  action: () => Promise<unknown>,
  success: SlidesMessage | null = null,
): Promise<boolean> {
  try {
    await action();
    useSlides.setState({ slides: await listSlides(), loaded: true, message: success });
    return true;
  } catch (error) {
    const code = error instanceof StorageError ? error.code : 'write-failed';
    useSlides.setState({ message: { key: `storageError.${code}`, error: true } });
    return false;
  }
}

export const loadSlides = () => guarded(async () => {});

/** Saves the view shown now as the last slide. */
export function addSlide(name: string): Promise<boolean> {
  const { slides } = useSlides.getState();
  const position = slides.reduce((max, slide) => Math.max(max, slide.position), -1) + 1;
  const slide: StoredSlide = {
    id: crypto.randomUUID(),
    name,
    caption: '',
    view: encodeCurrentView(),
    createdAt: new Date().toISOString(),
    bounds: currentBounds(),
    position,
  };
  return guarded(() => saveSlides([slide]));
}

function changeSlide(
  id: string,
  change: Partial<Pick<StoredSlide, 'name' | 'caption' | 'view' | 'bounds'>>,
): Promise<boolean> {
  const slide = useSlides.getState().slides.find((s) => s.id === id);
  return slide ? guarded(() => saveSlides([{ ...slide, ...change }])) : Promise.resolve(false);
}

export const renameSlide = (id: string, name: string) => changeSlide(id, { name });
export const setSlideCaption = (id: string, caption: string) => changeSlide(id, { caption });
/** The slide keeps its name and caption and takes the view shown now. */
export const updateSlideView = (id: string) =>
  changeSlide(id, { view: encodeCurrentView(), bounds: currentBounds() });
export const removeSlide = (id: string) => guarded(() => deleteSlide(id));

/** Moves a slide one place up (−1) or down (+1); positions are renumbered and written in one transaction. */
export function moveSlide(id: string, step: -1 | 1): Promise<boolean> {
  const slides = [...useSlides.getState().slides];
  const from = slides.findIndex((s) => s.id === id),
    to = from + step;
  if (from < 0 || to < 0 || to >= slides.length) return Promise.resolve(false);
  [slides[from], slides[to]] = [slides[to], slides[from]];
  const changed = slides
    .map((slide, position) => ({ ...slide, position }))
    .filter((slide, i) => slides[i].position !== slide.position);
  return guarded(() => saveSlides(changed));
}

export function exportSlides(): void {
  const stamp = new Date().toISOString();
  downloadBytes(
    slidesToJson(useSlides.getState().slides, stamp),
    `slides-${stamp.slice(0, 10)}.json`,
    'application/json',
  );
}

export async function importSlidesFile(file: File): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    useSlides.setState({ message: { key: 'slides.error.not-json', error: true } });
    return;
  }
  const parsed = parseSlidesFile(text);
  if ('problem' in parsed) {
    useSlides.setState({ message: problemMessage(parsed.problem) });
    return;
  }
  await guarded(() => importSlides(parsed.slides), {
    key: 'slides.imported',
    values: { count: parsed.slides.length },
    error: false,
  });
}

/** The slide's settings in the language chosen now, without its camera (the bounds place it). */
function slideSettings(slide: StoredSlide): ViewState | null {
  const view = decodeViewQuery(slide.view);
  return view && { ...view, camera: null, locale: useAtlas.getState().locale };
}

/** Shows a slide's view beside the side panel, flying the map to its box. */
export async function showSlide(slide: StoredSlide): Promise<void> {
  const view = slideSettings(slide);
  if (!view) return;
  await applyView(view, { animate: true });
  if (slide.bounds) focusBounds(slide.bounds);
}

interface PresentationSlice {
  /** The slide shown, or null when not presenting. */
  index: number | null;
  /** The view to return to when the presentation ends. */
  previous: ViewState | null;
}

export const usePresentation = create<PresentationSlice>()(() => ({ index: null, previous: null }));

/** What the presentation last put on screen: a slide fitted to a frame. */
let shown: { index: number; frame: ScreenFrame } | null = null;

const FRAME_TOLERANCE_PX = 4;
const sameFrame = (a: ScreenFrame, b: ScreenFrame) =>
  (
    [
      [a.width, b.width],
      [a.height, b.height],
      [a.padding.top, b.padding.top],
      [a.padding.right, b.padding.right],
      [a.padding.bottom, b.padding.bottom],
      [a.padding.left, b.padding.left],
    ] as const
  ).every(([x, y]) => Math.abs(x - y) <= FRAME_TOLERANCE_PX);

/**
 * Called by the presentation whenever its slide or its frame (the screen, less the caption band and
 * the legend) changes: shows the slide, its box fitted to the frame. A frame that moved by a few
 * pixels changes nothing; the first slide and every new one are flown to.
 */
export function framePresentation(frame: ScreenFrame): void {
  const { index } = usePresentation.getState();
  const slide = index === null ? undefined : useSlides.getState().slides[index];
  if (index === null || !slide) return;
  if (shown && shown.index === index && sameFrame(shown.frame, frame)) return;
  shown = { index, frame };
  const view = slideSettings(slide);
  if (!view) return;
  void applyView(
    { ...view, camera: slide.bounds && fitCamera(slide.bounds, frame, ZOOM_LIMITS) },
    { animate: true },
  );
}

export function startPresentation(): void {
  const { slides } = useSlides.getState();
  if (slides.length === 0 || usePresentation.getState().index !== null) return;
  shown = null;
  usePresentation.setState({ index: 0, previous: currentView() });
}

/** Next (+1) or previous (−1) slide; stays on the first or last. The presentation then frames it. */
export function stepPresentation(step: number): void {
  const { index } = usePresentation.getState();
  const { slides } = useSlides.getState();
  if (index === null || slides.length === 0) return;
  const next = Math.max(0, Math.min(slides.length - 1, index + step));
  if (next === index) return;
  usePresentation.setState({ index: next });
}

export function stopPresentation(): void {
  const { index, previous } = usePresentation.getState();
  if (index === null) return;
  shown = null;
  usePresentation.setState({ index: null, previous: null });
  if (previous) void applyView(previous, { animate: false });
}
