import { z } from 'astro/zod';
import { slugId } from './chapter.ts';

/**
 * One symbol of the book's notation, an item of `content/notation.yaml`, listed on the notation
 * page. One meaning per symbol book-wide: a symbol may appear only once in the file.
 */
export const notationSchema = z
  .object({
    /** Stable id, also the symbol's anchor on the notation page (`/notation/#prevalence`). */
    id: slugId,
    /** The symbol in TeX, as chapters write it, e.g. `\rho` or `c_{\text{FP}}`. */
    symbol: z.string().trim().min(1),
    /** What it stands for, in plain words (one sentence, may hold inline `$...$`). */
    meaning: z.string().trim().min(1),
    /** Chapters (by number) that use it. */
    chapters: z.array(z.number().int().positive()).min(1, 'name at least one chapter that uses the symbol'),
  })
  .strict();

export type NotationEntry = z.infer<typeof notationSchema>;
