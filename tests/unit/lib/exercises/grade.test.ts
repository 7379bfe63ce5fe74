import { describe, expect, it } from 'vitest';
import { grade, normaliseShortAnswer, parseNumeric, selfAssessment, shuffledIndexes } from '../../../../src/lib/exercises/grade.ts';
import type { AnswerKey } from '../../../../src/lib/exercises/types.ts';

const numeric = (answer: number, tolerance = 0, unit?: string, unitAliases: string[] = []): AnswerKey => ({ type: 'numeric', answer, tolerance, ...(unit ? { unit } : {}), unitAliases });
const text = (value: string) => ({ kind: 'text' as const, value });

describe('single choice', () => {
  const key: AnswerKey = { type: 'single-choice', correct: 2 };
  it('is correct only for the correct option', () => {
    expect(grade(key, { kind: 'choice', selected: [2] }).verdict).toBe('correct');
    expect(grade(key, { kind: 'choice', selected: [1] }).verdict).toBe('incorrect');
  });
  it('treats no choice as invalid (not an attempt) and two choices as wrong', () => {
    expect(grade(key, { kind: 'choice', selected: [] }).verdict).toBe('invalid');
    expect(grade(key, { kind: 'choice', selected: [2, 1] }).verdict).toBe('incorrect');
  });
  it('rejects an answer of the wrong kind', () => {
    expect(grade(key, text('2')).verdict).toBe('invalid');
  });
});

describe('multiple select', () => {
  const key: AnswerKey = { type: 'multiple-select', correct: [0, 2] };
  it('needs exactly the correct options', () => {
    expect(grade(key, { kind: 'choice', selected: [2, 0] })).toMatchObject({ verdict: 'correct', score: 1 });
  });
  it('gives partial credit, reduced by wrong picks', () => {
    expect(grade(key, { kind: 'choice', selected: [0] })).toMatchObject({ verdict: 'partial', score: 0.5, message: 'You chose 1 of the 2 correct options.' });
    expect(grade(key, { kind: 'choice', selected: [0, 1] })).toMatchObject({ verdict: 'partial', score: 0, message: 'You chose 1 of the 2 correct options and 1 wrong one.' });
    expect(grade(key, { kind: 'choice', selected: [0, 1, 2] })).toMatchObject({ verdict: 'partial', score: 0.5 });
  });
  it('is incorrect with no correct pick', () => {
    expect(grade(key, { kind: 'choice', selected: [1, 3] })).toMatchObject({ verdict: 'incorrect', score: 0 });
  });
});

describe('true/false', () => {
  it('compares the boolean', () => {
    const key: AnswerKey = { type: 'true-false', answer: false };
    expect(grade(key, { kind: 'boolean', value: false }).verdict).toBe('correct');
    expect(grade(key, { kind: 'boolean', value: true }).verdict).toBe('incorrect');
    expect(grade(key, { kind: 'choice', selected: [] }).verdict).toBe('invalid');
  });
});

describe('numeric', () => {
  it('accepts values inside the tolerance, bounds included', () => {
    const key = numeric(0.8, 0.01);
    for (const v of ['0.8', '0.79', '0.81', '.805']) expect(grade(key, text(v)).verdict, v).toBe('correct');
    for (const v of ['0.7899', '0.8101', '-0.8']) expect(grade(key, text(v)).verdict, v).toBe('incorrect');
  });
  it('is exact with zero tolerance, but forgives floating-point noise', () => {
    expect(grade(numeric(0.3), text('0.30000000000000004')).verdict).toBe('correct');
    expect(grade(numeric(12), text('12.001')).verdict).toBe('incorrect');
  });
  it('says which way a wrong answer is off', () => {
    expect(grade(numeric(12), text('15')).message).toMatch(/too high/);
    expect(grade(numeric(12), text('3')).message).toMatch(/too low/);
  });
  it('accepts the unit, its aliases in any case, or no unit', () => {
    const key = numeric(12, 0, 'GPUs', ['gpu']);
    for (const v of ['12', '12 GPUs', '12gpus', '12 GPU', '  12   gpu ']) expect(grade(key, text(v)).verdict, v).toBe('correct');
    expect(grade(key, text('12 servers'))).toMatchObject({ verdict: 'invalid', message: 'Give the answer in GPUs, or as a plain number.' });
  });
  it('handles percentages, thousands separators, exponents and signs', () => {
    expect(grade(numeric(80, 0, '%'), text('80%')).verdict).toBe('correct');
    expect(grade(numeric(1200), text('1,200')).verdict).toBe('correct');
    expect(grade(numeric(1200), text('1.2e3')).verdict).toBe('correct');
    expect(grade(numeric(-3), text('\u22123')).verdict).toBe('correct');
    expect(grade(numeric(360000), text('$360,000')).verdict).toBe('correct');
    expect(grade(numeric(-5), text('-€5')).verdict).toBe('correct');
    expect(grade(numeric(5), text('5 %'))).toMatchObject({ verdict: 'invalid', message: 'Give a plain number, without "%".' });
  });
  it('refuses what is not a number without counting an attempt', () => {
    for (const v of ['', 'abc', 'twelve', '.', '-']) expect(grade(numeric(1), text(v)).verdict, v).toBe('invalid');
    expect(parseNumeric('0,82')).toEqual({ ok: false, message: 'Use a dot for decimals, for example 0.82.' });
    expect(parseNumeric('1,2')).toMatchObject({ ok: false });
    // Spaces as thousands separators, thin and no-break ones included; the message fits what was typed.
    for (const typed of ['1 200', '1\u2009200', '1\u202f200', '1\u00a0200', '$1 200']) expect(parseNumeric(typed), typed).toEqual({ ok: true, value: 1200, unit: '' });
    expect(parseNumeric('1 200 000 GPUs')).toEqual({ ok: true, value: 1200000, unit: 'GPUs' });
    expect(parseNumeric('12 GPUs')).toEqual({ ok: true, value: 12, unit: 'GPUs' });
    expect(parseNumeric('12 00')).toEqual({ ok: false, message: 'Group thousands in threes: 1 200.' });
    expect(parseNumeric('1,200 000')).toMatchObject({ ok: false });
    expect(grade(numeric(231600, 0), text('231\u2009600')).verdict).toBe('correct');
    expect(parseNumeric('1e999')).toEqual({ ok: false, message: 'That number is too large.' });
  });
});

