/** Estimates reading time from the chapter's text and exposes it as `minutesRead` in frontmatter. */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import getReadingTime from 'reading-time';
import { toString } from 'mdast-util-to-string';

const WORDS_PER_MINUTE = 200;
/** The code units reading-time counts as words of their own (Hiragana, CJK ideographs, Hangul). */
const cjk = /[\u3040-\u309f\u4e00-\u9fff\uac00-\ud7a3]/;

/**
 * reading-time's word count, fast: it walks the text a character at a time, allocating as it goes
 * (about 20 ms for a long chapter, for every chapter of every build). Without CJK text its count is
 * the number of runs of characters other than space, tab, CR and LF, which a regular expression
 * finds at once; text with CJK characters still goes through the library.
 */
export function countWords(text: string): number {
  if (cjk.test(text)) return getReadingTime(text, { wordsPerMinute: WORDS_PER_MINUTE }).words;
  return text.match(/[^ \n\r\t]+/g)?.length ?? 0;
}

export function minutesFor(text: string): number {
  return Math.max(1, Math.round(countWords(text) / WORDS_PER_MINUTE));
}

export default function remarkReadingTime() {
  return (tree: Root, file: VFile) => {
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.minutesRead = minutesFor(toString(tree));
  };
}
