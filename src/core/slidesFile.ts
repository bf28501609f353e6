// The slides file: every saved view ("slide") of a presenter as JSON, to move a briefing to another
// browser or keep it beside the data. Reading one checks all of it before anything is kept.
//
// Rules relied on:
// - A slide's view is a view query (see viewState.ts), so a file holds settings only, never data.
// - A file is accepted whole or refused whole, with the first problem named (slide number, field).
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
}

export type SlidesFileProblem =
  | { code: 'not-json' }
  | { code: 'wrong-format' }
  | { code: 'too-many'; count: number }
  | { code: 'bad-slide'; slide: number; field: keyof SlideRecord | 'slide' };

export function slidesToJson(slides: readonly SlideRecord[], exportedAt: string): string {
  const clean = slides.map(({ id, name, caption, view, createdAt }) => ({
    id,
    name,
    caption,
    view,
    createdAt,
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
    const { id, name, caption, view, createdAt } = slide;
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
    seen.add(id);
    slides.push({ id, name, caption, view, createdAt });
  }
  return { slides };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
