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
