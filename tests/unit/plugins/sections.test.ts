import { describe, expect, it } from 'vitest';
import { $, $$ } from '../support/html.ts';
import { md, render } from '../support/render.ts';

const source = md(
  'Opening paragraph [@huyen2022].',
  '',
  '## More than a model',
  '',
  '### DataOps',
  '',
  '### ModelOps',
  '',
  '#### A detail',
  '',
  '## Why design matters',
  '',
  '### From the lab to production',
);

describe('section numbering', () => {
  it('numbers ## and ### as 3.1 / 3.1.1 and marks them with data-section', async () => {
    const { html } = await render(source);
    const headings = $$(html, 'h2').concat($$(html, 'h3')).filter((h) => 'data-section' in h.attrs);
    expect(Object.fromEntries(headings.map((h) => [h.attrs.id, h.attrs['data-section']]))).toEqual({
      'more-than-a-model': '3.1',
      dataops: '3.1.1',
      modelops: '3.1.2',
      'why-design-matters': '3.2',
      'from-the-lab-to-production': '3.2.1',
    });
    expect($(html, 'h3#modelops').text).toBe('3.1.2 ModelOps');
    expect($($(html, 'h2#why-design-matters').html, 'span.secnum').text).toBe('3.2');
  });

  it('adds an anchor link named after the section number to ## and ### only', async () => {
    const { html } = await render(source);
    const anchor = $($(html, 'h3#dataops').html, 'a.heading-anchor');
    expect(anchor.attrs.href).toBe('#dataops');
    expect(anchor.attrs['aria-label']).toBe('Link to section 3.1.1');
    expect($($(anchor.html, 'span.anchor-icon').html, 'span').attrs['aria-hidden']).toBe('true');
    const h4 = $(html, 'h4');
    expect(h4.text).toBe('A detail');
    expect($$(h4.html, 'a')).toHaveLength(0);
  });

  it('leaves the References heading unnumbered', async () => {
    const { html } = await render(source);
    const references = $(html, 'h2#references');
    expect(references.attrs.class).toBe('unnumbered');
    expect('data-section' in references.attrs).toBe(false);
    expect($$(references.html, 'span.secnum')).toHaveLength(0);
    expect(references.text).toBe('References');
  });

  it('leaves the footnotes heading unnumbered', async () => {
    const { html } = await render(md('## Only section', '', 'A claim.[^1]', '', '[^1]: The source.'));
    const label = $(html, 'h2#footnote-label');
    expect($$(label.html, 'span.secnum')).toHaveLength(0);
    expect($(html, 'h2#only-section').attrs['data-section']).toBe('3.1');
  });

  it('uses the chapter number of the page, and numbers nothing without one', async () => {
    expect($(( await render(source, { chapter: 12 })).html, 'h3#dataops').attrs['data-section']).toBe('12.1.1');
    const { html } = await render(source, { chapter: null });
    expect($$(html, 'span.secnum')).toHaveLength(0);
    expect($(html, 'h2#more-than-a-model').text).toBe('More than a model');
  });
});
