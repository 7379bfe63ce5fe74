import { describe, expect, it } from 'vitest';
import { $ } from '../support/html.ts';
import { md, render, renderError } from '../support/render.ts';

describe('unknown directives', () => {
  it('fails on a misspelt container, naming it and the line', async () => {
    const error = await renderError(md('Intro.', '', ':::tipp', 'Body.', ':::'));
    expect(error.message).toContain('Unknown block ":::tipp"');
    expect(error.message).toContain(':::note, :::tip, :::warning, :::practice, :::figure, :::equation');
    expect(error.line).toBe(3);
  });

  it('fails on a leaf directive', async () => {
    const error = await renderError(md('Intro.', '', '::video[intro]'));
    expect(error.message).toContain('Unknown block "::video"');
    expect(error.line).toBe(3);
  });

  it('puts prose that looks like a text directive back as text', async () => {
    const { html } = await render('Keep the ratio:high, see:note[two] and meet at 10:30.');
    expect($(html, 'p').text).toBe('Keep the ratio:high, see:note[two] and meet at 10:30.');
  });

  it('leaves the directives it owns alone', async () => {
    const { html } = await render(md('## Target', '', 'See :ref[target] and :term[Data drift].'));
    expect($(html, 'a.xref').text).toBe('Section 3.1');
    expect($(html, 'a.term-link').text).toBe('Data drift');
  });
});
