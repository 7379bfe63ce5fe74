import { z } from 'astro/zod';
import { slugId } from './chapter.ts';

/** One glossary entry, an item of `content/glossary.yaml`. */
export const glossarySchema = z
  .object({
    /** Stable id used by `:term[...]{#id}` and chapter `keyTerms`. */
    id: slugId,
    /** The term as displayed, e.g. "Technical debt". */
    term: z.string().trim().min(1),
    /** A short definition in plain text (one or two sentences). */
    definition: z.string().trim().min(1),
    /** Ids of related terms, shown as "See also" links (for a term that belongs to two families, such as latency). */
    seeAlso: z.array(slugId).default([]),
  })
  .strict();

export type GlossaryEntry = z.infer<typeof glossarySchema>;
