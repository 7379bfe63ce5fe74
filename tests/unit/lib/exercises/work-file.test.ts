import { describe, expect, it } from 'vitest';
import { createWorkStore } from '../../../../src/lib/exercises/storage.ts';
import type { SavedWork } from '../../../../src/lib/exercises/types.ts';
import { exportWork, mergeWork, parseWorkFile, workToMarkdown, type ExerciseInfo, type WorkMap } from '../../../../src/lib/exercises/work-file.ts';
import { savedWork } from './support.ts';

const work = (overrides: Partial<SavedWork> = {}): SavedWork => savedWork({ hash: 'h1', ...overrides });

const sample: WorkMap = {
  'ch1-a': work(),
  'ch1-b': work({ type: 'multiple-select', answer: { kind: 'choice', selected: [0, 2] }, status: 'partial', attempts: 3 }),
  'ch2-a': work({ type: 'true-false', answer: { kind: 'boolean', value: true } }),
  'ch2-b': work({ type: 'numeric', answer: { kind: 'text', value: '0.82' }, status: 'incorrect' }),
  'ch3-a': work({ type: 'short-answer', answer: { kind: 'text', value: 'Churn prediction ✓ 日本語' } }),
  'ch3-b': work({ type: 'ordering', answer: { kind: 'order', order: [1, 0, 2] }, status: 'partial' }),
  'ch4-a': work({ type: 'matching', answer: { kind: 'match', choices: [2, null] }, status: 'in-progress', attempts: 0 }),
  'ch5-a': work({ type: 'case-study', answer: { kind: 'open', texts: ['Line one\nline two', ''], covered: [[true, false], [false]] }, status: 'self-assessed' }),
};

const meta = { book: 'Designing Machine Learning Systems for Business', exportedAt: '2026-04-02T08:30:00.000Z' };

/** A work file's text, built from an object, for hostile variations. */
const file = (fields: Record<string, unknown>): string => JSON.stringify({ format: 'ml-systems-book-work', version: 1, ...meta, ...fields });

const isPolluted = (): boolean => 'polluted' in ({} as object) || 'polluted' in Object.prototype;

describe('exportWork', () => {
  it('writes the versioned format with ids sorted and the student when given', () => {
    const text = exportWork({ 'ch2-a': work(), 'ch1-a': work() }, { ...meta, student: '  Ada Lovelace ' });
    expect(text.endsWith('}\n')).toBe(true);
    const data = JSON.parse(text) as Record<string, unknown>;
    expect(data).toEqual({ format: 'ml-systems-book-work', version: 1, ...meta, student: 'Ada Lovelace', work: { 'ch1-a': work(), 'ch2-a': work() } });
    expect(Object.keys(data.work as object)).toEqual(['ch1-a', 'ch2-a']);
  });

  it('leaves out a blank student name', () => {
    expect(JSON.parse(exportWork({}, { ...meta, student: '   ' }))).not.toHaveProperty('student');
    expect(JSON.parse(exportWork({}, meta))).toEqual({ format: 'ml-systems-book-work', version: 1, ...meta, work: {} });
  });
});

