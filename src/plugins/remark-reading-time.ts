/** Estimates reading time from the chapter's text and exposes it as `minutesRead` in frontmatter. */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import getReadingTime from 'reading-time';
import { toString } from 'mdast-util-to-string';

export function minutesFor(text: string): number {
  return Math.max(1, Math.round(getReadingTime(text).minutes));
}

export default function remarkReadingTime() {
  return (tree: Root, file: VFile) => {
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.minutesRead = minutesFor(toString(tree));
  };
}
