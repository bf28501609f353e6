// The slides file: every saved view ("slide") of a presenter as JSON, to move a briefing to another
// browser or keep it beside the data. Reading one checks all of it before anything is kept.
//
// Rules relied on:
// - A slide's view is a view query (see viewState.ts), so a file holds settings only, never data.
// - A slide also keeps `bounds`, the box the reader saw, which is what playing it fits to the screen
//   (a centre and a zoom would cut the region off on a smaller screen). A slide saved before bounds
//   existed (in a file or in the browser) gets the box its centre and zoom showed on the reference
//   screen below; a view without a camera has none (null: the map stays where it is).
// - `bounds` is optional in the file, so the format is still version 1: an older copy of the app
//   reads a new file and ignores the box.
// - A file is accepted whole or refused whole, with the first problem named (slide number, field).
import type { Bounds } from './areas';
import { cameraBounds, isBounds, type ScreenFrame } from './cameraFit';
import { VIEW_VERSION } from './viewState';

export const SLIDES_FILE_FORMAT = 'guizhou-coverage-atlas/slides';
export const SLIDES_FILE_VERSION = 1;
export const MAX_SLIDES = 500;
export const MAX_NAME_LENGTH = 200;
export const MAX_CAPTION_LENGTH = 2000;

export interface SlideRecord {
  id: string;
  name: string;
  caption: string;
  /** The view as query parameters, `v=1&…` (viewState.ts). */
  view: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
  /** [west, south, east, north] the reader saw; null when the view has no camera. */
  bounds: Bounds | null;
}

/**
 * Where old slides were made: a 1440 × 900 desktop with the side panel over the map's left 332 px
 * (src/map/camera.ts), so the reader saw the map right of it.
 */
export const LEGACY_SCREEN: ScreenFrame = {
  width: 1440,
  height: 900,
  padding: { top: 0, right: 0, bottom: 0, left: 332 },
};

/** The box an old slide's centre and zoom (`c=lon,lat&z=zoom`) showed on the reference screen; null without them. */
export function legacyBounds(view: string): Bounds | null {
  const params = new URLSearchParams(view);
  const [lon, lat] = (params.get('c') ?? '')
    .split(',')
    .map((part) => (part.trim() === '' ? NaN : Number(part)));
  const zoomText = params.get('z') ?? '';
  const zoom = zoomText.trim() === '' ? NaN : Number(zoomText);
  if (![lon, lat, zoom].every(Number.isFinite) || Math.abs(lon) > 180 || Math.abs(lat) > 85) return null;
  if (zoom < 0 || zoom > 24) return null;
  const bounds = cameraBounds({ lon, lat, zoom }, LEGACY_SCREEN);
  return isBounds(bounds) ? bounds : null;
}

/** The slide with its bounds: kept when it has them, else derived from its view's centre and zoom. */
export function withBounds<T extends Omit<SlideRecord, 'bounds'> & { bounds?: unknown }>(
  slide: T,
): T & { bounds: Bounds | null } {
  const bounds = isBounds(slide.bounds) ? slide.bounds : legacyBounds(slide.view);
  return { ...slide, bounds };
}

export type SlidesFileProblem =
  | { code: 'not-json' }
  | { code: 'wrong-format' }
  | { code: 'too-many'; count: number }
  | { code: 'bad-slide'; slide: number; field: keyof SlideRecord | 'slide' };

export function slidesToJson(slides: readonly SlideRecord[], exportedAt: string): string {
  const clean = slides.map(({ id, name, caption, view, createdAt, bounds }) => ({
    id,
    name,
    caption,
    view,
    createdAt,
    bounds,
  }));
  return (
    JSON.stringify(
      { format: SLIDES_FILE_FORMAT, version: SLIDES_FILE_VERSION, exportedAt, slides: clean },
      null,
      2,
    ) + '\n'
  );
}

export function parseSlidesFile(text: string): { slides: SlideRecord[] } | { problem: SlidesFileProblem } {
  let file: unknown;
  try {
    file = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { problem: { code: 'not-json' } };
  }
  if (
    !isObject(file) ||
    file.format !== SLIDES_FILE_FORMAT ||
    file.version !== SLIDES_FILE_VERSION ||
    !Array.isArray(file.slides)
  ) {
    return { problem: { code: 'wrong-format' } };
  }
  if (file.slides.length > MAX_SLIDES) return { problem: { code: 'too-many', count: file.slides.length } };
  const slides: SlideRecord[] = [];
  const seen = new Set<string>();
  for (const [index, slide] of file.slides.entries()) {
    const bad = (field: keyof SlideRecord | 'slide') => ({
      problem: { code: 'bad-slide' as const, slide: index + 1, field },
    });
    if (!isObject(slide)) return bad('slide');
    const { id, name, caption, view, createdAt, bounds } = slide;
    if (typeof id !== 'string' || !/^[\w-]{1,100}$/.test(id) || seen.has(id)) return bad('id');
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) return bad('name');
    if (typeof caption !== 'string' || caption.length > MAX_CAPTION_LENGTH) return bad('caption');
    if (
      typeof view !== 'string' ||
      view.length > 4000 ||
      new URLSearchParams(view).get('v') !== String(VIEW_VERSION)
    )
      return bad('view');
    if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) return bad('createdAt');
    // Left out (an older file) or null, the box comes from the view; given, it must be a box.
    if (bounds !== undefined && bounds !== null && !isBounds(bounds)) return bad('bounds');
    seen.add(id);
    slides.push(withBounds({ id, name, caption, view, createdAt, bounds }));
  }
  return { slides };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
