import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Code, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { countUncachedDiagrams } from '../../../src/integrations/mermaid-browser.ts';
import { mermaidFences } from '../../../src/plugins/mermaid/fences.ts';
import { cachePath } from '../../../src/plugins/mermaid/renderer.ts';
import { generateBook } from '../../bench/generate-book.ts';

/** What remark gives the renderer: the value of every ```mermaid code block. */
function remarkFences(markdown: string): string[] {
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkDirective).parse(markdown.replace(/^---\n[\s\S]*?\n---\n/, '')) as Root;
  const found: string[] = [];
  visit(tree, 'code', (node: Code) => {
    if (node.lang === 'mermaid') found.push(node.value);
  });
  return found;
}

const work = mkdtempSync(join(tmpdir(), 'book-fences-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('mermaidFences', () => {
  it('finds the same diagram sources as remark, in fences of every shape', () => {
    const markdown = [
      'Text.',
      '',
      '```mermaid',
      'flowchart LR',
      '  A --> B',
      '```',
      '',
      '  ~~~~ mermaid title',
      '  flowchart TD',
      '    C --> D',
      '  ~~~~',
      '',
      '```js',
      'not a diagram',
      '```',
      '',
      ':::figure[Caption]{#fig-x}',
      '```mermaid',
      'sequenceDiagram',
      '  X->>Y: hi',
      '',
      '```',
      ':::',
    ].join('\n');
    const expected = remarkFences(markdown);
    expect(expected).toHaveLength(3);
    expect(mermaidFences(markdown)).toEqual(expected);
  });

  it('agrees with remark on the book and on a generated book', () => {
    const dir = join(work, 'book');
    generateBook(dir, 3);
    const files = [
      ...readdirSync('content/chapters').map((f) => join('content/chapters', f)),
      ...readdirSync(join(dir, 'chapters')).map((f) => join(dir, 'chapters', f)),
    ];
    let total = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const expected = remarkFences(text);
      total += expected.length;
      expect(mermaidFences(text), file).toEqual(expected);
    }
    expect(total).toBeGreaterThanOrEqual(8);
  });
});

describe('countUncachedDiagrams', () => {
  it('counts the diagrams whose cache file is missing, and every diagram when the cache is off', () => {
    const dir = join(work, 'count');
    generateBook(dir, 2);
    const cacheDir = join(work, 'count-cache');
    expect(countUncachedDiagrams({ contentDir: dir, cacheDir })).toBe(4);
    expect(countUncachedDiagrams({ contentDir: dir, cacheDir: undefined })).toBe(4);
    const first = mermaidFences(readFileSync(join(dir, 'chapters', readdirSync(join(dir, 'chapters')).sort()[0]!), 'utf8'))[0]!;
    const path = cachePath(first, { cacheDir })!;
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path, '{}');
    expect(countUncachedDiagrams({ contentDir: dir, cacheDir })).toBe(3);
    expect(countUncachedDiagrams({ contentDir: join(work, 'no-such-book'), cacheDir })).toBe(0);
  });
});
