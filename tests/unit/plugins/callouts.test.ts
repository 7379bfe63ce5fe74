import { describe, expect, it } from 'vitest';
import { calloutTitles, isCalloutType } from '../../../src/plugins/remark-callouts.ts';
import { $, $$, squash } from '../support/html.ts';
import { md, render } from '../support/render.ts';

describe('callouts', () => {
  it.each(Object.entries(calloutTitles))(':::%s gets a note role and the default title "%s"', async (type, title) => {
    const { html } = await render(md(`:::${type}`, 'The body.', ':::'));
    const callout = $(html, `div.callout.callout-${type}`);
    expect(callout.attrs.role).toBe('note');
    expect(callout.attrs['data-callout']).toBe(type);
    const paragraphs = $$(callout.html, 'p');
    expect(paragraphs.map((p) => p.attrs.class ?? '')).toEqual(['callout-title', '']);
    expect(paragraphs.map((p) => p.text)).toEqual([title, 'The body.']);
  });

  it('uses the directive label as the title, keeping its markup, and drops it from the body', async () => {
    const { html } = await render(md(':::warning[The churn *score* nobody owned]', 'First paragraph.', '', '- a list', ':::'));
    const callout = $(html, 'div.callout-warning');
    const title = $(callout.html, 'p.callout-title');
    expect(squash(title.text)).toBe('The churn score nobody owned');
    expect($(title.html, 'em').text).toBe('score');
    expect(callout.text.match(/nobody owned/g)).toHaveLength(1);
    expect($$(callout.html, 'li').map((li) => li.text)).toEqual(['a list']);
  });

  it('keeps callouts independent when there are several', async () => {
    const { html } = await render(md(':::tip', 'One.', ':::', '', ':::practice[A bank and a retailer]', 'Two.', ':::'));
    expect($$(html, 'div.callout').map((c) => c.attrs['data-callout'])).toEqual(['tip', 'practice']);
    expect($$(html, 'p.callout-title').map((p) => p.text)).toEqual(['Tip', 'A bank and a retailer']);
  });

  it('recognises only its own types (not inherited object keys)', () => {
    expect(isCalloutType('note')).toBe(true);
    expect(isCalloutType('practice')).toBe(true);
    expect(isCalloutType('figure')).toBe(false);
    expect(isCalloutType('toString')).toBe(false);
    expect(isCalloutType('constructor')).toBe(false);
  });
});
