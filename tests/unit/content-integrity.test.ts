/**
 * The real book's data, checked without a build: every data file and chapter frontmatter passes
 * its schema, and the structure checks of lib/book.ts hold (parts exist, numbers unique, key terms
 * in the glossary). Rendering problems (references, formulas, diagrams) are left to `npm run build`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildBook, chapterSlugFromPath } from '../../src/lib/book.ts';
import { readGlossary } from '../../src/lib/content-files.ts';
import { chapterSchema } from '../../src/schemas/chapter.ts';
import { glossarySchema } from '../../src/schemas/glossary.ts';
import { partSchema } from '../../src/schemas/part.ts';

const contentDir = 'content';
const readYaml = (name: string): unknown => parse(readFileSync(join(contentDir, name), 'utf8'));

const chapterFiles = readdirSync(join(contentDir, 'chapters')).filter((name) => name.endsWith('.mdx'));

function frontmatterOf(name: string): unknown {
  const source = readFileSync(join(contentDir, 'chapters', name), 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!match) throw new Error(`${name}: no frontmatter`);
  return parse(match[1]!);
}

describe('content integrity', () => {
  it('has chapters', () => {
    expect(chapterFiles.length).toBeGreaterThan(0);
  });

  it('parts.yaml and glossary.yaml pass their schemas, with unique ids', () => {
    const parts = partSchema.array().parse(readYaml('parts.yaml'));
    const glossary = glossarySchema.array().parse(readYaml('glossary.yaml'));
    expect(new Set(parts.map((p) => p.id)).size).toBe(parts.length);
    expect(new Set(glossary.map((g) => g.id)).size).toBe(glossary.length);
    // The plugins' view of the glossary agrees with the collection's.
    expect([...readGlossary(contentDir).keys()].sort()).toEqual(glossary.map((g) => g.id).sort());
  });

  it.each(chapterFiles)('%s has valid frontmatter', (name) => {
    const result = chapterSchema.safeParse(frontmatterOf(name));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('the chapters form a valid book', () => {
    const parts = partSchema.array().parse(readYaml('parts.yaml'));
    const glossary = glossarySchema.array().parse(readYaml('glossary.yaml'));
    const chapters = chapterFiles.map((name) => {
      const data = chapterSchema.parse(frontmatterOf(name));
      return { ...data, id: chapterSlugFromPath(name), file: `content/chapters/${name}` };
    });
    const book = buildBook(parts, chapters, { glossaryIds: glossary.map((g) => g.id) });
    expect(book.chapters.length).toBe(chapters.filter((c) => !c.draft).length);
  });
});
