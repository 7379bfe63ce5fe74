/**
 * One file per chapter with its exercises' option feedback, hints and explanations, which the
 * chapter page leaves out and `<book-exercise>` fetches on first use (see RenderOptions.feedbackUrl).
 * Not a page: no layout, not indexed for search.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { toHtml } from 'hast-util-to-html';
import { exercisesByChapter } from '../../lib/load-book.ts';
import { renderFeedback } from '../../lib/exercises/render.ts';

export const getStaticPaths = (async () => {
  const byChapter = await exercisesByChapter('all');
  return [...byChapter].filter(([, items]) => items.length > 0).map(([chapter, items]) => ({ params: { chapter }, props: { items } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const items = (props as { items: Awaited<ReturnType<typeof exercisesByChapter>> extends Map<string, infer T> ? T : never }).items;
  const body = items.map(({ exercise, file }) => toHtml(renderFeedback(exercise, file))).join('\n');
  return new Response(`<!doctype html><meta charset="utf-8"><meta name="robots" content="noindex">\n${body}\n`, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
