/**
 * Loads the collections once per build and turns them into the Book structure all pages share.
 * (Astro-specific glue: the logic itself lives in book.ts and is unit-tested there.)
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildBook, type Book, type ChapterInfo } from './book.ts';
import { exerciseLabel } from './exercises/render.ts';
import { readBuildEnv } from './build-env.ts';
import { loadExercises, type LoadedExercise } from './exercises/load.ts';
import { exerciseHash } from './exercises/key.ts';
import type { ExerciseRole } from '../schemas/exercise.ts';

let cached: Promise<Book> | undefined;

export function loadBook(): Promise<Book> {
  cached ??= (async () => {
    const [parts, chapters, glossary] = await Promise.all([
      getCollection('parts'),
      getCollection('chapters'),
      getCollection('glossary'),
    ]);
    return buildBook(
      parts.map((p) => ({ ...p.data, id: p.id })),
      chapters.map((c) => ({
        id: c.id,
        file: c.filePath ?? c.id,
        title: c.data.title,
        part: c.data.part,
        number: c.data.number,
        description: c.data.description,
        keyTerms: c.data.keyTerms,
        draft: c.data.draft,
      })),
      { includeDrafts: import.meta.env.DEV, glossaryIds: glossary.map((g) => g.id) },
    );
  })();
  return cached;
}

export async function chapterEntries(): Promise<CollectionEntry<'chapters'>[]> {
  const book = await loadBook();
  const published = new Set(book.chapters.map((c) => c.id));
  return (await getCollection('chapters')).filter((c) => published.has(c.id));
}

/**
 * The published chapters' exercises, by chapter id, in file order: end-of-chapter exercises only
 * (`role` 'exercise', the default), self-checks only ('check'), or both ('all').
 */
export async function exercisesByChapter(role: ExerciseRole | 'all' = 'exercise'): Promise<Map<string, LoadedExercise[]>> {
  const book = await loadBook();
  const all = loadExercises(readBuildEnv().contentDir).filter((e) => role === 'all' || e.role === role);
  return new Map(book.chapters.map((c) => [c.id, all.filter((e) => e.chapter === c.id)]));
}

/** `id:hash-prefix` tokens that progress displays read (scripts/book-progress.ts). */
// Six hex digits of the hash are plenty to notice an edited exercise, and the sidebar repeats
// these tokens on every page.
export const progressTokens = (items: LoadedExercise[]): string => items.map((e) => `${e.exercise.id}:${exerciseHash(e.exercise).slice(0, 6)}`).join(' ');

export interface CatalogEntry {
  loaded: LoadedExercise;
  chapter: ChapterInfo;
  /** "Exercise 3.2" or "Check 3.2" */
  label: string;
}

/**
 * Every published exercise and self-check with its chapter and label, in book order: per chapter,
 * the self-checks (they come first in the chapter's text) and then the exercises.
 */
export async function exerciseCatalog(): Promise<CatalogEntry[]> {
  const book = await loadBook();
  const byChapter = await exercisesByChapter('all');
  return book.chapters.flatMap((chapter) => {
    const own = byChapter.get(chapter.id) ?? [];
    return (['check', 'exercise'] as const).flatMap((role) =>
      own.filter((e) => e.role === role).map((loaded, i) => ({ loaded, chapter, label: exerciseLabel(chapter.number, i, role) })),
    );
  });
}
