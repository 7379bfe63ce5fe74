import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_LIMITS, decodeAssignment, encodeAssignment, isCalendarDate } from '../../../../src/lib/exercises/assignment-link.ts';

const known = new Set(['ch1-a', 'ch1-b', 'ch2-a', 'ch2-b', 'ch3-case']);

/** Decodes and expects success. */
function ok(search: string, ids: ReadonlySet<string> = known) {
  const result = decodeAssignment(search, ids);
  if (!result.ok) throw new Error(`expected a valid link, got: ${result.errors.join(' / ')}`);
  return result;
}

/** Decodes and expects failure; returns the errors. */
function errors(search: string, ids: ReadonlySet<string> = known): string[] {
  const result = decodeAssignment(search, ids);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result)}`);
  return result.errors;
}

describe('encodeAssignment', () => {
  it('makes a short, readable query string', () => {
    expect(encodeAssignment({ title: 'Week 3: data quality', instructions: 'Answer both before class.', due: '2026-12-01', ids: ['ch1-a', 'ch2-b'] })).toBe(
      '?t=Week+3%3A+data+quality&d=2026-12-01&ex=ch1-a,ch2-b&i=Answer+both+before+class.',
    );
  });

  it('leaves out empty instructions and due date, and repeated ids', () => {
    expect(encodeAssignment({ title: ' Quiz ', instructions: '  ', ids: ['ch1-a', 'ch1-b', 'ch1-a'] })).toBe('?t=Quiz&ex=ch1-a,ch1-b');
  });

  it('encodes what it is given, even bad ids, so the query stays well-formed', () => {
    const query = encodeAssignment({ title: 'T', ids: ['a&t=evil', 'b'] });
    expect(new URLSearchParams(query).getAll('t')).toEqual(['T']);
    expect(errors(query)).toEqual(['One entry in the list of exercises is not an exercise id.']);
  });
});

describe('round trip', () => {
  it.each([
    ['plain', { title: 'Week 3', instructions: 'Do the case study.', due: '2026-12-01', ids: ['ch3-case', 'ch1-a'] }],
    ['without extras', { title: 'Quiz', instructions: '', ids: ['ch2-a'] }],
    [
      'unicode and line breaks',
      { title: 'Semaine 3 : évaluation 📈 — 第3週', instructions: 'Lisez d’abord.\n\nالمرحلة الأولى: اقرأ\n- point & "quote" + 100% = ok?', due: '2028-02-29', ids: ['ch1-b', 'ch1-a'] },
    ],
    ['characters that mean something in URLs', { title: 'a&b=c?d#e/f%20+g', instructions: '%E0%A4%A ?t=x&ex=y', ids: ['ch1-a'] }],
  ])('%s', (_, assignment) => {
    const { assignment: decoded, unknownIds } = ok(encodeAssignment(assignment));
    const { due, ...rest } = assignment as typeof assignment & { due?: string };
    expect(decoded).toEqual(due ? { ...rest, due } : rest);
    expect(unknownIds).toEqual([]);
  });

  it('reads location.search of a full link, and with or without the "?"', () => {
    const url = new URL(`https://example.org/book/assignment/${encodeAssignment({ title: 'Week 3', ids: ['ch1-a'] })}#top`);
    expect(ok(url.search).assignment).toEqual({ title: 'Week 3', instructions: '', ids: ['ch1-a'] });
    expect(ok('t=Week+3&ex=ch1-a').assignment.title).toBe('Week 3');
  });

  it('accepts the limits exactly', () => {
    const L = ASSIGNMENT_LIMITS;
    const ids = Array.from({ length: L.exercises }, (_, i) => `ex-${i}`);
    const search = encodeAssignment({ title: 't'.repeat(L.title), instructions: 'i'.repeat(L.instructions), ids });
    const { assignment } = ok(search, new Set(ids));
    expect(assignment.title).toHaveLength(L.title);
    expect(assignment.instructions).toHaveLength(L.instructions);
    expect(assignment.ids).toHaveLength(L.exercises);
    // The longest instructions in 3-byte characters still fit in the query limit.
    const wide = encodeAssignment({ title: '週'.repeat(L.title), instructions: '週'.repeat(L.instructions), ids });
    expect(wide.length).toBeLessThan(L.query);
    expect(ok(wide, new Set(ids)).assignment.instructions).toHaveLength(L.instructions);
  });
});

