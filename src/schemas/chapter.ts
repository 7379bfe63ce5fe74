import { z } from 'astro/zod';

/** A glossary id or part id: lowercase words joined by hyphens. */
export const slugId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and hyphens, e.g. "technical-debt"');

/**
 * Frontmatter of a chapter (`content/chapters/NN-slug.mdx`).
 * Cross-collection facts (the part exists, key terms are in the glossary, numbers are unique)
 * are checked by `validateBook` in `src/lib/book.ts`.
 */
export const chapterSchema = z
  .object({
    /** Chapter title without its number, e.g. "What ML system design is". */
    title: z.string().trim().min(1, 'a chapter needs a title'),
    /** Id of the part the chapter belongs to, as in `content/parts.yaml`. */
    part: slugId,
    /** Chapter number across the whole book (1, 2, 3...). Also its order. */
    number: z.number().int().positive('chapter numbers start at 1'),
    /** One line for the home page, part pages and search results (at most 200 characters). */
    description: z.string().trim().min(1, 'write a one-line description').max(200, 'keep the description under 200 characters'),
    /** What the reader will be able to do after the chapter: 1 to 8 items, each starting with a verb. */
    objectives: z.array(z.string().trim().min(1)).min(1, 'list at least one learning objective').max(8, 'list at most 8 learning objectives'),
    /** Glossary ids of the chapter's key terms, shown under the objectives and linked to the glossary. */
    keyTerms: z.array(slugId).default([]),
    /**
     * Slugs of the `##` sections that need no "Check your understanding" questions: end matter such as
     * `summary`, `exercises` and `further-reading`. Every other main section ends with one to three
     * `::check{#id}` lines.
     */
    selfCheckExempt: z.array(slugId).default([]),
    /** A draft is built in development but left out of the production book. */
    draft: z.boolean().default(false),
  })
  .strict();

export type ChapterData = z.infer<typeof chapterSchema>;
