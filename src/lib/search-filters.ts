/** Values of the Pagefind filters, shared by the chapter pages (which declare them) and the search dialog. */
import { toRoman } from './book.ts';

export const partFilterValue = (number: number, title: string): string => `Part ${toRoman(number)}: ${title}`;
export const chapterFilterValue = (number: number, title: string): string => `${number}. ${title}`;

/** The `kind` filter: chapter pages, and exercises and self-checks (their own records, and the catalog page). */
export const kindFilterValues = { chapters: 'Chapters', exercises: 'Exercises' } as const;
