import { z } from 'astro/zod';
import { slugId } from './chapter.ts';

/** One part of the book, an entry of `content/parts.yaml`. */
export const partSchema = z
  .object({
    /** Stable id chapters refer to in their `part` field, e.g. "foundation". */
    id: slugId,
    /** Part number, shown as "Part I" (roman numerals are derived). */
    number: z.number().int().positive(),
    /** Title, e.g. "Laying the Foundation". */
    title: z.string().trim().min(1),
    /** What the part covers, one or two sentences. */
    description: z.string().trim().min(1),
  })
  .strict();

export type PartData = z.infer<typeof partSchema>;
