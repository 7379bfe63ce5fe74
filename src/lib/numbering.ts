/**
 * Section numbers: "1.2" for the second `##` of chapter 1, "1.2.3" for the third `###` under it.
 * One function used by the rehype plugin that prints the numbers and by the table of contents.
 */
export interface NumberableHeading {
  depth: number;
  /** Headings such as "References" carry no number. */
  numbered?: boolean;
}

export function sectionNumbers(chapter: number, headings: NumberableHeading[]): (string | undefined)[] {
  let h2 = 0;
  let h3 = 0;
  return headings.map((heading) => {
    if (heading.numbered === false) return undefined;
    if (heading.depth === 2) {
      h2 += 1;
      h3 = 0;
      return `${chapter}.${h2}`;
    }
    if (heading.depth === 3) {
      if (h2 === 0) return undefined;
      h3 += 1;
      return `${chapter}.${h2}.${h3}`;
    }
    return undefined;
  });
}

/** Text of a number label, e.g. ("figure", "1.2") -> "Figure 1.2". */
export function referenceLabel(kind: 'section' | 'figure' | 'equation', number: string): string {
  if (kind === 'figure') return `Figure ${number}`;
  if (kind === 'equation') return `Equation (${number})`;
  return `Section ${number}`;
}
