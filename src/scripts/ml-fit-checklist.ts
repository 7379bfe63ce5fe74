/**
 * <ml-fit-checklist>: turns the reader's yes/no answers into a verdict. The rule of each question
 * comes from its fieldset's data-* attributes and every reason is already in the page (hidden), so
 * this script carries no question text: it shows the reasons behind the verdict and announces the
 * verdict once the reader pauses.
 */
import { debouncedAnnouncer } from '../lib/explorables/announce.ts';
import { mlFitVerdict, verdictText, type Answer, type Answers, type Question } from '../lib/explorables/ml-fit.ts';

class MlFitChecklist extends HTMLElement {
  connectedCallback(): void {
    const fieldsets = [...this.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')];
    const box = this.querySelector<HTMLElement>('[data-kind]');
    const status = this.querySelector('[role="status"]');
    if (fieldsets.length === 0 || !box || !status) return;
    const announce = debouncedAnnouncer(status);
    const questions: Question[] = fieldsets.map((f) => ({ id: f.dataset.question!, simplerIf: f.dataset.simplerIf as Answer }));
    const byId = new Map(fieldsets.map((f) => [f.dataset.question!, f]));

    const update = () => {
      const answers: Answers = Object.fromEntries(
        fieldsets.map((f) => [f.dataset.question, f.querySelector<HTMLInputElement>('input:checked')?.value as Answer | undefined]),
      );
      const verdict = mlFitVerdict(questions, answers);
      const drivers = verdict.kind === 'incomplete' ? [] : verdict.drivers;
      const side = verdict.kind === 'ml' ? 'ml' : 'simpler';
      const shown = new Set(drivers.map((id) => `${id}:${side}`));
      const { title, detail } = verdictText(verdict, byId.get(drivers[0] ?? '')?.dataset.alternative);
      box.dataset.kind = verdict.kind;
      box.querySelector('[data-title]')!.textContent = title;
      box.querySelector('[data-detail]')!.textContent = detail;
      for (const li of box.querySelectorAll<HTMLElement>('[data-reason]')) li.hidden = !shown.has(li.dataset.reason!);
      announce(`${title}. ${detail.replace(/:$/, '.')}`);
    };
    this.addEventListener('change', update);
    // A reload may restore checked answers: show their verdict.
    if (this.querySelector('input:checked')) update();
  }
}

customElements.define('ml-fit-checklist', MlFitChecklist);
