import { describe, expect, it } from 'vitest';
import {
  checklistQuestions,
  mlFitVerdict,
  passingAnswers,
  verdictText,
  type Answer,
  type Answers,
} from '../../../../src/lib/explorables/ml-fit.ts';

/** Every question answered the way that speaks for ML, then `overrides`. */
const mlAnswers = (overrides: Answers = {}): Answers => ({
  ...Object.fromEntries(checklistQuestions.map((q) => [q.id, (q.simplerIf === 'yes' ? 'no' : 'yes') as Answer])),
  ...overrides,
});

describe('checklistQuestions', () => {
  it('are the chapter checklist, in its order: decision, three cheap exits, three conditions, errors, value, constraints', () => {
    expect(checklistQuestions.map((q) => q.id)).toEqual([
      'decision',
      'rules',
      'transparency',
      'retrieval',
      'patterns',
      'data',
      'stream',
      'errors',
      'value',
      'constraints',
    ]);
    // Question 1 and 5-10 pass on "yes"; the cheap exits 2-4 stop the checklist on "yes".
    expect(checklistQuestions.map((q) => q.simplerIf)).toEqual(['no', 'yes', 'yes', 'yes', 'no', 'no', 'no', 'no', 'no', 'no']);
  });

  it('have unique ids, a verdict and a reason for each stopping answer, and an ML reason for each question whose "yes" speaks for ML', () => {
    expect(new Set(checklistQuestions.map((q) => q.id)).size).toBe(checklistQuestions.length);
    for (const q of checklistQuestions) {
      expect(q.simplerReason.length).toBeGreaterThan(20);
      expect(q.alternative.length).toBeGreaterThan(3);
      expect(q.mlReason !== undefined).toBe(q.simplerIf === 'no');
    }
  });
});

describe('mlFitVerdict', () => {
  it('asks for answers while nothing is answered', () => {
    expect(mlFitVerdict(checklistQuestions, {})).toEqual({ kind: 'incomplete', remaining: 10 });
  });

  it('stays incomplete while every answer so far passes', () => {
    expect(mlFitVerdict(checklistQuestions, { decision: 'yes', rules: 'no', patterns: 'yes' })).toEqual({ kind: 'incomplete', remaining: 7 });
    expect(mlFitVerdict(checklistQuestions, { ...mlAnswers(), stream: undefined })).toEqual({ kind: 'incomplete', remaining: 1 });
  });

  it('never says ML is likely a fit before the value and constraint questions are answered and pass', () => {
    expect(mlFitVerdict(checklistQuestions, { ...mlAnswers(), value: undefined }).kind).toBe('incomplete');
    expect(mlFitVerdict(checklistQuestions, { ...mlAnswers(), constraints: undefined }).kind).toBe('incomplete');
    expect(mlFitVerdict(checklistQuestions, mlAnswers({ value: 'no' }))).toEqual({ kind: 'simpler', drivers: ['value'], remaining: 0 });
    expect(mlFitVerdict(checklistQuestions, mlAnswers({ constraints: 'no' }))).toEqual({ kind: 'simpler', drivers: ['constraints'], remaining: 0 });
    expect(mlFitVerdict(checklistQuestions, mlAnswers({ errors: 'no' }))).toEqual({ kind: 'simpler', drivers: ['errors'], remaining: 0 });
    expect(mlFitVerdict(checklistQuestions, mlAnswers({ decision: 'no' }))).toEqual({ kind: 'simpler', drivers: ['decision'], remaining: 0 });
  });

  it('says ML is likely a fit only when all ten answers are in and all pass, naming the evidence', () => {
    expect(mlFitVerdict(checklistQuestions, mlAnswers())).toEqual({
      kind: 'ml',
      drivers: ['decision', 'patterns', 'data', 'stream', 'errors', 'value', 'constraints'],
    });
  });

  it.each(checklistQuestions.map((q) => [q.id, q.simplerIf] as const))('a single "%s: %s" answer is enough to stop the checklist', (id, answer) => {
    expect(mlFitVerdict(checklistQuestions, mlAnswers({ [id]: answer }))).toEqual({ kind: 'simpler', drivers: [id], remaining: 0 });
    expect(mlFitVerdict(checklistQuestions, { [id]: answer })).toEqual({ kind: 'simpler', drivers: [id], remaining: 9 });
  });

  it('names every answer that drove the verdict, in question order', () => {
    const answers = mlAnswers({ value: 'no', rules: 'yes', retrieval: 'yes' });
    expect(mlFitVerdict(checklistQuestions, answers)).toEqual({ kind: 'simpler', drivers: ['rules', 'retrieval', 'value'], remaining: 0 });
  });

  it('payroll tax stops at the rule or formula, as in the chapter', () => {
    const payroll = mlAnswers({ rules: 'yes', patterns: 'no', errors: 'no' });
    expect(mlFitVerdict(checklistQuestions, payroll)).toEqual({ kind: 'simpler', drivers: ['rules', 'patterns', 'errors'], remaining: 0 });
  });

  it('card fraud passes every question: ML is likely a fit', () => {
    const fraud: Answers = {
      decision: 'yes', rules: 'no', transparency: 'no', retrieval: 'no', patterns: 'yes',
      data: 'yes', stream: 'yes', errors: 'yes', value: 'yes', constraints: 'yes',
    };
    expect(mlFitVerdict(checklistQuestions, fraud).kind).toBe('ml');
  });

  it("Harvest Box's first churn project stops at question 1: nobody had settled what counts as lost", () => {
    expect(mlFitVerdict(checklistQuestions, { decision: 'no' })).toEqual({ kind: 'simpler', drivers: ['decision'], remaining: 9 });
  });

  it('ignores answers to questions it was not given, and an empty checklist is a fit by default', () => {
    expect(mlFitVerdict([{ id: 'a', simplerIf: 'yes' }], { a: 'no', other: 'yes' })).toEqual({ kind: 'ml', drivers: [] });
    expect(mlFitVerdict([], {})).toEqual({ kind: 'ml', drivers: [] });
  });
});