describe('decodeAssignment: exercises', () => {
  it('keeps the known ids in order, without duplicates, and lists the unknown ones', () => {
    const result = ok('?t=T&ex=ch2-a,ch9-gone,ch1-a,ch2-a,ch8-old,ch9-gone');
    expect(result.assignment.ids).toEqual(['ch2-a', 'ch1-a']);
    expect(result.unknownIds).toEqual(['ch9-gone', 'ch8-old']);
  });

  it('trims spaces around ids and ignores empty entries', () => {
    expect(ok('?t=T&ex=+ch1-a+,,%20ch1-b,').assignment.ids).toEqual(['ch1-a', 'ch1-b']);
  });

  it.each([
    ['no ex parameter', '?t=T'],
    ['an empty list', '?t=T&ex='],
    ['only commas', '?t=T&ex=,,,'],
    ['only spaces', '?t=T&ex=+,%20'],
  ])('refuses %s', (_, search) => {
    expect(errors(search)).toEqual(['The link names no exercises.']);
  });

  it('refuses a link where no exercise exists in this edition', () => {
    expect(errors('?t=T&ex=ch9-a,ch9-b')).toEqual(['None of the exercises in this link exist in this edition of the book.']);
  });

  it('refuses more than the limit of exercises (after removing duplicates)', () => {
    const ids = Array.from({ length: 61 }, (_, i) => `ex-${i}`);
    expect(errors(`?t=T&ex=${ids.join(',')}`, new Set(ids))).toEqual(['The link names more than 60 exercises.']);
    expect(ok(`?t=T&ex=${[...ids.slice(0, 60), ...ids.slice(0, 60)].join(',')}`, new Set(ids)).assignment.ids).toHaveLength(60);
  });

  it.each([
    ['script', '<script>alert(1)</script>'],
    ['javascript URL', 'javascript:alert(1)'],
    ['attribute break-out', '"><img src=x onerror=alert(1)>'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['prototype', 'prototype'],
    ['upper case', 'CH1-A'],
    ['path', '../ch1-a'],
    ['fragment', 'ch1-a#x'],
    ['long id', 'a'.repeat(101)],
  ])('refuses an id that is not an exercise id: %s, without repeating it', (_, id) => {
    const found = errors(`?t=T&ex=ch1-a,${encodeURIComponent(id)}`);
    expect(found).toEqual(['One entry in the list of exercises is not an exercise id.']);
    expect(found.join(' ')).not.toContain(id);
  });

  it('counts several bad ids in one message, and does not touch Object.prototype', () => {
    expect(errors('?t=T&ex=__proto__,constructor,ch1-a,%3Cb%3E')).toEqual(['3 entries in the list of exercises are not an exercise id.']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errors('?t=T&ex=__proto__', new Set(['__proto__']))).toHaveLength(1);
  });
});

describe('decodeAssignment: title, instructions and due date', () => {
  it('requires a title and limits its length', () => {
    expect(errors('?ex=ch1-a')).toEqual(['The link has no title.']);
    expect(errors('?t=+%20%09&ex=ch1-a')).toEqual(['The link has no title.']);
    expect(errors(`?t=${'x'.repeat(121)}&ex=ch1-a`)).toEqual(['The title is longer than 120 characters.']);
  });

  it('limits the instructions', () => {
    expect(errors(`?t=T&ex=ch1-a&i=${'x'.repeat(2001)}`)).toEqual(['The instructions are longer than 2,000 characters.']);
  });

  it('keeps hostile text as text, exactly (the page renders it with textContent)', () => {
    const title = '<script>alert(1)</script>';
    const instructions = '"><img src=x onerror=alert(1)>\njavascript:alert(document.cookie)\n{{constructor.constructor("x")()}}';
    const { assignment } = ok(encodeAssignment({ title, instructions, ids: ['ch1-a'] }));
    expect(assignment.title).toBe(title);
    expect(assignment.instructions).toBe(instructions);
  });

  it('strips control characters, keeps line breaks in the instructions and makes the title one line', () => {
    const search = '?t=Week%0A3%00%07%1B[31m%C2%85%7F&ex=ch1-a&i=Line%201%0D%0ALine%092%0D%00%08end';
    const { assignment } = ok(search);
    expect(assignment.title).toBe('Week 3[31m');
    expect(assignment.instructions).toBe('Line 1\nLine 2\nend');
  });

  it('normalises unicode so that the same text compares equal', () => {
    expect(ok('?t=Cafe%CC%81&ex=ch1-a').assignment.title).toBe('Café');
  });

  it('never throws on malformed percent-encoding', () => {
    for (const search of ['?t=%E0%A4%A&ex=ch1-a', '?t=%&ex=ch1-a', '?t=%zz%&ex=ch1-a%', '?t=%C0%AF&ex=ch1-a', '?t=%ED%A0%80&ex=ch1-a']) {
      expect(() => decodeAssignment(search, known)).not.toThrow();
    }
    expect(ok('?t=Week%E0%A4%A&ex=ch1-a').assignment.title).toBe('Week\uFFFD%A');
    expect(errors('?t=T&ex=ch1-a%E0%A4%A')).toEqual(['One entry in the list of exercises is not an exercise id.']);
  });

  it.each(['2026-12-01', '2028-02-29', '2026-01-31', '1999-12-31'])('accepts the due date %s', (due) => {
    expect(isCalendarDate(due)).toBe(true);
    expect(ok(`?t=T&ex=ch1-a&d=${due}`).assignment.due).toBe(due);
  });

  it.each(['2026-02-30', '2027-02-29', '2026-13-01', '2026-00-10', '2026-12-00', '2026-12-1', '26-12-01', '2026-12-01T00:00', 'tomorrow', '2026/12/01', '+02026-12-01', '２０２６-12-01', '0099-01-01'])(
    'refuses the due date %s',
    (due) => {
      expect(isCalendarDate(due)).toBe(false);
      expect(errors(`?t=T&ex=ch1-a&d=${encodeURIComponent(due)}`)).toEqual(['The due date is not a real date (expected year-month-day, e.g. 2026-12-01).']);
    },
  );

  it('treats an empty due date as none', () => {
    expect(ok('?t=T&ex=ch1-a&d=').assignment).not.toHaveProperty('due');
  });
});

describe('decodeAssignment: tampered links', () => {
  it.each([
    ['t', 'title'],
    ['i', 'instructions'],
    ['d', 'due date'],
    ['ex', 'list of exercises'],
  ])('refuses a repeated %s parameter', (name, what) => {
    const search = `?t=T&ex=ch1-a&i=x&d=2026-12-01&${name}=other`;
    expect(errors(search)).toContain(`The link gives the ${what} more than once, so it may have been changed by hand. Ask for a new link.`);
  });

  it('ignores parameters it does not know (added by course sites and mail trackers)', () => {
    expect(ok('?utm_source=lms&t=T&fbclid=abc&ex=ch1-a&__proto__=x&constructor=y').assignment).toEqual({ title: 'T', instructions: '', ids: ['ch1-a'] });
  });

  it('reports every problem at once', () => {
    expect(errors(`?t=&d=2026-02-30&ex=,&i=${'x'.repeat(2001)}`)).toEqual([
      'The link has no title.',
      'The instructions are longer than 2,000 characters.',
      'The due date is not a real date (expected year-month-day, e.g. 2026-12-01).',
      'The link names no exercises.',
    ]);
  });

  it('refuses an empty link', () => {
    expect(errors('')).toEqual(['The link has no title.', 'The link names no exercises.']);
    expect(errors('?')).toEqual(['The link has no title.', 'The link names no exercises.']);
  });

  it('refuses a huge link before reading it', () => {
    expect(errors(`?t=T&ex=ch1-a&i=${'x'.repeat(40_000)}`)).toEqual(['This assignment link is too long to be one made by the assignment builder.']);
    expect(errors(`?t=${'%E0%A4%A4'.repeat(10_000)}&ex=ch1-a`)).toEqual(['This assignment link is too long to be one made by the assignment builder.']);
  });

  it('never repeats the link in its messages', () => {
    const search = '?t=%3Cscript%3E&i=x&d=%3Cimg%3E&ex=%3Csvg%20onload%3Dalert(1)%3E&t=again';
    for (const message of errors(search)) expect(message).not.toMatch(/[<>]|script|svg|img/);
  });
});
