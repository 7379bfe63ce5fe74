import { describe, expect, it } from 'vitest';
import { checklistQuestions, mlFitVerdict, verdictText, type Answer, type Answers } from '../../../../src/lib/explorables/ml-fit.ts';

/** Every question answered the way that speaks for ML, then `overrides`. */
const mlAnswers = (overrides: Answers = {}): Answers => ({
  ...Object.fromEntries(checklistQuestions.map((q) => [q.id, (q.simplerIf === 'yes' ? 'no' : 'yes') as Answer])),
  ...overrides,
});

describe('mlFitVerdict', () => {
  it('asks for answers while nothing is answered', () => {
    expect(mlFitVerdict(checklistQuestions, {})).toEqual({ kind: 'incomplete', remaining: 8 });
  });

  it('stays incomplete while every answer so far speaks for ML', () => {
    expect(mlFitVerdict(checklistQuestions, { rules: 'no', complex: 'yes' })).toEqual({ kind: 'incomplete', remaining: 6 });
    const oneOpen = { ...mlAnswers(), repeat: undefined };
    expect(mlFitVerdict(checklistQuestions, oneOpen)).toEqual({ kind: 'incomplete', remaining: 1 });
  });

  it('says ML is likely a fit only when all answers are in and all speak for ML, naming the evidence', () => {
    expect(mlFitVerdict(checklistQuestions, mlAnswers())).toEqual({ kind: 'ml', drivers: ['complex', 'data', 'repeat'] });
  });

  it.each(checklistQuestions.map((q) => [q.id, q.simplerIf] as const))('a single "%s: %s" answer is enough to point to a simpler approach', (id, answer) => {
    expect(mlFitVerdict(checklistQuestions, mlAnswers({ [id]: answer }))).toEqual({ kind: 'simpler', drivers: [id], remaining: 0 });
    expect(mlFitVerdict(checklistQuestions, { [id]: answer })).toEqual({ kind: 'simpler', drivers: [id], remaining: 7 });
  });

  it('names every answer that drove the verdict, in question order', () => {
    const answers = mlAnswers({ repeat: 'no', rules: 'yes', exact: 'yes' });
    expect(mlFitVerdict(checklistQuestions, answers)).toEqual({ kind: 'simpler', drivers: ['rules', 'exact', 'repeat'], remaining: 0 });
  });

  it('payroll tax: rules, exact output, no learning needed', () => {
    const payroll: Answers = { rules: 'yes', lookup: 'no', report: 'no', exact: 'yes', explain: 'yes', complex: 'no', data: 'yes', repeat: 'yes' };
    expect(mlFitVerdict(checklistQuestions, payroll)).toEqual({ kind: 'simpler', drivers: ['rules', 'exact', 'explain', 'complex'], remaining: 0 });
  });

  it('fraud detection: ML is likely a fit', () => {
    const fraud: Answers = { rules: 'no', lookup: 'no', report: 'no', exact: 'no', explain: 'no', complex: 'yes', data: 'yes', repeat: 'yes' };
    expect(mlFitVerdict(checklistQuestions, fraud).kind).toBe('ml');
  });

  it('ignores answers to questions it was not given, and an empty checklist is a fit by default', () => {
    expect(mlFitVerdict([{ id: 'a', simplerIf: 'yes' }], { a: 'no', other: 'yes' })).toEqual({ kind: 'ml', drivers: [] });
    expect(mlFitVerdict([], {})).toEqual({ kind: 'ml', drivers: [] });
  });
});

describe('verdictText', () => {
  it('counts the open questions', () => {
    expect(verdictText({ kind: 'incomplete', remaining: 8 })).toEqual({
      title: 'Answer the remaining questions',
      detail: '8 questions are still open. No answer so far rules ML out.',
    });
    expect(verdictText({ kind: 'incomplete', remaining: 1 }).detail).toMatch(/^1 question is still open/);
  });

  it('names the simpler tool and says when open questions cannot change the verdict', () => {
    expect(verdictText({ kind: 'simpler', drivers: ['lookup'], remaining: 0 }, 'a database query')).toEqual({
      title: 'Try a simpler approach first: a database query',
      detail: 'One answer points away from ML:',
    });
    expect(verdictText({ kind: 'simpler', drivers: ['lookup', 'report'], remaining: 3 }, 'a database query').detail).toBe(
      '2 answers point away from ML, and the 3 open questions cannot change that:',
    );
    expect(verdictText({ kind: 'simpler', drivers: ['lookup'], remaining: 1 }).detail).toBe('One answer points away from ML, and the open question cannot change that:');
  });

  it('says ML is likely a fit', () => {
    expect(verdictText({ kind: 'ml', drivers: [] }).title).toBe('ML is likely a fit');
    expect(verdictText({ kind: 'ml', drivers: [] }).detail).toMatch(/^No answer points to a rule.*Build a simple baseline anyway.*These answers speak for ML:$/);
  });
});

describe('checklistQuestions', () => {
  it('has unique ids, a reason for each simpler answer, and an ML reason for each question whose "yes" speaks for ML', () => {
    expect(new Set(checklistQuestions.map((q) => q.id)).size).toBe(checklistQuestions.length);
    for (const q of checklistQuestions) {
      expect(q.simplerReason.length).toBeGreaterThan(20);
      expect(q.alternative.length).toBeGreaterThan(3);
      expect(q.mlReason !== undefined).toBe(q.simplerIf === 'no');
    }
  });
});
