/**
 * The search index's records for exercises and self-checks: one per exercise, so a search for a
 * company named only in a case summary finds that case, and the "Exercises" filter finds exercises
 * alone. Only what every reader sees goes in: the title, the prompt and a case study's case. Never
 * hints, feedback, explanations, key points, answers or anything of the instructor edition.
 *
 * The chapter pages mark their exercises `data-pagefind-ignore="all"` (their forms and UI labels
 * would otherwise make noisy excerpts); these records take their place. The records are written at
 * build time as `search-records.json` (src/pages/search-records.json.ts), which the Pagefind step
 * (src/integrations/pagefind.ts) adds to the index and then deletes from the site.
 */
import type { Exercise } from '../../schemas/exercise.ts';
import { markdownText } from './markdown.ts';

export interface SearchRecord {
  /** Absolute URL of the exercise on its chapter page (`.../chapters/slug/#ex-id`). */
  url: string;
  /** The text the search matches and quotes in excerpts. */
  content: string;
  language: 'en';
  meta: { title: string };
  filters: Record<string, string[]>;
}

export const searchRecordsFile = 'search-records.json';

/** The indexed text of one exercise: title, prompt and, for a case study, the case. */
export function exerciseSearchText(exercise: Exercise): string {
  const parts = [exercise.title.replace(/[.?!:]?$/, '.'), markdownText(exercise.prompt)];
  if (exercise.type === 'case-study') parts.push(markdownText(exercise.case));
  return parts.join(' ');
}
