/**
 * Data for content/charts/ch5-precision-at-k.yaml: precision@K of Harvest Box's call list, for the
 * churn model and the current rule, K = 400 to 4,000 calls (every 400) in a four-week month.
 *
 * The two curves come from a stated binormal score model, not from real subscribers: of N = 40,000
 * active subscribers, N·ρ = 3,600 (ρ = 0.09) are lost within the four weeks. A lost subscriber's
 * score is normal with mean μ and standard deviation 1, a staying subscriber's is standard normal,
 * and the list calls the K highest scores. μ is solved separately for each method so that
 * precision@1,600 matches the fact sheet: 0.70 for the model (1,120 lost among 1,600 calls) and
 * 0.50 for the rule (800 of 1,600, the rule ranking subscribers by how far their orders fell).
 *
 * Run: node tests/tools/chart-data/ch5-precision-at-k.ts  (prints the YAML `data:` rows)
 */

import { upperTail } from './lib/normal.ts';

const N = 40_000;
const LOST = 3_600;
const STAYING = N - LOST;
const CAPACITY = 1_600;


/** Bisection on a function that falls as its argument rises. */
function solveFalling(f: (v: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Lost subscribers among the K highest scores when lost scores have mean mu. */
function lostInTop(k: number, mu: number): number {
  const called = (t: number): number => LOST * upperTail(t - mu) + STAYING * upperTail(t);
  const threshold = solveFalling(called, k, -10, 10);
  return LOST * upperTail(threshold - mu);
}

/** The separation mu that gives the stated precision at the capacity. */
function fitMu(precisionAtCapacity: number): number {
  // Precision at a fixed K rises with mu, so solve on its negative.
  return solveFalling((mu) => -lostInTop(CAPACITY, mu) / CAPACITY, -precisionAtCapacity, 0, 5);
}

const methods = [
  { name: 'Churn model', mu: fitMu(0.7) },
  { name: 'Current rule', mu: fitMu(0.5) },
];

const lines: string[] = [];
for (const { name, mu } of methods) {
  lines.push(`  # ${name}: mu = ${mu.toFixed(3)}`);
  for (let k = 400; k <= 4_000; k += 400) {
    const precision = lostInTop(k, mu) / k;
    lines.push(`  - { method: ${name}, calls: ${k}, precision: ${precision.toFixed(3)} }`);
  }
}
console.log(['data:', ...lines].join('\n'));

