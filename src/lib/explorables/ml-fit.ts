/**
 * The verdict behind <MlFitChecklist> (chapter 3, does this problem need ML?). Each question has
 * one answer that points to a simpler, non-ML tool. ML is likely a fit only when every question is
 * answered and none points elsewhere; one answer that points to a simpler tool is enough for that
 * verdict, because no other answer can outweigh it.
 */

export type Answer = 'yes' | 'no';

export interface Question {
  id: string;
  /** The answer that points away from ML, to `alternative`. */
  simplerIf: Answer;
}

export interface ChecklistQuestion extends Question {
  text: string;
  /** The simpler tool, completing "Try a simpler approach first: …". */
  alternative: string;
  /** Shown when the reader gives the `simplerIf` answer: why, and what to do instead. */
  simplerReason: string;
  /** For questions whose other answer is evidence for ML: shown under the "ML is likely a fit" verdict. */
  mlReason?: string;
}

export const checklistQuestions: readonly ChecklistQuestion[] = [
  {
    id: 'rules',
    text: 'Could experts write the decision down as clear rules, like a discount that every member gets?',
    simplerIf: 'yes',
    alternative: 'a rule-based system',
    simplerReason: 'Clear rules decide it: encode them directly. Rules are cheaper to build, test and explain than a model.',
  },
  {
    id: 'lookup',
    text: 'Is the answer already in your data, so that a lookup or a filter finds it (say, the customers who bought something last month)?',
    simplerIf: 'yes',
    alternative: 'a database query',
    simplerReason: 'The answer is a lookup in data you hold: a query returns it exactly, and there is nothing to predict.',
  },
  {
    id: 'report',
    text: 'Is the question about what has already happened, such as last quarter’s sales by region?',
    simplerIf: 'yes',
    alternative: 'a report or dashboard',
    simplerReason: 'It asks about the past: a report or dashboard answers it. ML earns its keep on what is not yet known.',
  },
  {
    id: 'exact',
    text: 'Must every output be exact, and the same every time for the same input, like the tax withheld from a payslip?',
    simplerIf: 'yes',
    alternative: 'a deterministic program',
    simplerReason: 'Outputs must be exact and repeatable: a program that implements the calculation is always right, while a model is right most of the time.',
  },
  {
    id: 'explain',
    text: 'Must each decision be explained step by step to a regulator or a customer, as with the rules for approving a mortgage?',
    simplerIf: 'yes',
    alternative: 'transparent, auditable rules',
    simplerReason: 'Every decision must be fully explainable: written rules or a points scorecard can be audited line by line, which a learned model makes hard.',
  },
  {
    id: 'complex',
    text: 'Does the outcome depend on many factors that interact in ways too tangled to write down as rules?',
    simplerIf: 'no',
    alternative: 'a few hand-written rules or a simple formula',
    simplerReason: 'The patterns are simple: a few hand-written rules or a formula will likely do as well, at a fraction of the cost.',
    mlReason: 'The patterns are complex and non-linear, too tangled for hand-written rules: learning them from examples is what ML is for.',
  },
  {
    id: 'data',
    text: 'Do you have enough historical data of good quality, including the outcomes you want to predict?',
    simplerIf: 'no',
    alternative: 'rules or heuristics while you collect data',
    simplerReason: 'There is not enough good data to learn from yet: start with rules or heuristics and collect examples with their outcomes.',
    mlReason: 'There is enough good historical data, outcomes included, to learn from.',
  },
  {
    id: 'repeat',
    text: 'Will the system keep predicting on new data as it arrives, as a fraud check does for every payment?',
    simplerIf: 'no',
    alternative: 'a one-off analysis',
    simplerReason: 'The question is answered once: a one-off analysis will do. A deployed model pays for its upkeep only when it predicts again and again.',
    mlReason: 'Predictions are needed again and again on new data, as with a fraud check on every payment.',
  },
];

export type Answers = Readonly<Record<string, Answer | undefined>>;

export type Verdict =
  /** Nothing so far points away from ML, but some questions are open. */
  | { kind: 'incomplete'; remaining: number }
  /** `drivers`: the questions whose answers point to a simpler tool, in question order. */
  | { kind: 'simpler'; drivers: string[]; remaining: number }
  /** `drivers`: the questions answered with positive evidence for ML (their `simplerIf` is "no"). */
  | { kind: 'ml'; drivers: string[] };

export function mlFitVerdict(questions: readonly Question[], answers: Answers): Verdict {
  const answered = questions.filter((q) => answers[q.id] !== undefined);
  const remaining = questions.length - answered.length;
  const drivers = answered.filter((q) => answers[q.id] === q.simplerIf).map((q) => q.id);
  if (drivers.length > 0) return { kind: 'simpler', drivers, remaining };
  if (remaining > 0) return { kind: 'incomplete', remaining };
  return { kind: 'ml', drivers: questions.filter((q) => q.simplerIf === 'no').map((q) => q.id) };
}

/**
 * The verdict in words. `alternative` is the simpler tool of the first driver (the script reads it
 * from the page, so the question texts need not ship in its bundle).
 */
export function verdictText(verdict: Verdict, alternative = 'a rule, a query or a report'): { title: string; detail: string } {
  switch (verdict.kind) {
    case 'incomplete':
      return {
        title: 'Answer the remaining questions',
        detail: `${verdict.remaining} ${verdict.remaining === 1 ? 'question is' : 'questions are'} still open. No answer so far rules ML out.`,
      };
    case 'simpler': {
      const count = verdict.drivers.length === 1 ? 'One answer points' : `${verdict.drivers.length} answers point`;
      const open = verdict.remaining === 0 ? '' : `, and the ${verdict.remaining === 1 ? 'open question' : `${verdict.remaining} open questions`} cannot change that`;
      return { title: `Try a simpler approach first: ${alternative}`, detail: `${count} away from ML${open}:` };
    }
    case 'ml':
      return {
        title: 'ML is likely a fit',
        detail: 'No answer points to a rule, a query, a report or an exact calculation. Build a simple baseline anyway, to measure the model against. These answers speak for ML:',
      };
  }
}