describe('round trip', () => {
  it('export -> parse -> merge into an empty store restores everything', () => {
    const parsed = parseWorkFile(exportWork(sample, { ...meta, student: 'Ada' }));
    expect(parsed).toEqual({ ok: true, work: sample, skipped: [], meta: { ...meta, student: 'Ada' } });
    if (!parsed.ok) throw new Error('unreachable');
    const { merged, added, updated, kept } = mergeWork({}, parsed.work);
    expect(merged).toEqual(sample);
    expect(added.sort()).toEqual(Object.keys(sample).sort());
    expect([updated, kept]).toEqual([[], []]);
  });

  it('restores a store on another device, through the store', () => {
    const laptop = createWorkStore(null);
    for (const [id, w] of Object.entries(sample)) laptop.set(id, w);
    const text = exportWork(laptop.all(), meta);

    const phone = createWorkStore(null);
    phone.set('ch9-z', work({ status: 'in-progress' }));
    const parsed = parseWorkFile(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const { merged, added, updated } = mergeWork(phone.all(), parsed.work);
    for (const id of [...added, ...updated]) expect(phone.set(id, merged[id]!)).toMatchObject({ reason: 'unavailable' });
    expect(phone.all()).toEqual({ ...sample, 'ch9-z': work({ status: 'in-progress' }) });
  });
});

describe('parseWorkFile refuses what is not a work file', () => {
  const refusals: [string, string, RegExp][] = [
    ['an empty file', '', /not saved work.*JSON/],
    ['text', 'hello', /not saved work.*JSON/],
    ['truncated JSON', exportWork(sample, meta).slice(0, 200), /JSON/],
    ['JSON null', 'null', /not saved work/],
    ['a JSON array', '[]', /not saved work/],
    ['a JSON string', '"ml-systems-book-work"', /not saved work/],
    ['another format', file({ format: 'quiz-answers' }), /not saved work/],
    ['no format', JSON.stringify({ version: 1, work: {} }), /not saved work/],
    ['a newer version', file({ version: 2 }), /newer version of the book/],
    ['a version as text', file({ version: '1' }), /format version/],
    ['no version', file({ version: undefined }), /format version/],
    ['no work', file({ work: undefined }), /no saved work/],
    ['work as a list', file({ work: [work()] }), /no saved work/],
    ['work as text', file({ work: 'all' }), /no saved work/],
  ];
  it.each(refusals)('%s', (_, text, message) => {
    const parsed = parseWorkFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(parseWorkFile(exportWork(sample, meta), { maxChars: 100 })).toEqual({ ok: false, message: expect.stringMatching(/too large/) });
    expect(parseWorkFile(' '.repeat(5_000_001))).toMatchObject({ ok: false, message: expect.stringMatching(/too large.*5 MB/) });
  });

  it('refuses a file with more entries than any book has', () => {
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`ex-${i}`, work()]));
    expect(parseWorkFile(file({ work: many }), { maxEntries: 10 })).toMatchObject({ ok: false, message: expect.stringMatching(/more than 10 exercises/) });
    expect(parseWorkFile(file({ work: many }), { maxEntries: 11 }).ok).toBe(true);
  });

  it('refuses a file from another book when asked to, without repeating its title', () => {
    const parsed = parseWorkFile(file({ book: '<img src=x onerror=alert(1)>', work: {} }), { book: meta.book });
    expect(parsed).toEqual({ ok: false, message: 'This file holds saved work from another book.' });
    expect(parseWorkFile(file({ work: {} }), { book: meta.book }).ok).toBe(true);
  });

  it('never throws on deeply nested JSON', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => parseWorkFile(deep)).not.toThrow();
    expect(parseWorkFile(deep).ok).toBe(false);
  });
});

