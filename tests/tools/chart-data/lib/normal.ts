/**
 * The standard normal's upper tail for the chart-data generators that use a binormal score model
 * (ch4-fraud-curves.ts, ch5-precision-at-k.ts): no randomness, so every run prints the same rows.
 */

/** Complementary error function, Numerical Recipes' erfcc (fractional error below 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Upper tail of the standard normal, Q(x) = 1 - Φ(x), accurate in the far tail too. */
export const upperTail = (x: number): number => 0.5 * erfc(x / Math.SQRT2);
