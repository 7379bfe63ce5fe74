import { describe, expect, it } from 'vitest';
import { chapterFilterValue, partFilterValue } from '../../../src/lib/search-filters.ts';

describe('search filter values', () => {
  it('names a part with its roman numeral and a chapter with its number', () => {
    expect(partFilterValue(2, 'DataOps')).toBe('Part II: DataOps');
    expect(partFilterValue(4, 'DevOps')).toBe('Part IV: DevOps');
    expect(chapterFilterValue(12, 'Monitoring')).toBe('12. Monitoring');
  });
});
