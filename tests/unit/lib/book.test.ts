import { describe, expect, it } from 'vitest';
import { BookError, buildBook, chapterSlugFromPath, neighbours, toRoman, type ChapterInfo, type PartInfo } from '../../../src/lib/book.ts';

const part = (id: string, number: number): PartInfo => ({ id, number, title: `Part ${id}`, description: `About ${id}.` });

const chapter = (id: string, number: number, partId: string, extra: Partial<ChapterInfo> = {}): ChapterInfo => ({
  id,
  file: `content/chapters/${String(number).padStart(2, '0')}-${id}.mdx`,
  title: `Chapter ${id}`,
  part: partId,
  number,
  description: `About ${id}.`,
  keyTerms: [],
  draft: false,
  ...extra,
});

// Deliberately out of order, as collections return them.
const parts = [part('modelops', 3), part('foundation', 1), part('dataops', 2)];
const chapters = [
  chapter('ingestion', 3, 'dataops'),
  chapter('intro', 1, 'foundation'),
  chapter('tracking', 4, 'modelops'),
  chapter('metrics', 2, 'foundation'),
];

/** Runs buildBook expecting a BookError and returns its message. */
function problemsOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BookError);
    return (error as BookError).message;
  }
  throw new Error('expected a BookError');
}

describe('buildBook', () => {
  it('orders parts by number and chapters by number, within and across parts', () => {
    const book = buildBook(parts, chapters);
    expect(book.parts.map((p) => p.id)).toEqual(['foundation', 'dataops', 'modelops']);
    expect(book.chapters.map((c) => c.id)).toEqual(['intro', 'metrics', 'ingestion', 'tracking']);
    expect(book.parts.map((p) => p.chapters.map((c) => c.number))).toEqual([[1, 2], [3], [4]]);
  });

  it('keeps a part with no chapters yet', () => {
    const book = buildBook([...parts, part('devops', 4)], chapters);
    expect(book.parts.at(-1)).toMatchObject({ id: 'devops', chapters: [] });
  });

  it('does not reorder the caller’s arrays', () => {
    const input = [...chapters];
    buildBook(parts, input);
    expect(input.map((c) => c.id)).toEqual(chapters.map((c) => c.id));
  });

  it('leaves drafts out by default and includes them on request', () => {
    const withDraft = [...chapters, chapter('drafty', 5, 'modelops', { draft: true })];
    expect(buildBook(parts, withDraft).chapters.map((c) => c.id)).not.toContain('drafty');
    const dev = buildBook(parts, withDraft, { includeDrafts: true });
    expect(dev.chapters.at(-1)?.id).toBe('drafty');
    expect(dev.parts[2]!.chapters.map((c) => c.id)).toEqual(['tracking', 'drafty']);
  });

  it('does not check drafts that are left out (a draft may reuse a number)', () => {
    const clash = [...chapters, chapter('draft-of-intro', 1, 'foundation', { draft: true })];
    expect(() => buildBook(parts, clash)).not.toThrow();
    expect(problemsOf(() => buildBook(parts, clash, { includeDrafts: true }))).toContain('chapter number 1 is already used');
  });

  it('reports a chapter whose part is not in parts.yaml, listing the known parts', () => {
    const message = problemsOf(() => buildBook(parts, [...chapters, chapter('ops', 5, 'devops')]));
    expect(message).toContain('content/chapters/05-ops.mdx: part "devops" is not in parts.yaml');
    expect(message).toContain('known parts: "modelops", "foundation", "dataops"');
  });

  it('reports a duplicate chapter number with both files', () => {
    const message = problemsOf(() => buildBook(parts, [...chapters, chapter('again', 2, 'foundation', { file: 'content/chapters/02-again.mdx' })]));
    expect(message).toContain('content/chapters/02-again.mdx: chapter number 2 is already used by content/chapters/02-metrics.mdx');
  });

  it('reports a duplicate slug', () => {
    const message = problemsOf(() => buildBook(parts, [...chapters, chapter('intro', 5, 'modelops', { file: 'content/chapters/05-intro.mdx' })]));
    expect(message).toContain('content/chapters/05-intro.mdx: another chapter has the same slug "intro"');
  });

  it('reports a key term missing from the glossary, only when a glossary is given', () => {
    const withTerms = [chapter('intro', 1, 'foundation', { keyTerms: ['mlops', 'made-up'] })];
    expect(() => buildBook(parts, withTerms)).not.toThrow();
    const message = problemsOf(() => buildBook(parts, withTerms, { glossaryIds: ['mlops'] }));
    expect(message).toContain('content/chapters/01-intro.mdx: key term "made-up" is not in glossary.yaml');
    expect(message).not.toContain('"mlops"');
    expect(() => buildBook(parts, withTerms, { glossaryIds: new Set(['mlops', 'made-up']) })).not.toThrow();
  });

  it('reports a chapter of an earlier part numbered after a chapter of a later part', () => {
    const message = problemsOf(() => buildBook(parts, [...chapters, chapter('late-intro', 5, 'foundation')]));
    expect(message).toContain(
      'content/chapters/05-late-intro.mdx: chapter 5 is in part "foundation", which comes before the part of chapter 4 ("modelops")',
    );
  });

  it('reports duplicate part ids and part numbers', () => {
    expect(problemsOf(() => buildBook([...parts, part('dataops', 9)], chapters))).toContain('the part id "dataops" is used twice');
    expect(problemsOf(() => buildBook([...parts, part('devops', 2)], chapters))).toContain(
      'parts "dataops" and "devops" both have number 2',
    );
  });

  it('lists every problem at once, one per line', () => {
    const message = problemsOf(() =>
      buildBook(parts, [...chapters, chapter('ops', 5, 'devops'), chapter('intro', 1, 'foundation', { keyTerms: ['nope'] })], {
        glossaryIds: [],
      }),
    );
    const lines = message.split('\n').filter((line) => line.startsWith('  - '));
    expect(lines).toHaveLength(4);
    expect(message).toMatch(/^The book's structure has problems:/);
    expect(message).toContain('part "devops" is not in parts.yaml');
    expect(message).toContain('chapter number 1 is already used');
    expect(message).toContain('same slug "intro"');
    expect(message).toContain('key term "nope"');
  });
});

describe('neighbours', () => {
  const book = buildBook(parts, chapters);

  it('has no previous chapter at the start', () => {
    const { previous, next } = neighbours(book, 'intro');
    expect(previous).toBeUndefined();
    expect(next?.id).toBe('metrics');
  });

  it('links across a part boundary', () => {
    const { previous, next } = neighbours(book, 'ingestion');
    expect(previous?.id).toBe('metrics');
    expect(next?.id).toBe('tracking');
  });

  it('has no next chapter at the end', () => {
    const { previous, next } = neighbours(book, 'tracking');
    expect(previous?.id).toBe('ingestion');
    expect(next).toBeUndefined();
  });

  it('throws for a chapter that is not in the book (e.g. a left-out draft)', () => {
    expect(() => neighbours(book, 'nowhere')).toThrow(BookError);
    expect(() => neighbours(book, 'nowhere')).toThrow('no chapter "nowhere" in the book');
  });
});

describe('toRoman', () => {
  it.each([
    [1, 'I'], [2, 'II'], [4, 'IV'], [5, 'V'], [9, 'IX'], [14, 'XIV'], [40, 'XL'], [49, 'XLIX'],
    [90, 'XC'], [400, 'CD'], [1994, 'MCMXCIV'], [2024, 'MMXXIV'], [3999, 'MMMCMXCIX'],
  ])('%i -> %s', (n, roman) => {
    expect(toRoman(n)).toBe(roman);
  });

  it.each([0, -1, 1.5, 4000, Number.NaN])('refuses %s', (n) => {
    expect(() => toRoman(n)).toThrow(RangeError);
  });
});

describe('chapterSlugFromPath', () => {
  it.each([
    ['01-what-ml-system-design-is.mdx', 'what-ml-system-design-is'],
    ['content/chapters/12-data-ops.mdx', 'data-ops'],
    ['/abs/path/03_model-ops.md', 'model-ops'],
    ['appendix.mdx', 'appendix'],
    ['2024-review.mdx', 'review'],
  ])('%s -> %s', (path, slug) => {
    expect(chapterSlugFromPath(path)).toBe(slug);
  });
});

describe('buildBook with an unknown part', () => {
  it('reports only the unknown part, not a made-up ordering problem', () => {
    const message = problemsOf(() => buildBook(parts, [...chapters, chapter('ops', 5, 'devops')]));
    expect(message).not.toContain('comes before');
  });
});
