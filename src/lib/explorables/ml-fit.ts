/**
 * The verdict behind <MlFitChecklist> (chapter 3, does this problem need ML?). The questions are the
 * chapter's ten-item checklist, in its order, which is also the order of the decision flowchart
 * (fig-ml-decision-flow). Each question has one answer that stops the checklist (`simplerIf`) and
 * names what to do instead. ML is likely a fit only when every question is answered and none stops
 * it, so the value (9) and constraint (10) questions must pass before that verdict; one stopping
 * answer is enough for the other verdict, because no later answer can outweigh it.
 */

export type Answer = 'yes' | 'no';

export interface Question {
  id: string;
  /** The answer that stops the checklist and points to `alternative`. */
  simplerIf: Answer;
}

export interface ChecklistQuestion extends Question {
  text: string;
  /**
   * The verdict's title when this question is the first to stop the checklist: what to do instead,
   * as the flowchart's matching box says it.
   */
  alternative: string;
  /** Shown when the reader gives the `simplerIf` answer: why, and what to do instead. */
  simplerReason: string;
  /** For questions whose passing answer is "yes" (evidence for ML): shown under the "ML is likely a fit" verdict. */
  mlReason?: string;
}

export const checklistQuestions: readonly ChecklistQuestion[] = [
  {
    id: 'decision',
    text: 'Can you state the problem, the business metric it serves, the decision the output will change and who makes that decision?',
    simplerIf: 'no',
    alternative: 'Go back to the stakeholders first',
    simplerReason: 'Without a stated problem, metric and decision, no later answer can be trusted: settle them with the stakeholders before judging the tool.',
    mlReason: 'The problem, its business metric and the decision the output will change are stated, so the other answers rest on something.',
  },
  {
    id: 'rules',
    text: 'Could a fixed rule or formula, set by policy, law or contract, produce the right answer every time (a member discount, payroll tax)?',
    simplerIf: 'yes',
    alternative: 'Not ML: write the rule or the formula',
    simplerReason: 'A known rule or formula is the answer: code it. It is exact, instant, readable and changed in minutes when the policy or the law changes.',
  },
  {
    id: 'transparency',
    text: 'Must every individual decision be explained in full against stated criteria, to a regulator or to the person affected (mortgage approval)?',
    simplerIf: 'yes',
    alternative: 'Use transparent rules or an interpretable scorecard',
    simplerReason: 'Every decision must be explained against stated criteria: transparent rules or an interpretable scorecard can be audited case by case, which a complex model makes hard. Involve compliance early.',
  },
  {
    id: 'retrieval',
    text: 'Is the task to find, filter or summarize records that already exist (last month’s buyers, last quarter’s sales)?',
    simplerIf: 'yes',
    alternative: 'Not ML: write a query or build a report',
    simplerReason: 'The answer is in records you hold: a query or a report returns it exactly, and there is nothing to predict.',
  },
  {
    id: 'patterns',
    text: 'Does the answer depend on interacting factors that experts cannot write down as reliable rules?',
    simplerIf: 'no',
    alternative: 'Start with a heuristic baseline',
    simplerReason: 'Experts can write the pattern down: a few hand-written rules or a heuristic score will likely do as well, at a fraction of the cost.',
    mlReason: 'The answer depends on interacting factors too tangled for hand-written rules: learning them from examples is what ML is for.',
  },
  {
    id: 'data',
    text: 'Are there enough examples with recorded outcomes, of adequate quality and representative of the cases to come, with every input available at prediction time?',
    simplerIf: 'no',
    alternative: 'Start with a heuristic baseline and improve the data',
    simplerReason: 'There is not yet enough good data to learn from: run a heuristic baseline while you collect examples with their outcomes, and drop inputs that arrive too late.',
    mlReason: 'There are enough representative examples with recorded outcomes, and the inputs exist when the prediction is made.',
  },
  {
    id: 'stream',
    text: 'Will new cases keep arriving that need predictions, as payments do for a fraud check?',
    simplerIf: 'no',
    alternative: 'A one-off analysis will do',
    simplerReason: 'The question is asked once or rarely: an analyst’s one-off study is cheaper and better. A deployed model repays its upkeep only when it predicts again and again.',
    mlReason: 'New cases keep arriving that need predictions, so a pattern learned once is applied many times.',
  },
  {
    id: 'errors',
    text: 'Is an occasional wrong answer acceptable, and do you know what each kind of error costs?',
    simplerIf: 'no',
    alternative: 'Go back to the stakeholders: price the errors',
    simplerReason: 'Every model makes mistakes. If none is acceptable, keep the decision with exact rules or a person; if the costs of errors are unknown, price them with the stakeholders first.',
    mlReason: 'Occasional errors are acceptable and each kind has a known cost, so the model can be tuned and judged in money.',
  },
  {
    id: 'value',
    text: 'Does the expected gain over the simplest workable alternative exceed the extra cost of building and running the ML system?',
    simplerIf: 'no',
    alternative: 'Keep the simple alternative as the baseline',
    simplerReason: 'The ML option does not pay for its extra build and running costs over the simple alternative: ship the simple option and revisit if the gain or the costs change.',
    mlReason: 'The expected gain over the simplest workable alternative exceeds the extra cost of building and running the system.',
  },
  {
    id: 'constraints',
    text: 'Can the output reach the point of decision in the workflow, within the privacy and regulatory limits the stakeholders described?',
    simplerIf: 'no',
    alternative: 'Go back to the stakeholders: fix delivery or reframe',
    simplerReason: 'A prediction that cannot reach the person who acts, or that the data rules forbid, changes nothing: solve delivery and the privacy or regulatory limits with the stakeholders, or reframe the problem.',
    mlReason: 'The output can reach the point of decision within the privacy and regulatory limits.',
  },
];

