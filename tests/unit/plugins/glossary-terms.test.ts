import { describe, expect, it } from 'vitest';
import { $, $$ } from '../support/html.ts';
import { md, render, renderError } from '../support/render.ts';

describe(':term glossary links', () => {
  it('links a term whose text slugifies to its id, with a tooltip that describes the link', async () => {
    const { html } = await render('Shortcuts create :term[Technical debt] quickly.');
    const term = $(html, 'span.term');
    expect(term.attrs['data-term']).toBe('technical-debt');
    const link = $(term.html, 'a.term-link');
    expect(link.attrs.href).toBe('/glossary/#technical-debt');
    expect(link.text).toBe('Technical debt');
    const tip = $(term.html, 'span.term-tip');
    expect(tip.attrs.role).toBe('tooltip');
    expect(link.attrs['aria-describedby']).toBe(tip.attrs.id);
    expect(tip.text).toBe('The future cost of shortcuts taken to deliver sooner.');
    expect('data-pagefind-ignore' in tip.attrs).toBe(true);
  });

  it('uses an explicit {#id} and keeps the visible text and its markup', async () => {
    const { html } = await render('Inputs *shift*: :term[the *drift* we fear]{#data-drift}.');
    const link = $(html, 'a.term-link');
    expect(link.attrs.href).toBe('/glossary/#data-drift');
    expect(link.text).toBe('the drift we fear');
    expect($(link.html, 'em').text).toBe('drift');
  });

  it('prefixes the base path when the book lives under /book/', async () => {
    const { html } = await render('See :term[Data drift].', { base: '/book/' });
    expect($(html, 'a.term-link').attrs.href).toBe('/book/glossary/#data-drift');
  });

  it('gives every tooltip its own id', async () => {
    const { html } = await render(md(':term[Data drift] and :term[Technical debt].', '', 'Again :term[Data drift].'));
    const links = $$(html, 'a.term-link');
    const tips = $$(html, 'span.term-tip');
    expect(tips.map((t) => t.attrs.id)).toEqual(['term-tip-1', 'term-tip-2', 'term-tip-3']);
    expect(links.map((a) => a.attrs['aria-describedby'])).toEqual(tips.map((t) => t.attrs.id));
  });

  it('fails on a term that is not in the glossary, with the id and line', async () => {
    const error = await renderError(md('Fine.', '', 'A :term[Made-up idea] here.'));
    expect(error.message).toContain('Unknown glossary term "made-up-idea" in :term[Made-up idea]');
    expect(error.message).toContain('add it to glossary.yaml');
    expect(error.line).toBe(3);
  });

  it('fails on an explicit id that is not in the glossary', async () => {
    const error = await renderError('A :term[drift]{#drift} here.');
    expect(error.message).toContain('Unknown glossary term "drift"');
  });
});
