/** Adds a "Copy" button to every highlighted code block; the result is announced politely. */
for (const pre of document.querySelectorAll<HTMLPreElement>('.prose pre.astro-code')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', 'Copy code to clipboard');
  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(pre.querySelector('code')?.innerText ?? pre.innerText);
      button.textContent = 'Copied';
      status.textContent = 'Code copied to clipboard';
    } catch {
      button.textContent = 'Copy failed';
      status.textContent = 'Could not copy: select the code and copy it by hand';
    }
    setTimeout(() => {
      button.textContent = 'Copy';
      status.textContent = '';
    }, 2000);
  });
  const wrapper = document.createElement('div');
  wrapper.className = 'code-block';
  pre.replaceWith(wrapper);
  wrapper.append(pre, button, status);
}