describe('verdictText', () => {
  it('counts the open questions', () => {
    expect(verdictText({ kind: 'incomplete', remaining: 10 })).toEqual({
      title: 'Answer the remaining questions',
      detail: '10 questions are still open. No answer so far rules ML out.',
    });
    expect(verdictText({ kind: 'incomplete', remaining: 1 }).detail).toMatch(/^1 question is still open/);
  });

  it('titles the verdict with what to do instead, and says when open questions cannot change it', () => {
    expect(verdictText({ kind: 'simpler', drivers: ['retrieval'], remaining: 0 }, 'Not ML: write a query or build a report')).toEqual({
      title: 'Not ML: write a query or build a report',
      detail: 'One answer stops the checklist:',
    });
    expect(verdictText({ kind: 'simpler', drivers: ['rules', 'retrieval'], remaining: 3 }).detail).toBe(
      '2 answers stop the checklist, and the 3 open questions cannot change that:',
    );
    expect(verdictText({ kind: 'simpler', drivers: ['rules'], remaining: 1 }).detail).toBe(
      'One answer stops the checklist, and the open question cannot change that:',
    );
    expect(verdictText({ kind: 'simpler', drivers: ['rules'], remaining: 0 }).title).toBe('Not ML, for now');
  });

  it('says ML is likely a fit only with the value and constraint questions passed, and still asks for a baseline', () => {
    const { title, detail } = verdictText({ kind: 'ml', drivers: [] });
    expect(title).toBe('ML is likely a fit');
    expect(detail).toMatch(/^Every answer passes, the value and constraint questions included\..*baseline.*These answers speak for ML:$/);
  });
});

describe('passingAnswers', () => {
  it('states the passing answers of the checklist in runs', () => {
    expect(passingAnswers(checklistQuestions)).toBe('yes to question 1, no to questions 2 to 4 and yes to questions 5 to 10');
  });

  it('handles one run, two runs and none', () => {
    expect(passingAnswers([{ id: 'a', simplerIf: 'no' }, { id: 'b', simplerIf: 'no' }])).toBe('yes to questions 1 to 2');
    expect(passingAnswers([{ id: 'a', simplerIf: 'yes' }, { id: 'b', simplerIf: 'no' }])).toBe('no to question 1 and yes to question 2');
    expect(passingAnswers([])).toBe('');
  });
});
