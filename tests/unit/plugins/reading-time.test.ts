import { describe, expect, it } from 'vitest';
import { minutesFor } from '../../../src/plugins/remark-reading-time.ts';
import { render } from '../support/render.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('reading time', () => {
  it('is at least one minute and grows with the text (about 200 words a minute)', () => {
    expect(minutesFor('')).toBe(1);
    expect(minutesFor(words(50))).toBe(1);
    expect(minutesFor(words(400))).toBe(2);
    expect(minutesFor(words(2000))).toBe(10);
  });

  it('exposes minutesRead in the frontmatter next to the existing fields', async () => {
    const { frontmatter } = await render(`# Title\n\n${words(1000)}`);
    expect(frontmatter).toEqual({ number: 3, minutesRead: 5 });
  });

  it('works on a file that has no frontmatter data yet', async () => {
    const { frontmatter } = await render(words(600), { chapter: null });
    expect(frontmatter.minutesRead).toBe(3);
  });
});