describe('parseWorkFile skips bad entries and imports the rest', () => {
  it('skips ids that are not exercise ids, including prototype names', () => {
    const text = `{"format":"ml-systems-book-work","version":1,"book":"b","exportedAt":"x","work":{
      "__proto__": ${JSON.stringify(work())},
      "constructor": ${JSON.stringify(work())},
      "prototype": ${JSON.stringify(work())},
      "Ch1-A": ${JSON.stringify(work())},
      "ch1 a": ${JSON.stringify(work())},
      "": ${JSON.stringify(work())},
      "${'a'.repeat(300)}": ${JSON.stringify(work())},
      "ch1-a": ${JSON.stringify(work())}
    }}`;
    const parsed = parseWorkFile(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(Object.keys(parsed.work)).toEqual(['ch1-a']);
    expect(parsed.skipped.map((s) => s.id)).toEqual(['__proto__', 'constructor', 'prototype', 'Ch1-A', 'ch1 a', '', 'a'.repeat(100)]);
    expect(new Set(parsed.skipped.map((s) => s.reason))).toEqual(new Set(['it is not a valid exercise id']));
    expect(Object.getPrototypeOf(parsed.work)).toBeNull();
    expect(isPolluted()).toBe(false);
  });

  it('does not pollute Object.prototype from any level of the file', () => {
    const evil = '{"polluted":true}';
    const entry = JSON.stringify(work()).replace('{', `{"__proto__":${evil},`).replace('"answer":{', `"answer":{"__proto__":${evil},`);
    const text = `{"__proto__":${evil},"format":"ml-systems-book-work","version":1,"book":"b","exportedAt":"x","work":{"__proto__":${evil},"ch1-a":${entry}}}`;
    const parsed = parseWorkFile(text);
    expect(isPolluted()).toBe(false);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.work['ch1-a']).toEqual(work());
    expect(Object.getPrototypeOf(parsed.work['ch1-a'])).toBe(Object.prototype);
    expect(mergeWork({}, parsed.work).merged['ch1-a']).toEqual(work());
    expect(isPolluted()).toBe(false);
  });

  it('skips entries of the wrong shape or of absurd size, with a reason for each', () => {
    const entries: Record<string, unknown> = {
      'ok-1': work(),
      'not-object': 'work',
      'null-entry': null,
      'list-entry': [work()],
      'bad-type': { ...work(), type: 'essay' },
      'bad-status': { ...work(), status: 'graded' },
      'bad-date': { ...work(), updatedAt: 'soon' },
      'bad-attempts': { ...work(), attempts: 1e300 },
      'wrong-kind': { ...work(), answer: { kind: 'open', texts: [], covered: [] } },
      'huge-text': work({ type: 'short-answer', answer: { kind: 'text', value: 'x'.repeat(20_001) } }),
      'huge-list': work({ answer: { kind: 'choice', selected: Array.from({ length: 101 }, () => 0) } }),
      'huge-open': work({ type: 'open', answer: { kind: 'open', texts: Array.from({ length: 101 }, () => ''), covered: [] } }),
      'ok-2': work({ type: 'short-answer', answer: { kind: 'text', value: 'x'.repeat(20_000) } }),
    };
    const parsed = parseWorkFile(file({ work: entries }));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(Object.keys(parsed.work)).toEqual(['ok-1', 'ok-2']);
    expect(Object.fromEntries(parsed.skipped.map((s) => [s.id, s.reason]))).toEqual({
      'not-object': 'it is not a saved answer',
      'null-entry': 'it is not a saved answer',
      'list-entry': 'it is not a saved answer',
      'bad-type': 'its exercise type is unknown',
      'bad-status': 'its status is not valid',
      'bad-date': 'its date is not valid',
      'bad-attempts': 'its number of attempts is not valid',
      'wrong-kind': 'its answer does not fit the exercise',
      'huge-text': 'its answer is longer than 20,000 characters',
      'huge-list': 'its answer has more than 100 entries',
      'huge-open': 'its answer has more than 100 entries',
    });
  });

  it('drops unknown fields of entries and keeps the meta as short plain strings', () => {
    const parsed = parseWorkFile(file({ book: 7, student: ` ${'n'.repeat(500)} `, extra: true, work: { 'ch1-a': { ...work(), onload: 'alert(1)', v: 9 } } }));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.work['ch1-a']).toEqual(work());
    expect(parsed.meta).toEqual({ book: '', exportedAt: meta.exportedAt, student: 'n'.repeat(200) });
  });

  it('accepts a file whose entries are all bad, so the page can list why', () => {
    const parsed = parseWorkFile(file({ work: { 'ch1-a': 1 } }));
    expect(parsed).toMatchObject({ ok: true, skipped: [{ id: 'ch1-a', reason: 'it is not a saved answer' }] });
    if (parsed.ok) expect(Object.keys(parsed.work)).toEqual([]);
  });
});

