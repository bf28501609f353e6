// The presenter's slides (saved views), kept with the datasets in the app's IndexedDB database.
//
// Rules relied on:
// - Slides are listed in `position` order; a reorder or an import writes every changed slide in one
//   transaction, so the order is never half-changed.
// - An import upserts by id: importing one's own export again changes nothing, a colleague's
//   slides are added after the existing ones.
// - A slide stored before slides kept their bounds is read with the box its centre and zoom showed
//   (core/slidesFile.ts `withBounds`); it is written with it the next time it is saved.
import { DATABASE_NAME, inTransaction } from './db';
import { StorageError } from './errors';
import { withBounds, type SlideRecord } from '../core/slidesFile';
import type { StoredSlide } from './types';

export function listSlides(databaseName: string = DATABASE_NAME): Promise<StoredSlide[]> {
  return inTransaction(
    databaseName,
    ['slides'],
    'readonly',
    { code: 'read-failed', what: 'reading the slides' },
    async (transaction) => {
      const slides = (await transaction.objectStore('slides').getAll()).map(withBounds);
      return slides.sort((a, b) => a.position - b.position || a.createdAt.localeCompare(b.createdAt));
    },
  );
}

/** Writes (adds or replaces) slides in one transaction. */
export async function saveSlides(
  slides: readonly StoredSlide[],
  databaseName: string = DATABASE_NAME,
): Promise<void> {
  for (const slide of slides) {
    if (typeof slide.id !== 'string' || slide.id === '' || !Number.isFinite(slide.position))
      throw new StorageError('invalid', `slide ${String(slide.id)}: an id and a position are required`);
  }
  return inTransaction(
    databaseName,
    ['slides'],
    'readwrite',
    { code: 'write-failed', what: 'saving slides' },
    async (transaction) => {
      const store = transaction.objectStore('slides');
      for (const slide of slides) await store.put({ ...slide });
    },
  );
}

export function deleteSlide(id: string, databaseName: string = DATABASE_NAME): Promise<void> {
  return inTransaction(
    databaseName,
    ['slides'],
    'readwrite',
    { code: 'write-failed', what: `deleting slide ${id}` },
    async (transaction) => {
      await transaction.objectStore('slides').delete(id);
    },
  );
}

/**
 * Adds imported slides in one transaction: one with an id already stored replaces it in place,
 * the others follow the existing slides in file order. Resolves with the whole list.
 */
export async function importSlides(
  slides: readonly SlideRecord[],
  databaseName: string = DATABASE_NAME,
): Promise<StoredSlide[]> {
  await inTransaction(
    databaseName,
    ['slides'],
    'readwrite',
    { code: 'write-failed', what: 'importing slides' },
    async (transaction) => {
      const store = transaction.objectStore('slides');
      const existing = await store.getAll();
      const positions = new Map(existing.map((slide) => [slide.id, slide.position]));
      let next = existing.reduce((max, slide) => Math.max(max, slide.position), -1) + 1;
      for (const slide of slides) await store.put({ ...slide, position: positions.get(slide.id) ?? next++ });
    },
  );
  return listSlides(databaseName);
}
