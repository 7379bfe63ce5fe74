/**
 * Every internal link goes through `withBase`, so the book works under a sub-path (`/book/`).
 * `base` is Astro's `import.meta.env.BASE_URL` (always ends with "/" in this project).
 */
export function withBase(base: string, path: string): string {
  const cleanBase = base.endsWith('/') ? base : `${base}/`;
  if (/^[a-z]+:/i.test(path) || path.startsWith('#')) return path;
  return cleanBase + path.replace(/^\/+/, '');
}

export const chapterPath = (id: string): string => `chapters/${id}/`;
export const partPath = (id: string): string => `parts/${id}/`;
export const glossaryPath = (id?: string): string => (id ? `glossary/#${id}` : 'glossary/');

/** The file with a chapter's exercise feedback, hints and explanations (fetched on first use). */
export const exerciseFeedbackPath = (chapterId: string): string => `exercise-feedback/${chapterId}.html`;
