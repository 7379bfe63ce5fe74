/**
 * Loads the collections once per build and turns them into the Book structure all pages share.
 * (Astro-specific glue: the logic itself lives in book.ts and is unit-tested there.)
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildBook, type Book } from './book.ts';

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