describe('short answer', () => {
  const key: AnswerKey = { type: 'short-answer', answers: ['churn prediction', 'Churn'] };
  it('ignores case, spaces and a final full stop', () => {
    for (const v of ['Churn  Prediction.', ' CHURN ', 'churnprediction', 'churn prediction!']) expect(grade(key, text(v)).verdict, v).toBe('correct');
  });
  it('rejects other answers and treats blank as invalid', () => {
    expect(grade(key, text('churn rate')).verdict).toBe('incorrect');
    expect(grade(key, text('   ')).verdict).toBe('invalid');
  });
  it('normalises unicode compatibility forms', () => {
    expect(normaliseShortAnswer('ＣＨＵＲＮ')).toBe('churn');
  });
});

describe('ordering', () => {
  const key: AnswerKey = { type: 'ordering', items: 4 };
  it('is correct in order, partial with some in place', () => {
    expect(grade(key, { kind: 'order', order: [0, 1, 2, 3] }).verdict).toBe('correct');
    expect(grade(key, { kind: 'order', order: [0, 1, 3, 2] })).toMatchObject({ verdict: 'partial', score: 0.5, message: '2 of 4 items are in the right place.' });
    expect(grade(key, { kind: 'order', order: [3, 2, 1, 0] })).toMatchObject({ verdict: 'incorrect', score: 0 });
  });
  it('rejects orders that are not a permutation', () => {
    for (const order of [[0, 1, 2], [0, 0, 1, 2], [0, 1, 2, 4], [0, 1, 2, 1.5]]) expect(grade(key, { kind: 'order', order }).verdict).toBe('invalid');
  });
});

describe('matching', () => {
  const key: AnswerKey = { type: 'matching', correct: [2, 0, 1], choices: 4 };
  it('counts right matches', () => {
    expect(grade(key, { kind: 'match', choices: [2, 0, 1] }).verdict).toBe('correct');
    expect(grade(key, { kind: 'match', choices: [2, null, 3] })).toMatchObject({ verdict: 'partial', score: 1 / 3 });
    expect(grade(key, { kind: 'match', choices: [0, 1, 2] }).verdict).toBe('incorrect');
  });
  it('needs at least one match and the right number of rows', () => {
    expect(grade(key, { kind: 'match', choices: [null, null, null] }).verdict).toBe('invalid');
    expect(grade(key, { kind: 'match', choices: [2, 0] }).verdict).toBe('invalid');
  });
});

describe('open exercises', () => {
  it('are never graded automatically', () => {
    expect(grade({ type: 'open', parts: 1, keyPoints: [2] }, { kind: 'open', texts: ['x'], covered: [[true, true]] }).verdict).toBe('invalid');
  });
  it('count ticked key points', () => {
    expect(selfAssessment([[true, false], [true]])).toEqual({ ticked: 2, total: 3 });
  });
});

describe('shuffledIndexes', () => {
  it('is a deterministic permutation that never starts solved', () => {
    for (let n = 2; n <= 8; n++) {
      for (const seed of ['a', 'ch1-order', 'ch4-metrics', 'x'.repeat(50)]) {
        const order = shuffledIndexes(n, seed);
        expect([...order].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
        expect(order.some((v, i) => v !== i)).toBe(true);
        expect(shuffledIndexes(n, seed)).toEqual(order);
      }
    }
    expect(shuffledIndexes(1, 'a')).toEqual([0]);
  });
});
