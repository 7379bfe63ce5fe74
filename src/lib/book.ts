/**
 * The book's structure: parts in order, chapters in order, previous/next links.
 * Pure functions over plain data so the pages and the unit tests share them.
 */

export interface PartInfo {
  id: string;
  number: number;
  title: string;
  description: string;
}

export interface ChapterInfo {
  /** Collection id, also the URL slug (file name without the `NN-` prefix). */
  id: string;
  /** Source file, for error messages. */
  file: string;
  title: string;
  part: string;
  number: number;
  description: string;
  keyTerms: string[];
  draft: boolean;
}

export interface PartWithChapters extends PartInfo {
  chapters: ChapterInfo[];
}

export interface Book {
  parts: PartWithChapters[];
  /** Every published chapter in reading order. */
  chapters: ChapterInfo[];
}

export class BookError extends Error {
  override name = 'BookError';
}

const romanTable: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`cannot write ${n} in roman numerals`);
  let rest = n;
  let out = '';
  for (const [value, letters] of romanTable) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** `01-what-ml-system-design-is.mdx` -> `what-ml-system-design-is` */
export function chapterSlugFromPath(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.mdx?$/, '').replace(/^\d+[-_]/, '');
}

/**
 * Orders parts and chapters and checks what a schema cannot see on its own: every chapter's part
 * exists, numbers are unique, chapters of a later part never come before an earlier part's, and
 * every key term is in the glossary. Throws one BookError listing every problem with its file.
 */
export function buildBook(
  parts: PartInfo[],
  chapters: ChapterInfo[],
  options: { includeDrafts?: boolean; glossaryIds?: Iterable<string> } = {},
): Book {
  const problems: string[] = [];
  const partIds = new Map<string, PartInfo>();
  const partNumbers = new Map<number, string>();
  for (const part of parts) {
    if (partIds.has(part.id)) problems.push(`parts: the part id "${part.id}" is used twice`);
    if (partNumbers.has(part.number)) {
      problems.push(`parts: parts "${partNumbers.get(part.number)}" and "${part.id}" both have number ${part.number}`);
    }
    partIds.set(part.id, part);
    partNumbers.set(part.number, part.id);
  }
  const glossary = options.glossaryIds ? new Set(options.glossaryIds) : undefined;
  const published = chapters.filter((c) => options.includeDrafts || !c.draft);
  const byNumber = new Map<number, ChapterInfo>();
  const byId = new Set<string>();
  for (const chapter of published) {
    if (!partIds.has(chapter.part)) {
      const known = [...partIds.keys()].map((id) => `"${id}"`).join(', ') || 'none';
      problems.push(`${chapter.file}: part "${chapter.part}" is not in parts.yaml (known parts: ${known})`);
    }
    const clash = byNumber.get(chapter.number);
    if (clash) problems.push(`${chapter.file}: chapter number ${chapter.number} is already used by ${clash.file}`);
    byNumber.set(chapter.number, chapter);
    if (byId.has(chapter.id)) problems.push(`${chapter.file}: another chapter has the same slug "${chapter.id}"`);
    byId.add(chapter.id);
    if (glossary) {
      for (const term of chapter.keyTerms) {
        if (!glossary.has(term)) problems.push(`${chapter.file}: key term "${term}" is not in glossary.yaml`);
      }
    }
  }
  const sortedParts = [...parts].sort((a, b) => a.number - b.number);
  const partRank = new Map(sortedParts.map((p, i) => [p.id, i]));
  const ordered = [...published].sort((a, b) => a.number - b.number);
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1]!;
    const cur = ordered[i]!;
    const curRank = partRank.get(cur.part);
    const prevRank = partRank.get(prev.part);
    // An unknown part is reported above; ranking it as the first part would add a false complaint.
    if (curRank !== undefined && prevRank !== undefined && curRank < prevRank) {
      problems.push(
        `${cur.file}: chapter ${cur.number} is in part "${cur.part}", which comes before the part of chapter ${prev.number} ("${prev.part}")`,
      );
    }
  }
  if (problems.length > 0) throw new BookError(`The book's structure has problems:\n  - ${problems.join('\n  - ')}`);
  return {
    parts: sortedParts.map((part) => ({ ...part, chapters: ordered.filter((c) => c.part === part.id) })),
    chapters: ordered,
  };
}

export interface Neighbours {
  previous: ChapterInfo | undefined;
  next: ChapterInfo | undefined;
}

export function neighbours(book: Book, chapterId: string): Neighbours {
  const index = book.chapters.findIndex((c) => c.id === chapterId);
  if (index === -1) throw new BookError(`no chapter "${chapterId}" in the book`);
  return { previous: book.chapters[index - 1], next: book.chapters[index + 1] };
}
