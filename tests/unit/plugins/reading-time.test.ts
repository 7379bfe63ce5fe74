import { readdirSync, readFileSync } from 'node:fs';
import getReadingTime from 'reading-time';
import { describe, expect, it } from 'vitest';
import { countWords, minutesFor } from '../../../src/plugins/remark-reading-time.ts';
import { render } from '../support/render.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('reading time', () => {
  it('is at least one minute and grows with the text (about 200 words a minute)', () => {
    expect(minutesFor('')).toBe(1);
    expect(minutesFor(words(50))).toBe(1);
    expect(minutesFor(words(400))).toBe(2);
    expect(minutesFor(words(2000))).toBe(10);
  });

  it.each([
    ['', 0],
    ['   ', 0],
    ['one', 1],
    ['  two words \n', 2],
    ['tabs\tand\r\nnewlines\n\nhere', 4],
    ['punctuation , counts - as words; really?', 7],
    ['non\u00a0breaking space and \u2003em space', 5],
    ['日本語のテキスト mixed with English', 8],
    ['한국어 문장입니다.', 8],
  ])('counts words exactly as reading-time does: %j', (text, expected) => {
    expect(countWords(text)).toBe(getReadingTime(text).words);
    expect(countWords(text)).toBe(expected);
  });

  it('gives the same minutes as reading-time for the book\'s chapters', () => {
    for (const name of readdirSync('content/chapters')) {
      const text = readFileSync(`content/chapters/${name}`, 'utf8');
      expect(countWords(text), name).toBe(getReadingTime(text).words);
      expect(minutesFor(text), name).toBe(Math.max(1, Math.round(getReadingTime(text).minutes)));
    }
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
