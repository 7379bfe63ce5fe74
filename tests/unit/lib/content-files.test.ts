import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bibliographyPath, readGlossary } from '../../../src/lib/content-files.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'book-content-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('readGlossary', () => {
  it('maps every entry id to its term and definition', () => {
    writeFileSync(
      join(dir, 'glossary.yaml'),
      [
        '# comment lines are fine',
        '- id: data-drift',
        '  term: Data drift',
        '  definition: A change in the distribution of the inputs.',
        '- id: mlops',
        '  term: MLOps',
        '  definition: >-',
        '    Practices that take machine learning',
        '    to production.',
      ].join('\n'),
    );
    const glossary = readGlossary(dir);
    expect([...glossary.keys()]).toEqual(['data-drift', 'mlops']);
    expect(glossary.get('data-drift')).toEqual({ term: 'Data drift', definition: 'A change in the distribution of the inputs.' });
    expect(glossary.get('mlops')?.definition).toBe('Practices that take machine learning to production.');
  });

  it('skips entries without a string id, term and definition (the collection schema reports them)', () => {
    writeFileSync(join(dir, 'glossary.yaml'), '- id: ok\n  term: OK\n  definition: Fine.\n- id: broken\n  term: Broken\n- null\n- id: 3\n  term: Three\n  definition: Numeric id.\n');
    expect([...readGlossary(dir).keys()]).toEqual(['ok']);
  });

  it('returns an empty map when there is no glossary file', () => {
    expect(readGlossary(dir).size).toBe(0);
  });

  it('fails, naming the file, when the glossary is not a list', () => {
    writeFileSync(join(dir, 'glossary.yaml'), 'data-drift:\n  term: Data drift\n');
    expect(() => readGlossary(dir)).toThrow(`${join(dir, 'glossary.yaml')}: expected a list of glossary entries`);
  });
});

describe('bibliographyPath', () => {
  it('is references.bib in the content folder', () => {
    expect(bibliographyPath('/book/content')).toBe('/book/content/references.bib');
  });
});

describe('readGlossary on broken YAML', () => {
  it('names the file in the parse error', () => {
    const broken = mkdtempSync(join(tmpdir(), 'book-content-files-'));
    try {
      writeFileSync(join(broken, 'glossary.yaml'), '- id: a\n  term: [unclosed\n');
      expect(() => readGlossary(broken)).toThrow(join(broken, 'glossary.yaml'));
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
