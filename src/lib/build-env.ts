/**
 * Build-time settings read from the environment, in one place.
 *
 * - BOOK_CONTENT_DIR: folder with chapters/, parts.yaml, glossary.yaml, references.bib
 *   (default `content`). Tests and the benchmark point it at fixture or generated books.
 * - BOOK_BASE: the sub-path the site is deployed under (default `/`), e.g. `/book/`.
 * - BOOK_OUT_DIR: where `astro build` writes (default `dist`).
 * - BOOK_SITE: the absolute origin the site is served from, for canonical URLs and the sitemap.
 * - BOOK_EDITION: `student` (default) or `instructor`, which adds model answers, rubrics and
 *   teaching notes to every exercise (`npm run build:instructor`).
 */
import { resolve } from 'node:path';

export interface BuildEnv {
  contentDir: string;
  base: string;
  outDir: string;
  site: string;
  edition: 'student' | 'instructor';
}

export function readEdition(value: string | undefined): 'student' | 'instructor' {
  const edition = (value ?? 'student').trim() || 'student';
  if (edition !== 'student' && edition !== 'instructor') throw new Error(`BOOK_EDITION must be "student" or "instructor", got "${edition}"`);
  return edition;
}

export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  if (!/^\/?[A-Za-z0-9._~\-/]+$/.test(trimmed)) {
    throw new Error(`BOOK_BASE must be a URL path such as /book/, got "${trimmed}"`);
  }
  const inner = trimmed.replace(/^\/+|\/+$/g, '');
  // "//" would otherwise become "//", a protocol-relative prefix that sends links to another host.
  return inner === '' ? '/' : `/${inner}/`;
}

export function readBuildEnv(env: NodeJS.ProcessEnv = process.env): BuildEnv {
  return {
    contentDir: resolve(env.BOOK_CONTENT_DIR ?? 'content'),
    base: normaliseBase(env.BOOK_BASE),
    outDir: resolve(env.BOOK_OUT_DIR ?? 'dist'),
    site: env.BOOK_SITE ?? 'http://localhost:4321',
    edition: readEdition(env.BOOK_EDITION),
  };
}
