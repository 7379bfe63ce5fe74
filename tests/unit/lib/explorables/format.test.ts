import { afterEach, describe, expect, it, vi } from 'vitest';
import { debouncedAnnouncer, formatCount, formatPercent } from '../../../../src/lib/explorables/format.ts';

describe('formatPercent', () => {
  it.each([
    [0.85, '85.00%'],
    [0.9999, '99.99%'],
    [0.0001, '0.01%'],
    [1 / 3, '33.33%'],
    [1, '100%'],
    [0, '0%'],
  ])('%s -> %s', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });

  it('never rounds a value short of 1 up to 100% or a value above 0 down to 0%', () => {
    expect(formatPercent(999_999 / 1_000_000)).toBe('> 99.99%');
    expect(formatPercent(1 / 1e12)).toBe('< 0.01%');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(9999)).toBe('9,999');
    expect(formatCount(1e12)).toBe('1,000,000,000,000');
  });
});

describe('debouncedAnnouncer', () => {
  afterEach(() => void vi.useRealTimers());

  it('announces only the last text of a burst, after the pause', () => {
    vi.useFakeTimers();
    const region = { textContent: '' as string | null };
    const announce = debouncedAnnouncer(region, 400);
    announce('one');
    vi.advanceTimersByTime(200);
    announce('two');
    vi.advanceTimersByTime(399);
    expect(region.textContent).toBe('');
    vi.advanceTimersByTime(1);
    expect(region.textContent).toBe('two');
  });

  it('does not rewrite the region with the same text (that would repeat the announcement)', () => {
    vi.useFakeTimers();
    let writes = 0;
    let text: string | null = 'same';
    const region = {
      get textContent() {
        return text;
      },
      set textContent(value: string | null) {
        writes++;
        text = value;
      },
    };
    const announce = debouncedAnnouncer(region, 10);
    announce('same');
    vi.advanceTimersByTime(10);
    expect(writes).toBe(0);
    announce('new');
    vi.advanceTimersByTime(10);
    expect(writes).toBe(1);
  });
});
