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
import { checkObjectives, loadExercises } from '../../src/lib/exercises/load.ts';
import { isAutoChecked } from '../../src/schemas/exercise.ts';
import { loadChart } from '../../src/lib/charts/load.ts';
import GithubSlugger from 'github-slugger';

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

  it.each(chapterFiles)('%s has the parts every chapter needs', (name) => {
    const source = readFileSync(join(contentDir, 'chapters', name), 'utf8');
    const body = source.replace(/^---[\s\S]*?\n---\n/, '');
    const data = chapterSchema.parse(frontmatterOf(name));
    expect(data.objectives.length, 'learning objectives').toBeGreaterThanOrEqual(3);
    expect(data.objectives.length, 'learning objectives').toBeLessThanOrEqual(6);
    expect(data.keyTerms.length, 'key terms').toBeGreaterThanOrEqual(5);
    expect(body, 'a Summary section').toMatch(/^## Summary$/m);
    expect(body, 'an Exercises section').toMatch(/^## Exercises$/m);
    expect(body.match(/^```mermaid$/gm)?.length ?? 0, 'Mermaid diagrams').toBeGreaterThanOrEqual(1);
    expect(body, 'a formula').toMatch(/\$[^$\n]+\$/);
    expect(new Set([...body.matchAll(/^:::(note|tip|warning|practice)\b/gm)].map((m) => m[1])).size, 'kinds of callout').toBeGreaterThanOrEqual(3);
    expect(body, 'a citation').toMatch(/@[a-z]+\d{4}/);
    // Prose words, leaving out code, diagrams, display math, tables and directives.
    const prose = body
      .replace(/```[\s\S]*?```/g, '')
      .replace(/\$\$[\s\S]*?\$\$/g, '')
      .split('\n')
      .filter((line) => !line.trim().startsWith('|') && !line.startsWith('::'))
      .join('\n')
      .replace(/\$[^$\n]*\$/g, '');
    const words = prose.match(/[A-Za-z][A-Za-z'’-]*/g)?.length ?? 0;
    expect(words, 'words of prose').toBeGreaterThanOrEqual(3000);
    expect(words, 'words of prose').toBeLessThanOrEqual(6000);
  });

  describe('second-edition apparatus', () => {
    const bib = readFileSync(join(contentDir, 'references.bib'), 'utf8');
    const bibKeys = new Set([...bib.matchAll(/^@\w+\{([^,\s]+),/gm)].map((m) => m[1]!));
    const bodyOf = (name: string) => readFileSync(join(contentDir, 'chapters', name), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    /** The `##` sections of a chapter with their slugs (as rehype-slug makes them) and bodies. */
    const sectionsOf = (name: string) => {
      const slugger = new GithubSlugger();
      const sections: { title: string; slug: string; body: string }[] = [];
      for (const line of bodyOf(name).replace(/```[\s\S]*?```/g, '').split('\n')) {
        const heading = /^(#{2,6}) (.+)$/.exec(line);
        if (heading) {
          const slug = slugger.slug(heading[2]!.replace(/[*_`]/g, ''));
          if (heading[1] === '##') {
            sections.push({ title: heading[2]!, slug, body: '' });
            continue;
          }
        }
        if (sections.length) sections.at(-1)!.body += `${line}\n`;
      }
      return sections;
    };
    const endMatter = new Set(['summary', 'exercises', 'further-reading', 'key-takeaways']);

    it.each(chapterFiles)('%s: every main section ends with one to three self-checks; only end matter is exempt', (name) => {
      const data = chapterSchema.parse(frontmatterOf(name));
      expect(data.selfCheckExempt.filter((slug) => !endMatter.has(slug)), 'exempt sections that are not end matter').toEqual([]);
      for (const section of sectionsOf(name)) {
        const checks = section.body.match(/^::check\{#[a-z0-9-]+\}\s*$/gm)?.length ?? 0;
        if (data.selfCheckExempt.includes(section.slug)) expect(checks, section.title).toBe(0);
        else {
          expect(checks, `self-checks after "${section.title}"`).toBeGreaterThanOrEqual(1);
          expect(checks, `self-checks after "${section.title}"`).toBeLessThanOrEqual(3);
        }
      }
    });

    it.each(chapterFiles)('%s: at least one numbered figure drawn from data, whose chart files parse', (name) => {
      const charts = [...bodyOf(name).matchAll(/:::figure\[.*?\]\{#(fig-[a-z0-9-]+)\}\n((?:(?!:::\n)[\s\S])*?)::chart\{src="([a-z0-9-]+)"\}/g)];
      expect(charts.length, 'figures with a ::chart').toBeGreaterThanOrEqual(1);
      for (const match of [...bodyOf(name).matchAll(/::chart\{src="([a-z0-9-]+)"\}/g)]) {
        expect(() => loadChart(contentDir, match[1]!), match[1]).not.toThrow();
      }
    });

    it.each(chapterFiles)('%s: further reading of four to six annotated entries, each citing the bibliography', (name) => {
      const section = sectionsOf(name).find((s) => s.slug === 'further-reading');
      expect(section, 'a "Further reading" section').toBeDefined();
      const entries = section!.body.split('\n').filter((line) => line.startsWith('- '));
      expect(entries.length).toBeGreaterThanOrEqual(4);
      expect(entries.length).toBeLessThanOrEqual(6);
      for (const entry of entries) {
        expect(entry, 'cites a work').toMatch(/@[a-z]+\d{4}[a-z]?/);
        // The annotation: at least a sentence beyond the citation and title.
        expect(entry.replace(/\[?@[a-z]+\d{4}[a-z]?\]?/g, '').replace(/\*[^*]+\*/g, '').split(/\s+/).length, entry).toBeGreaterThanOrEqual(10);
      }
      const order = sectionsOf(name).map((s) => s.slug);
      expect(order.indexOf('further-reading'), 'further reading comes after the summary').toBeGreaterThan(order.indexOf('summary'));
    });

    it('every citation key in chapters and exercises is in the bibliography', () => {
      const sources = [
        ...chapterFiles.map((name) => readFileSync(join(contentDir, 'chapters', name), 'utf8')),
        ...readdirSync(join(contentDir, 'exercises')).map((name) => readFileSync(join(contentDir, 'exercises', name), 'utf8')),
      ];
      const cited = new Set(sources.flatMap((text) => [...text.matchAll(/(?<![\w.])@([a-z]+\d{4}[a-z]?)\b/g)].map((m) => m[1]!)));
      expect([...cited].filter((key) => !bibKeys.has(key))).toEqual([]);
    });

    it('every bibliography entry can be verified (DOI, ISBN or URL) and every DOI is well formed', () => {
      const entries = bib.split(/\n(?=@)/).filter((e) => e.startsWith('@'));
      const unverifiable = entries.filter((e) => !/^\s*(doi|isbn|url)\s*=/m.test(e)).map((e) => /^@\w+\{([^,]+)/.exec(e)![1]);
      expect(unverifiable).toEqual([]);
      for (const doi of bib.matchAll(/^\s*doi\s*=\s*\{([^}]*)\}/gm)) expect(doi[1]).toMatch(/^10\.\d{4,9}\/\S+$/);
    });

    it('every chapter cites every bibliography entry somewhere, or the entry is cited by a further-reading list', () => {
      const text = chapterFiles.map((name) => readFileSync(join(contentDir, 'chapters', name), 'utf8')).join('\n') +
        readdirSync(join(contentDir, 'exercises')).map((name) => readFileSync(join(contentDir, 'exercises', name), 'utf8')).join('\n');
      expect([...bibKeys].filter((key) => !new RegExp(`@${key}\\b`).test(text)), 'entries nothing cites').toEqual([]);
    });
  });

  it('the glossary has at least 40 terms, and every term is taught as a key term of some chapter', () => {
    const glossary = glossarySchema.array().parse(readYaml('glossary.yaml'));
    expect(glossary.length).toBeGreaterThanOrEqual(40);
    const taught = new Set(chapterFiles.flatMap((name) => chapterSchema.parse(frontmatterOf(name)).keyTerms));
    expect(glossary.map((g) => g.id).filter((id) => !taught.has(id))).toEqual([]);
  });

  describe('exercises', () => {
    const all = loadExercises(contentDir);
    const placed = (name: string): string[] => {
      const source = readFileSync(join(contentDir, 'chapters', name), 'utf8');
      return [...source.matchAll(/^::(?:exercise|check)\{#([a-z0-9-]+)\}\s*$/gm)].map((m) => m[1]!);
    };

    it.each(chapterFiles)('%s: exercises exist, are placed once each, and meet the minimums', (name) => {
      const slug = chapterSlugFromPath(name);
      const own = all.filter((e) => e.chapter === slug);
      const data = chapterSchema.parse(frontmatterOf(name));
      checkObjectives(own, data.objectives.length);
      const ids = placed(name);
      // Every placed id is one of this chapter's exercises, placed once; every exercise is placed.
      expect(ids.filter((id) => !own.some((e) => e.exercise.id === id))).toEqual([]);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      expect(own.map((e) => e.exercise.id).filter((id) => !ids.includes(id))).toEqual([]);
      // Issue 4 minimums: 8 auto-checked of 4+ types, and one open or case-study exercise.
      const auto = own.filter((e) => e.role === 'exercise' && isAutoChecked(e.exercise));
      expect(auto.length, `${name}: auto-checked exercises`).toBeGreaterThanOrEqual(8);
      expect(new Set(auto.map((e) => e.exercise.type)).size, `${name}: auto-checked types`).toBeGreaterThanOrEqual(4);
      expect(own.some((e) => !isAutoChecked(e.exercise)), `${name}: open or case-study exercise`).toBe(true);
    });

    it('every exercise file belongs to a chapter', () => {
      const slugs = chapterFiles.map(chapterSlugFromPath);
      expect([...new Set(all.map((e) => e.chapter))].filter((c) => !slugs.includes(c))).toEqual([]);
    });
  });
});