export type Answers = Readonly<Record<string, Answer | undefined>>;

export type Verdict =
  /** Nothing so far stops the checklist, but some questions are open. */
  | { kind: 'incomplete'; remaining: number }
  /** `drivers`: the questions whose answers stop the checklist, in question order. */
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
 * The verdict in words. `alternative` is the title of the first driver's verdict (the script reads
 * it from the page, so the question texts need not ship in its bundle).
 */
export function verdictText(verdict: Verdict, alternative = 'Not ML, for now'): { title: string; detail: string } {
  switch (verdict.kind) {
    case 'incomplete':
      return {
        title: 'Answer the remaining questions',
        detail: `${verdict.remaining} ${verdict.remaining === 1 ? 'question is' : 'questions are'} still open. No answer so far rules ML out.`,
      };
    case 'simpler': {
      const count = verdict.drivers.length === 1 ? 'One answer stops' : `${verdict.drivers.length} answers stop`;
      const open = verdict.remaining === 0 ? '' : `, and the ${verdict.remaining === 1 ? 'open question' : `${verdict.remaining} open questions`} cannot change that`;
      return { title: alternative, detail: `${count} the checklist${open}:` };
    }
    case 'ml':
      return {
        title: 'ML is likely a fit',
        detail: 'Every answer passes, the value and constraint questions included. Ship the simple alternative first anyway, as the baseline the model must beat. These answers speak for ML:',
      };
  }
}

/**
 * The passing answers in words, for readers without JavaScript: "yes to question 1, no to questions
 * 2 to 4 and yes to questions 5 to 10". Runs of questions with the same passing answer are merged.
 */
export function passingAnswers(questions: readonly Question[]): string {
  const runs: { answer: Answer; from: number; to: number }[] = [];
  questions.forEach((q, i) => {
    const answer: Answer = q.simplerIf === 'yes' ? 'no' : 'yes';
    const last = runs.at(-1);
    if (last && last.answer === answer) last.to = i + 1;
    else runs.push({ answer, from: i + 1, to: i + 1 });
  });
  const parts = runs.map((r) => `${r.answer} to ${r.from === r.to ? `question ${r.from}` : `questions ${r.from} to ${r.to}`}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