describe('mergeWork', () => {
  const older = work({ updatedAt: '2026-01-01T00:00:00.000Z', attempts: 1 });
  const newer = work({ updatedAt: '2026-02-01T00:00:00.000Z', attempts: 2 });

  it('adds new ids, takes newer work, keeps local work that is as new or newer, and deletes nothing', () => {
    const local: WorkMap = { 'only-local': older, 'local-newer': newer, 'import-newer': older, tie: older };
    const imported: WorkMap = { 'only-imported': older, 'local-newer': older, 'import-newer': newer, tie: { ...older, attempts: 9 } };
    const result = mergeWork(local, imported);
    expect(result.merged).toEqual({ 'only-local': older, 'local-newer': newer, 'import-newer': newer, tie: older, 'only-imported': older });
    expect(result.added).toEqual(['only-imported']);
    expect(result.updated).toEqual(['import-newer']);
    expect(result.kept.sort()).toEqual(['local-newer', 'tie']);
  });

  it('does not change its inputs', () => {
    const local: WorkMap = { a: older };
    const imported: WorkMap = { a: newer, b: newer };
    const copy = structuredClone({ local, imported });
    mergeWork(local, imported);
    expect({ local, imported }).toEqual(copy);
  });

  it('takes newer work even when saved against another version (the page marks it stale)', () => {
    const result = mergeWork({ a: older }, { a: { ...newer, hash: 'old-version' } });
    expect(result.merged.a?.hash).toBe('old-version');
  });

  it('treats an unreadable local date as the oldest', () => {
    expect(mergeWork({ a: { ...newer, updatedAt: 'broken' } }, { a: older }).updated).toEqual(['a']);
  });

  it('only counts own entries of the local work as local', () => {
    const result = mergeWork({}, { constructor: older } as WorkMap);
    expect(result.added).toEqual(['constructor']);
  });
});

