import { describe, expect, it } from 'vitest';
import { chapterSchema, slugId } from '../../../src/schemas/chapter.ts';
import { glossarySchema } from '../../../src/schemas/glossary.ts';
import { partSchema } from '../../../src/schemas/part.ts';

const validChapter = {
  title: 'What ML system design is',
  part: 'foundation',
  number: 1,
  description: 'Why a production ML system is much more than its model.',
  objectives: ['Distinguish ML system design from model building'],
  keyTerms: ['technical-debt', 'ci-cd'],
  selfCheckExempt: ['summary'],
};

/** The issues of a failed parse as [path, message] pairs, so a test can name exactly what it expects. */
function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => [issue.path.map(String).join('.'), issue.message] as const);
}

describe('slugId', () => {
  it.each(['technical-debt', 'ci-cd', 'mlops', 'part-2'])('accepts %s', (id) => {
    expect(slugId.safeParse(id).success).toBe(true);
  });
  it.each(['Technical-debt', 'technical_debt', '-debt', 'debt-', 'two--hyphens', 'with space', ''])('rejects "%s"', (id) => {
    const result = slugId.safeParse(id);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/lowercase letters, digits and hyphens/);
  });
});

describe('chapterSchema', () => {
  it('accepts a complete chapter and keeps its fields', () => {
    const data = chapterSchema.parse({ ...validChapter, draft: true });
    expect(data).toEqual({ ...validChapter, draft: true });
  });

  it('fills the defaults: no key terms, not a draft', () => {
    const { keyTerms: _omitted, ...withoutTerms } = validChapter;
    const data = chapterSchema.parse(withoutTerms);
    expect(data.keyTerms).toEqual([]);
    expect(data.draft).toBe(false);
  });

  it('trims the title and description', () => {
    const data = chapterSchema.parse({ ...validChapter, title: '  Spaced  ', description: ' One line. ' });
    expect(data.title).toBe('Spaced');
    expect(data.description).toBe('One line.');
  });

  it('rejects a missing title, naming the field', () => {
    const { title: _omitted, ...rest } = validChapter;
    const issues = issuesOf(chapterSchema.safeParse(rest));
    expect(issues).toHaveLength(1);
    expect(issues[0]![0]).toBe('title');
  });

  it('rejects a blank title with the author-facing message', () => {
    expect(issuesOf(chapterSchema.safeParse({ ...validChapter, title: '   ' }))).toEqual([['title', 'a chapter needs a title']]);
  });

  it('rejects a part id that is not a slug', () => {
    const issues = issuesOf(chapterSchema.safeParse({ ...validChapter, part: 'Laying the Foundation' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]![0]).toBe('part');
    expect(issues[0]![1]).toMatch(/lowercase letters, digits and hyphens/);
  });

  it('rejects chapter number 0', () => {
    expect(issuesOf(chapterSchema.safeParse({ ...validChapter, number: 0 }))).toEqual([['number', 'chapter numbers start at 1']]);
  });

  it('rejects a fractional or textual chapter number', () => {
    expect(issuesOf(chapterSchema.safeParse({ ...validChapter, number: 1.5 }))[0]![0]).toBe('number');
    const textual = issuesOf(chapterSchema.safeParse({ ...validChapter, number: 'one' }));
    expect(textual[0]![0]).toBe('number');
    expect(textual[0]![1]).toMatch(/expected number/i);
  });

  it('rejects more than 8 objectives and an empty list', () => {
    const nine = Array.from({ length: 9 }, (_, i) => `Objective ${i + 1}`);
    expect(issuesOf(chapterSchema.safeParse({ ...validChapter, objectives: nine }))).toEqual([
      ['objectives', 'list at most 8 learning objectives'],
    ]);
    expect(issuesOf(chapterSchema.safeParse({ ...validChapter, objectives: [] }))).toEqual([
      ['objectives', 'list at least one learning objective'],
    ]);
    const eight = nine.slice(0, 8);
    expect(chapterSchema.safeParse({ ...validChapter, objectives: eight }).success).toBe(true);
  });

  it('rejects a description over 200 characters', () => {
    const issues = issuesOf(chapterSchema.safeParse({ ...validChapter, description: 'x'.repeat(201) }));
    expect(issues).toEqual([['description', 'keep the description under 200 characters']]);
  });

  it('rejects a key term that is not a slug, pointing at its index', () => {
    const issues = issuesOf(chapterSchema.safeParse({ ...validChapter, keyTerms: ['mlops', 'Data Drift'] }));
    expect(issues).toHaveLength(1);
    expect(issues[0]![0]).toBe('keyTerms.1');
  });

  it('is strict: an unknown field (a typo) is an error naming the key', () => {
    const result = chapterSchema.safeParse({ ...validChapter, keyterms: ['mlops'] });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.code).toBe('unrecognized_keys');
    expect(issue.message).toContain('keyterms');
  });
});

describe('partSchema', () => {
  const validPart = { id: 'foundation', number: 1, title: 'Laying the Foundation', description: 'What an ML system is.' };

  it('accepts a part', () => {
    expect(partSchema.parse(validPart)).toEqual(validPart);
  });

  it('rejects a bad id, number 0, an empty title and an unknown field', () => {
    expect(issuesOf(partSchema.safeParse({ ...validPart, id: 'Part One' }))[0]![0]).toBe('id');
    expect(issuesOf(partSchema.safeParse({ ...validPart, number: 0 }))[0]![0]).toBe('number');
    expect(issuesOf(partSchema.safeParse({ ...validPart, title: ' ' }))[0]![0]).toBe('title');
    const unknown = partSchema.safeParse({ ...validPart, chapters: [1, 2] });
    expect(unknown.success).toBe(false);
    expect(unknown.error!.issues[0]!.code).toBe('unrecognized_keys');
    expect(unknown.error!.issues[0]!.message).toContain('chapters');
  });

  it('rejects a missing description', () => {
    const { description: _omitted, ...rest } = validPart;
    expect(issuesOf(partSchema.safeParse(rest))[0]![0]).toBe('description');
  });
});

describe('glossarySchema', () => {
  const validEntry = { id: 'technical-debt', term: 'Technical debt', definition: 'The future cost of shortcuts.' };

  it('accepts an entry, with no related terms unless given', () => {
    expect(glossarySchema.parse(validEntry)).toEqual({ ...validEntry, seeAlso: [] });
    expect(glossarySchema.parse({ ...validEntry, seeAlso: ['latency'] }).seeAlso).toEqual(['latency']);
    expect(issuesOf(glossarySchema.safeParse({ ...validEntry, seeAlso: ['Latency'] }))[0]![0]).toBe('seeAlso.0');
  });

  it('rejects a bad id, an empty definition, a missing term and an unknown field', () => {
    expect(issuesOf(glossarySchema.safeParse({ ...validEntry, id: 'Technical debt' }))[0]![0]).toBe('id');
    expect(issuesOf(glossarySchema.safeParse({ ...validEntry, definition: '' }))[0]![0]).toBe('definition');
    const { term: _omitted, ...noTerm } = validEntry;
    expect(issuesOf(glossarySchema.safeParse(noTerm))[0]![0]).toBe('term');
    const unknown = glossarySchema.safeParse({ ...validEntry, see: 'mlops' });
    expect(unknown.success).toBe(false);
    expect(unknown.error!.issues[0]!.message).toContain('see');
  });
});
