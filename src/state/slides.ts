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
import { create } from 'zustand';
import { parseSlidesFile, slidesToJson, type SlidesFileProblem } from '../core/slidesFile';
import type { ViewState } from '../core/viewState';
import { StorageError } from '../storage/errors';
import { deleteSlide, importSlides, listSlides, saveSlides } from '../storage/slides';
import type { StoredSlide } from '../storage/types';
import { downloadBytes } from './datasets';
import { applyView, currentView, decodeViewQuery, encodeCurrentView } from './urlState';

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
    position,
  };
  return guarded(() => saveSlides([slide]));
}

function changeSlide(
  id: string,
  change: Partial<Pick<StoredSlide, 'name' | 'caption' | 'view'>>,
): Promise<boolean> {
  const slide = useSlides.getState().slides.find((s) => s.id === id);
  return slide ? guarded(() => saveSlides([{ ...slide, ...change }])) : Promise.resolve(false);
}

export const renameSlide = (id: string, name: string) => changeSlide(id, { name });
export const setSlideCaption = (id: string, caption: string) => changeSlide(id, { caption });
/** The slide keeps its name and caption and takes the view shown now. */
export const updateSlideView = (id: string) => changeSlide(id, { view: encodeCurrentView() });
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

/** Shows a slide's view, flying the map there. */
export function showSlide(slide: StoredSlide, animate = true): void {
  const view = decodeViewQuery(slide.view);
  if (view) void applyView(view, { animate });
}

interface PresentationSlice {
  /** The slide shown, or null when not presenting. */
  index: number | null;
  /** The view to return to when the presentation ends. */
  previous: ViewState | null;
}

export const usePresentation = create<PresentationSlice>()(() => ({ index: null, previous: null }));

export function startPresentation(): void {
  const { slides } = useSlides.getState();
  if (slides.length === 0 || usePresentation.getState().index !== null) return;
  usePresentation.setState({ index: 0, previous: currentView() });
  showSlide(slides[0]);
}

/** Next (+1) or previous (−1) slide; stays on the first or last. */
export function stepPresentation(step: number): void {
  const { index } = usePresentation.getState();
  const { slides } = useSlides.getState();
  if (index === null || slides.length === 0) return;
  const next = Math.max(0, Math.min(slides.length - 1, index + step));
  if (next === index) return;
  usePresentation.setState({ index: next });
  showSlide(slides[next]);
}

export function stopPresentation(): void {
  const { index, previous } = usePresentation.getState();
  if (index === null) return;
  usePresentation.setState({ index: null, previous: null });
  if (previous) void applyView(previous, { animate: false });
}
