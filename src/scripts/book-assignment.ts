/**
 * The assignment page: reads the assignment from the URL (lib/exercises/assignment-link.ts, which
 * treats it as hostile data), then shows its title, due date and instructions AS TEXT and clones
 * the named exercises from their <template>s in the link's order. Anything wrong with the link is
 * explained on the page; nothing from the link is ever inserted as HTML.
 */
import { decodeAssignment } from '../lib/exercises/assignment-link.ts';

const templates = new Map([...document.querySelectorAll<HTMLTemplateElement>('template[data-exercise-template]')].map((t) => [t.dataset.exerciseTemplate!, t]));
const message = document.querySelector<HTMLElement>('.assignment-message')!;
const container = document.querySelector<HTMLElement>('.assignment-exercises')!;

function show(element: HTMLElement | null, text: string): void {
  if (!element) return;
  element.textContent = text;
  element.hidden = false;
}

function explain(lines: string[]): void {
  message.replaceChildren();
  const intro = document.createElement('p');
  intro.textContent = 'This assignment link cannot be used as it is:';
  const list = document.createElement('ul');
  for (const line of lines) {
    const li = document.createElement('li');
    li.textContent = line;
    list.append(li);
  }
  const help = document.createElement('p');
  help.textContent = 'Ask your instructor for a new link, or open the exercise catalog to find the exercises yourself.';
  message.append(intro, list, help);
  message.hidden = false;
}

const decoded = decodeAssignment(location.search, new Set(templates.keys()));
if (!decoded.ok) {
  explain(decoded.errors);
} else {
  const { assignment, unknownIds } = decoded;
  document.title = `${assignment.title} | Assignment`;
  show(document.querySelector('[data-assignment-title]'), assignment.title);
  if (assignment.due) {
    const date = new Date(`${assignment.due}T00:00:00`);
    show(document.querySelector('.assignment-due'), `Due ${date.toLocaleDateString(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' })}`);
  }
  if (assignment.instructions) show(document.querySelector('.assignment-instructions'), assignment.instructions);
  const ids = assignment.ids.filter((id) => templates.has(id));
  const minutes = ids.reduce((sum, id) => sum + Number(templates.get(id)!.dataset.minutes ?? 0), 0);
  show(document.querySelector('.assignment-summary'), `${ids.length} ${ids.length === 1 ? 'question' : 'questions'}, about ${minutes} minutes. Your answers are saved in this browser as you work.`);
  if (unknownIds.length) {
    const note = document.createElement('p');
    note.textContent = `${unknownIds.length} ${unknownIds.length === 1 ? 'exercise' : 'exercises'} in this link ${unknownIds.length === 1 ? 'does' : 'do'} not exist in this edition of the book and ${unknownIds.length === 1 ? 'was' : 'were'} left out.`;
    message.replaceChildren(note);
    message.hidden = false;
  }
  ids.forEach((id, i) => {
    const template = templates.get(id)!;
    const wrapper = document.createElement('div');
    wrapper.className = 'assignment-question';
    wrapper.dataset.workItem = '';
    wrapper.dataset.id = id;
    wrapper.dataset.title = template.dataset.title ?? '';
    wrapper.dataset.label = `Question ${i + 1} (${template.dataset.label ?? ''})`;
    wrapper.dataset.chapterTitle = template.dataset.chapterTitle ?? '';
    const label = document.createElement('p');
    label.className = 'assignment-question-label';
    label.textContent = `Question ${i + 1} of ${ids.length} · from ${template.dataset.chapterTitle ?? ''}`;
    wrapper.append(label, template.content.cloneNode(true));
    container.append(wrapper);
  });
  document.querySelector<HTMLElement>('.assignment-work')!.hidden = false;
  document.querySelector('[data-action="print-sheet"]')?.addEventListener('click', () => {
    document.documentElement.dataset.printing = 'sheet';
    window.addEventListener('afterprint', () => delete document.documentElement.dataset.printing, { once: true });
    window.print();
  });
}
