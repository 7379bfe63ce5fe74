import { afterEach, describe, expect, it, vi } from 'vitest';
import { debouncedAnnouncer } from '../../../../src/lib/explorables/announce.ts';

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
