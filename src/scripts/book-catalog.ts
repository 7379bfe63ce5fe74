/**
 * The exercise catalog page: filters by chapter, kind (exercise or self-check), type and difficulty, and the assignment builder
 * (ticked exercises, in the order ticked, plus title, instructions and due date -> a link whose
 * query string holds everything; see lib/exercises/assignment-link.ts).
 */
import { encodeAssignment } from '../lib/exercises/assignment-link.ts';

const rows = [...document.querySelectorAll<HTMLTableRowElement>('[data-exercise-row]')];
const filters = document.querySelector<HTMLFormElement>('.catalog-filters');
const count = document.querySelector<HTMLElement>('.catalog-count');

function applyFilters(): void {
  if (!filters) return;
  const data = new FormData(filters);
  const want = (name: string) => String(data.get(name) ?? '');
  let shown = 0;
  for (const row of rows) {
    const match = ['chapter', 'role', 'type', 'difficulty'].every((name) => !want(name) || row.dataset[name] === want(name));
    row.hidden = !match;
    if (match) shown += 1;
  }
  for (const section of document.querySelectorAll<HTMLElement>('.catalog-chapter')) {
    section.hidden = ![...section.querySelectorAll<HTMLElement>('[data-exercise-row]')].some((r) => !r.hidden);
  }
  if (count) count.textContent = `${shown} of ${rows.length} shown.`;
}
filters?.addEventListener('change', applyFilters);
filters?.addEventListener('submit', (e) => e.preventDefault());

// ---- assignment builder ------------------------------------------------------------------------
const builder = document.querySelector<HTMLElement>('.builder');
const form = builder?.querySelector<HTMLFormElement>('.builder-form');
if (builder && form) {
  builder.querySelector<HTMLElement>('.builder-nojs')!.hidden = true;
  form.hidden = false;
  const list = form.querySelector<HTMLOListElement>('.builder-list')!;
  const empty = form.querySelector<HTMLElement>('.builder-empty')!;
  const total = form.querySelector<HTMLElement>('.builder-total')!;
  const status = form.querySelector<HTMLElement>('.builder-status')!;
  const result = form.querySelector<HTMLElement>('.builder-result')!;
  const link = form.querySelector<HTMLInputElement>('#builder-link')!;
  const open = form.querySelector<HTMLAnchorElement>('[data-action="open"]')!;
  const picked: string[] = [];
  const rowOf = (id: string) => rows.find((r) => r.dataset.id === id);

  const render = () => {
    list.replaceChildren(
      ...picked.map((id, i) => {
        const row = rowOf(id)!;
        const li = document.createElement('li');
        const text = document.createElement('span');
        text.textContent = `${row.dataset.label}: ${row.dataset.title}`;
        li.append(text, ' ');
        const button = (label: string, action: string, disabled: boolean) => {
          const b = document.createElement('button');
          b.type = 'button';
          b.className = 'builder-move';
          b.dataset.action = action;
          b.dataset.id = id;
          b.disabled = disabled;
          b.textContent = label;
          b.setAttribute('aria-label', `${label}: ${row.dataset.title}`);
          return b;
        };
        li.append(button('Move up', 'up', i === 0), button('Move down', 'down', i === picked.length - 1), button('Remove', 'remove', false));
        return li;
      }),
    );
    empty.hidden = picked.length > 0;
    const minutes = picked.reduce((sum, id) => sum + Number(rowOf(id)?.dataset.minutes ?? 0), 0);
    total.textContent = picked.length ? `${picked.length} exercises, about ${minutes} minutes.` : '';
    result.hidden = true;
  };

  for (const box of document.querySelectorAll<HTMLInputElement>('.catalog-pick')) {
    box.addEventListener('change', () => {
      const at = picked.indexOf(box.value);
      if (box.checked && at === -1) picked.push(box.value);
      if (!box.checked && at !== -1) picked.splice(at, 1);
      render();
    });
  }

  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    const id = button.dataset.id!;
    const at = picked.indexOf(id);
    const action = button.dataset.action;
    if (action === 'remove') {
      picked.splice(at, 1);
      const box = document.getElementById(`pick-${id}`) as HTMLInputElement | null;
      if (box) box.checked = false;
    } else {
      const to = action === 'up' ? at - 1 : at + 1;
      [picked[at], picked[to]] = [picked[to]!, picked[at]!];
    }
    render();
    // Keep keyboard focus on the same control of the moved item, or on the list.
    const again = list.querySelector<HTMLButtonElement>(`button[data-id="${CSS.escape(id)}"][data-action="${action}"]:not(:disabled)`);
    (again ?? list.querySelector<HTMLButtonElement>('button:not(:disabled)') ?? form.querySelector<HTMLInputElement>('#builder-title'))?.focus();
    status.textContent = action === 'remove' ? 'Removed.' : `Moved to position ${picked.indexOf(id) + 1}.`;
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const title = String(data.get('title') ?? '').trim();
    if (picked.length === 0) {
      status.textContent = 'Choose at least one exercise in the catalog first.';
      return;
    }
    if (!title) {
      status.textContent = 'Give the assignment a title.';
      form.querySelector<HTMLInputElement>('#builder-title')!.focus();
      return;
    }
    const due = String(data.get('due') ?? '');
    const query = encodeAssignment({ title, instructions: String(data.get('instructions') ?? '').trim(), ...(due ? { due } : {}), ids: picked });
    const url = new URL(builder.dataset.assignmentUrl ?? 'assignment/', location.href);
    url.search = query;
    link.value = url.href;
    open.href = url.href;
    result.hidden = false;
    status.textContent = 'Assignment link created.';
    link.focus();
    link.select();
  });

  form.querySelector<HTMLButtonElement>('[data-action="copy"]')!.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link.value);
      status.textContent = 'Link copied.';
    } catch {
      link.select();
      status.textContent = 'Could not copy automatically: the link is selected, copy it with Ctrl+C or Cmd+C.';
    }
  });
}

applyFilters();
