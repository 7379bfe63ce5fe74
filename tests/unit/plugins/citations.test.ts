import { rmSync } from 'node:fs';
import type { Root as HastRoot } from 'hast';
import rehypeCitation from 'rehype-citation';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import rehypeRaw from 'rehype-raw';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import rehypeCite, { bibliographyParses } from '../../../src/plugins/rehype-cite.ts';
import { findUnresolvedCitation } from '../../../src/plugins/rehype-references.ts';
import { $, $$, squash } from '../support/html.ts';
import { makeContentDir, md, render, renderError } from '../support/render.ts';

const bib = `
@book{huyen2022,
  author    = {Huyen, Chip},
  title     = {Designing Machine Learning Systems},
  publisher = {O'Reilly Media},
  year      = {2022}
}

@inproceedings{sculley2015,
  author    = {Sculley, D. and Holt, Gary},
  title     = {Hidden Technical Debt in Machine Learning Systems},
  booktitle = {Advances in Neural Information Processing Systems},
  year      = {2015},
  doi       = {10.5555/2969442.2969519}
}
`;
const contentDir = makeContentDir({ bib });
afterAll(() => rmSync(contentDir, { recursive: true, force: true }));

describe('citations', () => {
  it('turns [@key] into an author-year citation linked to a References section', async () => {
    const { html } = await render('As argued before [@huyen2022], design matters.', { contentDir });
    const link = $(html, 'a[href=#bib-huyen2022]');
    expect(link.text).toBe('Huyen, 2022');
    expect($(html, 'p').text).toBe('As argued before (Huyen, 2022), design matters.');

    const section = $(html, 'section.references');
    expect(section.attrs['aria-labelledby']).toBe('references');
    const heading = $(section.html, 'h2#references');
    expect(heading.text).toBe('References');
    const entry = $(section.html, 'div#bib-huyen2022');
    expect(entry.attrs.class).toBe('csl-entry');
    expect(squash(entry.text)).toBe('Huyen, C. (2022). Designing Machine Learning Systems. O’Reilly Media.');
  });

  it('links the DOI an entry prints, without the full stop after it', async () => {
    const { html } = await render('Debt [@sculley2015].', { contentDir });
    const entry = $(html, 'div#bib-sculley2015');
    const link = $(entry.html, 'a');
    expect(link.attrs.href).toBe('https://doi.org/10.5555/2969442.2969519');
    expect(link.text).toBe('https://doi.org/10.5555/2969442.2969519');
    // Every URL printed in the entry is inside a link.
    expect(entry.html.replace(/<a [^>]*>[^<]*<\/a>/g, '')).not.toMatch(/https?:/);
  });

  it('handles several keys and narrative citations, listing each work once', async () => {
    const { html } = await render('Both [@huyen2022; @sculley2015] agree, and @sculley2015 add more.', { contentDir });
    expect($(html, 'p').text).toBe('Both (Huyen, 2022; Sculley & Holt, 2015) agree, and Sculley & Holt (2015) add more.');
    expect($$(html, 'div.csl-entry').map((e) => e.attrs.id)).toEqual(['bib-huyen2022', 'bib-sculley2015']);
  });

  it('adds no References section when nothing is cited', async () => {
    const { html } = await render('No citations; write to user@example.com.', { contentDir });
    expect($$(html, 'section.references')).toHaveLength(0);
  });

  it('ignores citation-like text in code', async () => {
    const { html } = await render('Write `[@key]` to cite.', { contentDir });
    expect($(html, 'code').text).toBe('[@key]');
  });

  it('fails on an unknown key, naming it and the line', async () => {
    const error = await renderError(md('Known [@huyen2022].', '', 'Unknown [@nobody1999] here.'), { contentDir });
    expect(error.message).toContain('Unknown citation [@nobody1999]');
    expect(error.message).toContain('references.bib');
    expect(error.line).toBe(3);
  });

  it('fails on an unknown narrative citation', async () => {
    const error = await renderError('As @nobody1999 said.', { contentDir });
    expect(error.message).toContain('Unknown citation @nobody1999');
  });
});

