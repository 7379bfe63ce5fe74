/**
 * Number formatting shared by the explorables' build-time render and their scripts, so the page a
 * reader first sees and the page after an interaction print numbers the same way.
 */

/** A count with thousands separators: 9999 -> "9,999". Fixed locale: the book is in English. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A share as a percentage with two decimals. Never rounds to a misleading "100%" or "0%": a value
 * just below 1 prints "> 99.99%" and a value just above 0 prints "< 0.01%".
 */
export function formatPercent(value: number): string {
  if (value === 1) return '100%';
  if (value === 0) return '0%';
  const text = (value * 100).toFixed(2);
  if (text === '100.00') return '> 99.99%';
  if (text === '0.00') return '< 0.01%';
  return `${text}%`;
}

/** Announces text in a live region at most once per pause: see `debouncedAnnouncer`. */
export type Announce = (text: string) => void;

/**
 * Polite, debounced announcements. A slider dragged across ten steps or a number typed digit by
 * digit should be announced once, when the reader pauses, not at every step. The region is written
 * only when its text changes, since screen readers repeat a region whenever it is replaced.
 */
export function debouncedAnnouncer(region: { textContent: string | null }, delayMs = 500): Announce {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (text) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (region.textContent !== text) region.textContent = text;
    }, delayMs);
  };
}
