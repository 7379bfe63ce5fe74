/**
 * `search-records.json`: the exercises' search records (lib/exercises/search-records.ts), read and
 * then removed by the Pagefind step at the end of the build. Computed from the catalog, so labels
 * and chapters are the book's own.
 */
import type { APIRoute } from 'astro';
import { exerciseCatalog, loadBook } from '../lib/load-book.ts';
import { exerciseSearchText, type SearchRecord } from '../lib/exercises/search-records.ts';
import { exerciseAnchor } from '../lib/exercises/render.ts';
import { chapterFilterValue, kindFilterValues, partFilterValue } from '../lib/search-filters.ts';
import { chapterPath, withBase } from '../lib/url.ts';

export const GET: APIRoute = async () => {
  const book = await loadBook();
  const base = import.meta.env.BASE_URL;
  const records: SearchRecord[] = (await exerciseCatalog()).map(({ loaded, chapter, label }) => {
    const part = book.parts.find((p) => p.id === chapter.part)!;
    return {
      url: `${withBase(base, chapterPath(chapter.id))}#${exerciseAnchor(loaded.exercise.id)}`,
      content: exerciseSearchText(loaded.exercise),
      language: 'en',
      meta: { title: `${label}: ${loaded.exercise.title}` },
      filters: {
        kind: [kindFilterValues.exercises],
        part: [partFilterValue(part.number, part.title)],
        chapter: [chapterFilterValue(chapter.number, chapter.title)],
      },
    };
  });
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json' } });
};