describe('findUnresolvedCitation', () => {
  it.each([
    ['text [@key] more', '[@key]'],
    ['[see @a; @b, p. 3]', '[see @a; @b, p. 3]'],
    ['as @smith2020 says', '@smith2020'],
    ['-@smith2020 (year only)', '-@smith2020'],
  ])('finds %j', (text, found) => {
    expect(findUnresolvedCitation(text)).toBe(found);
  });

  it.each(['mail user@example.com', 'plain [brackets] only', 'an @ alone', 'price 3 @ 5'])('ignores %j', (text) => {
    expect(findUnresolvedCitation(text)).toBeUndefined();
  });
});

describe('the shared bibliography (rehype-cite)', () => {
  const options = { path: contentDir, bibliography: 'references.bib', csl: 'apa', linkCitations: true };
  /**
   * Markdown to the hast tree rehype-citation sees: footnotes included, frontmatter in file data;
   * with rehype-raw as in Astro's MDX pipeline (the footnotes' dataFootnotes is then '') or not.
   */
  const hast = async (markdown: string, frontmatter: Record<string, unknown> = {}, raw = false) => {
    const file = new VFile({ value: markdown, data: { astro: { frontmatter } } });
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true });
    if (raw) processor.use(rehypeRaw);
    const tree = await processor.run(unified().use(remarkParse).use(remarkGfm).parse(file), file);
    return { tree: tree as HastRoot, file };
  };
  const pages: [string, string, Record<string, unknown>?][] = [
    ['a citation and a footnote', 'As shown [@huyen2022], with a note.[^1]\n\n[^1]: The note, citing @sculley2015.'],
    ['no citation but a footnote', 'Plain text.[^1] Mail me at user@example.com.\n\n[^1]: A note.'],
    ['no "@" at all, with a footnote', 'Plain text.[^1]\n\n[^1]: A note.'],
    ['nothing cited, every work listed (noCite)', 'The bibliography.', { noCite: ['@*'] }],
    ['an unknown key left as text', 'See [@nobody1999].'],
    ['citations in several blocks, a list, a table and a footnote', 'First [@huyen2022].\n\n- item @sculley2015 says\n\n| a | b |\n| - | - |\n| [@huyen2022] | x |\n\nPlain.[^n]\n\n[^n]: Note [@sculley2015].'],
  ];

  it.each(pages.flatMap(([name, markdown, frontmatter]) => [false, true].map((raw) => [`${name}${raw ? ' (after rehype-raw)' : ''}`, markdown, frontmatter, raw] as const)))(
    'gives exactly what rehype-citation gives: %s',
    async (_, markdown, frontmatter, raw) => {
      const ours = await hast(markdown, frontmatter, raw);
      const theirs = await hast(markdown, frontmatter, raw);
      await rehypeCite(options)(ours.tree, ours.file);
      await (rehypeCitation as unknown as (o: typeof options) => (t: HastRoot, f: VFile) => Promise<void>)(options)(theirs.tree, theirs.file);
      expect(ours.tree).toEqual(theirs.tree);
    },
  );

  it('parses the bibliography once for all the pages that use it, and again when it changes', async () => {
    await render('First [@huyen2022].', { contentDir });
    const before = bibliographyParses;
    for (const text of ['Second [@huyen2022].', 'Third [@sculley2015; @huyen2022].', 'Fourth, narrative @sculley2015.']) {
      const { html } = await render(text, { contentDir });
      expect(html).toContain('class="csl-entry"');
    }
    expect(bibliographyParses).toBe(before);
    const edited = makeContentDir({ bib: bib.replace('Designing Machine Learning Systems', 'Designing ML Systems') });
    try {
      const { html } = await render('Edited [@huyen2022].', { contentDir: edited });
      expect(html).toContain('Designing ML Systems');
      expect(bibliographyParses).toBe(before + 1);
    } finally {
      rmSync(edited, { recursive: true, force: true });
    }
  });
});
