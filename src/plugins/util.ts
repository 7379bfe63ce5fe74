import type { Element } from 'hast';
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
