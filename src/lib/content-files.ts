/**
 * Reads the book's data files that build plugins need before Astro's collections exist
 * (the glossary for term tooltips, the path of the bibliography).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface GlossaryLookup {
  term: string;
  definition: string;
}

export function readGlossary(contentDir: string): Map<string, GlossaryLookup> {
  const path = join(contentDir, 'glossary.yaml');
  const map = new Map<string, GlossaryLookup>();
  if (!existsSync(path)) return map;
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(data)) throw new Error(`${path}: expected a list of glossary entries`);
  for (const item of data as Record<string, unknown>[]) {
    if (item && typeof item.id === 'string' && typeof item.term === 'string' && typeof item.definition === 'string') {
      map.set(item.id, { term: item.term, definition: item.definition });
    }
  }
  return map;
}

export const bibliographyPath = (contentDir: string): string => join(contentDir, 'references.bib');
