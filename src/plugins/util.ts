import type { Element } from 'hast';
import type { RootContent } from 'mdast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';

/** Stops the build with a message naming the file and, where known, the line. */
export function fail(file: VFile, message: string, place?: Node | undefined): never {
  file.fail(message, place ? { place: place.position } : undefined);
}

/** The frontmatter Astro parsed for this file (MDX and Markdown alike), or an empty object. */
export function frontmatterOf(file: VFile): Record<string, unknown> {
  const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
  return astro?.frontmatter ?? {};
}

/** The classes of a HAST element (`className` is a list once parsed; a string is split). */
export function classesOf(element: Element): string[] {
  const value: unknown = element.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

/** The attribute Astro renders as raw HTML content (`<div set:html={...} />`). */
export const RAW_HTML_PROPERTY = 'set:html';

type Attributes = Record<string, string>;

/**
 * A `div` holding HTML as a string. In MDX it is a JSX element with Astro's `set:html`, so the
 * string is written out as it is and MDX's optimizer (astro.config.ts) leaves it alone; in plain
 * Markdown, a raw node that the HTML step parses.
 */
export function rawHtml(className: string[], html: string, mdx: boolean, attributes: Attributes = {}): RootContent {
  if (mdx) {
    const attrs: Attributes = { class: className.join(' '), ...attributes, [RAW_HTML_PROPERTY]: html };
    return {
      type: 'mdxJsxFlowElement',
      name: 'div',
      attributes: Object.entries(attrs).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value })),
      children: [],
    } as unknown as RootContent;
  }
  return {
    type: 'rawHtmlBlock',
    data: { hName: 'div', hProperties: { className, ...attributes }, hChildren: [{ type: 'raw', value: html }] },
  } as unknown as RootContent;
}
