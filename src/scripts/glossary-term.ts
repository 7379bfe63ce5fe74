/**
 * Glossary terms show their definition on hover and focus with CSS alone. On touch screens the
 * first tap shows the definition instead of leaving the page; a second tap follows the link.
 */
let shown: HTMLElement | undefined;

const hide = () => {
  shown?.removeAttribute('data-show');
  shown = undefined;
};

document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('.term .term-link');
  const term = link?.parentElement ?? undefined;
  if (!link || !term) {
    hide();
    return;
  }
  const pointer = (event as PointerEvent).pointerType;
  if (pointer !== 'touch' && pointer !== 'pen') return;
  if (shown === term) return;
  event.preventDefault();
  hide();
  term.setAttribute('data-show', '');
  shown = term;
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    hide();
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.matches('.term-link')) active.closest('.term')?.setAttribute('data-dismissed', '');
  }
});
document.addEventListener('focusout', (event) => (event.target as Element).closest?.('.term')?.removeAttribute('data-dismissed'));
