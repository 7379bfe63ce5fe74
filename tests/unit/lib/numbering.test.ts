import { describe, expect, it } from 'vitest';
import { referenceLabel, sectionNumbers } from '../../../src/lib/numbering.ts';

const h = (depth: number, numbered?: boolean) => (numbered === undefined ? { depth } : { depth, numbered });

describe('sectionNumbers', () => {
  it('numbers ## as chapter.n and ### as chapter.n.m, restarting subsections', () => {
    expect(sectionNumbers(3, [h(2), h(3), h(3), h(2), h(3), h(2)])).toEqual(['3.1', '3.1.1', '3.1.2', '3.2', '3.2.1', '3.3']);
  });

  it('leaves unnumbered headings out without using up a number', () => {
    expect(sectionNumbers(1, [h(2), h(2, false), h(2)])).toEqual(['1.1', undefined, '1.2']);
    expect(sectionNumbers(1, [h(2), h(3, false), h(3)])).toEqual(['1.1', undefined, '1.1.1']);
  });

  it('gives no number to a ### before the first ## or to other depths', () => {
    expect(sectionNumbers(2, [h(3), h(1), h(2), h(4), h(5)])).toEqual([undefined, undefined, '2.1', undefined, undefined]);
  });

  it('returns one entry per heading, and none for none', () => {
    expect(sectionNumbers(7, [])).toEqual([]);
    expect(sectionNumbers(12, [h(2), h(2)])).toEqual(['12.1', '12.2']);
  });
});

describe('referenceLabel', () => {
  it.each([
    ['figure', '3.2', 'Figure 3.2'],
    ['equation', '3.1', 'Equation (3.1)'],
    ['section', '3.2.1', 'Section 3.2.1'],
  ] as const)('%s %s -> %s', (kind, number, label) => {
    expect(referenceLabel(kind, number)).toBe(label);
  });
});