describe('workToMarkdown', () => {
  const exercises: ExerciseInfo[] = [
    { id: 'ch1-a', title: 'Pick the metric', chapter: 'Framing', number: '1.1', prompt: 'Which metric fits?\nThink of costs.', hash: 'h1', options: ['Accuracy', 'Recall', 'F1'] },
    { id: 'ch1-b', title: 'Select the risks', chapter: 'Framing', hash: 'h1' },
    { id: 'ch3-b', title: 'Order the stages', chapter: 'Lifecycle', hash: 'h2', items: ['Collect', 'Train', 'Deploy'] },
    { id: 'ch4-a', title: 'Match tasks', chapter: 'Tasks', left: ['Churn', 'Fraud'], right: ['Regression', 'Anomaly detection', 'Classification'] },
    {
      id: 'ch5-a',
      title: 'A retailer',
      chapter: 'Cases',
      parts: [
        { prompt: 'Who are the stakeholders?', keyPoints: ['Store managers', 'Finance'] },
        { prompt: 'What would you measure?', keyPoints: ['Revenue'] },
      ],
    },
    { id: 'ch6-a', title: 'Not yet done', chapter: 'Later' },
  ];

  it('writes a readable hand-in, in the order of the exercises given', () => {
    const markdown = workToMarkdown(sample, exercises, { ...meta, student: 'Ada Lovelace' });
    expect(markdown).toBe(
      [
        '# My work: Designing Machine Learning Systems for Business',
        '',
        '- Student: Ada Lovelace',
        '- Exported: 2026-04-02T08:30:00.000Z',
        '- Done: 2 of 6 exercises',
        '',
        '## 1.1 Pick the metric',
        '',
        'Chapter: Framing  \nExercise id: `ch1-a`  \nStatus: Correct, 1 attempt, last saved 2026-03-01',
        '',
        '> Which metric fits?\n> Think of costs.',
        '',
        '- Option 2: Recall',
        '',
        '## Select the risks',
        '',
        'Chapter: Framing  \nExercise id: `ch1-b`  \nStatus: Partly correct, 3 attempts, last saved 2026-03-01',
        '',
        '- Option 1\n- Option 3',
        '',
        '## Order the stages',
        '',
        'Chapter: Lifecycle  \nExercise id: `ch3-b`  \nStatus: Partly correct, 1 attempt, last saved 2026-03-01',
        '',
        '*This answer was saved for an earlier version of the exercise.*',
        '',
        '1. Train\n2. Collect\n3. Deploy',
        '',
        '## Match tasks',
        '',
        'Chapter: Tasks  \nExercise id: `ch4-a`  \nStatus: In progress, 0 attempts, last saved 2026-03-01',
        '',
        '- Churn → Classification\n- Fraud → no match chosen',
        '',
        '## A retailer',
        '',
        'Chapter: Cases  \nExercise id: `ch5-a`  \nStatus: Self-assessed, 1 attempt, last saved 2026-03-01',
        '',
        '### Part 1',
        '',
        '> Who are the stakeholders?',
        '',
        '```text\nLine one\nline two\n```',
        '',
        'Key points I covered:',
        '',
        '- [x] Store managers\n- [ ] Finance',
        '',
        '### Part 2',
        '',
        '> What would you measure?',
        '',
        'No answer written.',
        '',
        'Key points I covered:',
        '',
        '- [ ] Revenue',
        '',
        '## Not yet done',
        '',
        'Chapter: Later  \nExercise id: `ch6-a`',
        '',
        '*Not answered.*',
        '',
      ].join('\n'),
    );
  });

  it('names answers by number when the page gives no labels', () => {
    const bare = exercises.map(({ id, title, chapter }) => ({ id, title, chapter }));
    const markdown = workToMarkdown(sample, bare, meta);
    expect(markdown).toContain('- Option 2\n');
    expect(markdown).toContain('1. Item 2\n2. Item 1\n3. Item 3');
    expect(markdown).toContain('- Item 1 → Choice 3\n- Item 2 → no match chosen');
    expect(markdown).toContain('- [x] Key point 1\n- [ ] Key point 2');
    expect(markdown).not.toContain('earlier version');
    expect(markdown).toContain('- Done: 2 of 6 exercises');
  });

  it('does not count correct work saved for an earlier version as done', () => {
    const info = [{ id: 'ch1-a', title: 'A', chapter: 'c', hash: 'h2' }];
    expect(workToMarkdown(sample, info, meta)).toContain('- Done: 0 of 1 exercises');
    expect(workToMarkdown(sample, [{ ...info[0]!, hash: 'h1' }], meta)).toContain('- Done: 1 of 1 exercises');
  });

  it('says the remaining answer kinds in words', () => {
    const markdown = workToMarkdown(sample, ['ch2-a', 'ch2-b', 'ch3-a'].map((id) => ({ id, title: id, chapter: 'c' })), meta);
    expect(markdown).toContain('Answer: **True**');
    expect(markdown).toContain('Answer: 0.82');
    expect(markdown).toContain('Answer: Churn prediction ✓ 日本語');
    const none = workToMarkdown({ x: work({ answer: { kind: 'choice', selected: [] } }), y: work({ type: 'numeric', answer: { kind: 'text', value: ' ' } }) }, [{ id: 'x', title: 'x', chapter: 'c' }, { id: 'y', title: 'y', chapter: 'c' }], meta);
    expect(none).toContain('No option chosen.');
    expect(none).toContain('No answer written.');
  });

  it('keeps what the reader typed as text: escaped inline, fenced when longer', () => {
    const hostile: WorkMap = {
      a: work({ type: 'short-answer', answer: { kind: 'text', value: '<script>alert(1)</script> *bold* [link](javascript:x)' } }),
      b: work({ type: 'open', answer: { kind: 'open', texts: ['``` \n# not a heading\n````\n<img src=x onerror=alert(1)>'], covered: [] } }),
    };
    const markdown = workToMarkdown(hostile, [{ id: 'a', title: 'A', chapter: 'c' }, { id: 'b', title: 'B', chapter: 'c' }], {
      ...meta,
      title: '"><img onerror=alert(1)> # Week 3',
      student: '**Ada**\n# Lovelace',
    });
    expect(markdown).toContain('Answer: \\<script\\>alert(1)\\</script\\> \\*bold\\* \\[link\\](javascript:x)');
    expect(markdown).toContain('`````text\n``` \n# not a heading\n````\n<img src=x onerror=alert(1)>\n`````');
    expect(markdown.startsWith('# "\\>\\<img onerror=alert(1)\\> \\# Week 3\n\n- Book: Designing')).toBe(true);
    expect(markdown).toContain('- Student: \\*\\*Ada\\*\\* \\# Lovelace\n');
  });

  it('ignores saved work of exercises not listed, and prototype names in the work', () => {
    const all = Object.assign(Object.create(null) as WorkMap, { other: work() });
    const markdown = workToMarkdown(all, [{ id: 'constructor', title: 'C', chapter: 'c' }], meta);
    expect(markdown).toContain('*Not answered.*');
    expect(markdown).not.toContain('other');
  });
});
