/**
 * Data rows for Chapter 4's fraud-screen charts (content/charts/ch4-roc.yaml, ch4-pr.yaml and
 * ch4-cost.yaml), computed analytically, with no randomness, from a stated binormal model:
 *
 *   node tests/tools/chart-data/ch4-fraud-curves.ts          # all three, with headings
 *   node tests/tools/chart-data/ch4-fraud-curves.ts roc      # one: roc, pr, cost or summary
 *
 * The model. The card issuer of the book scores N = 1,000,000 payments a month, of which a share
 * rho = 0.2% (2,000) are fraud. Each payment gets a latent score z; genuine payments have
 * z ~ Normal(0, 1) and frauds z ~ Normal(mu, 1) (the equal-variance binormal model). mu is chosen so
 * that the curve passes through the book's operating point: recall 0.90 with 3,000 false alarms a
 * month (fact sheet). With equal variances the calibrated probability of fraud is a logistic function
 * of z, s(z) = 1 / (1 + ((1 - rho) / rho) * exp(mu^2 / 2 - mu z)), so a threshold on s and a threshold
 * on z are the same thing; the cost chart's x axis is the threshold on s.
 *
 * Costs: c_FN = $300 per missed fraud, c_FP = $5 per false alarm, C = c_FP FP + c_FN FN a month.
 * With calibrated scores the cost-minimizing threshold is c_FP / (c_FP + c_FN) = 5 / 305.
 *
 * The printed numbers are the ones the chapter quotes; if you change a parameter, update the prose.
 */

import { upperTail } from './lib/normal.ts';

const N = 1_000_000;
const rho = 0.002;
const cFN = 300;
const cFP = 5;
const positives = N * rho; // 2,000 frauds
const negatives = N - positives; // 998,000 genuine payments
const operatingRecall = 0.9;
const operatingFalseAlarms = 3_000;


/** Inverse of upperTail by bisection: the x with upperTail(x) = q, for 0 < q < 1. */
function upperTailInverse(q: number): number {
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (upperTail(mid) > q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// Threshold on z at the operating point, then the separation mu that gives recall 0.90 there.
const zOperating = upperTailInverse(operatingFalseAlarms / negatives);
const mu = zOperating - upperTailInverse(operatingRecall);

const fprAt = (z: number): number => upperTail(z);
const tprAt = (z: number): number => upperTail(z - mu);
/** Calibrated probability of fraud for a payment with latent score z. */
const probabilityAt = (z: number): number => 1 / (1 + ((1 - rho) / rho) * Math.exp((mu * mu) / 2 - mu * z));
/** Latent score at which the calibrated probability equals s. */
const zForProbability = (s: number): number => (Math.log(((1 - rho) / rho) * (s / (1 - s))) + (mu * mu) / 2) / mu;

interface Point {
  z: number;
  s: number;
  recall: number;
  fpr: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  missCost: number;
  alarmCost: number;
  cost: number;
}

function pointAt(z: number): Point {
  const recall = tprAt(z);
  const fpr = fprAt(z);
  const tp = positives * recall;
  const fp = negatives * fpr;
  const fn = positives - tp;
  return {
    z,
    s: probabilityAt(z),
    recall,
    fpr,
    tp,
    fp,
    fn,
    precision: tp + fp > 0 ? tp / (tp + fp) : 1,
    missCost: cFN * fn,
    alarmCost: cFP * fp,
    cost: cFN * fn + cFP * fp,
  };
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));
const row = (fields: Record<string, string | number>): string =>
  `  - { ${Object.entries(fields)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : String(v)}`)
    .join(', ')} }`;

const optimalThreshold = cFP / (cFP + cFN);
const operating = pointAt(zOperating);
const optimal = pointAt(zForProbability(optimalThreshold));
const atHalf = pointAt(zForProbability(0.5));

function rocRows(): string[] {
  const fprs = [0, 0.0005, 0.001, operating.fpr, 0.01, 0.05, 0.1, 0.2, 0.5, 1];
  const model = fprs.map((fpr) => {
    const tpr = fpr === 0 ? 0 : fpr === 1 ? 1 : tprAt(upperTailInverse(fpr));
    return row({ model: 'Fraud model', fpr: round(fpr, 5), tpr: round(tpr, 4) });
  });
  const random = [0, 1].map((v) => row({ model: 'Random guessing', fpr: v, tpr: v }));
  return [...model, ...random];
}

function prRows(): string[] {
  const recalls = [0.2, 0.4, 0.6, 0.8, operatingRecall, 0.95, 0.99, 0.999];
  const points = [...recalls.map((recall) => pointAt(mu + upperTailInverse(recall))), optimal].sort((a, b) => a.recall - b.recall);
  return points.map((p) => row({ model: 'Fraud model', recall: round(p.recall, 4), precision: round(p.precision, 4) }));
}

function costRows(): string[] {
  // The two marked thresholds are computed exactly (5/305, and the operating point's s) and printed rounded.
  const thresholds = [0.002, 0.005, 0.01, optimalThreshold, operating.s, 0.1, 0.2, 0.5, 0.95];
  return thresholds.flatMap((s) => {
    const p = pointAt(zForProbability(s));
    const threshold = round(s, 4);
    return [
      row({ part: 'Total', threshold, cost: Math.round(p.cost) }),
      row({ part: 'Missed frauds', threshold, cost: Math.round(p.missCost) }),
      row({ part: 'False alarms', threshold, cost: Math.round(p.alarmCost) }),
    ];
  });
}

function describe(label: string, p: Point): string {
  return `${label}: threshold s = ${p.s.toFixed(4)} (z = ${p.z.toFixed(3)}), recall ${(100 * p.recall).toFixed(2)}%, TP ${p.tp.toFixed(0)}, FN ${p.fn.toFixed(0)}, FP ${p.fp.toFixed(0)}, flags ${(p.tp + p.fp).toFixed(0)}, precision ${(100 * p.precision).toFixed(2)}%, FPR ${(100 * p.fpr).toFixed(3)}%, cost $${p.cost.toFixed(0)} (misses $${p.missCost.toFixed(0)}, alarms $${p.alarmCost.toFixed(0)})`;
}

function summary(): string[] {
  const auc = 1 - upperTail(mu / Math.SQRT2);
  return [
    `# mu = ${mu.toFixed(4)}, ROC-AUC = Phi(mu / sqrt 2) = ${auc.toFixed(4)}, random precision = rho = ${rho}`,
    `# ${describe('operating point (fact sheet)', operating)}`,
    `# ${describe(`cost-minimizing (s = 5/305)`, optimal)}`,
    `# ${describe('default 0.5', atHalf)}`,
    `# no screen at all: cost $${(cFN * positives).toFixed(0)}`,
  ];
}

const sections: Record<string, () => string[]> = { summary, roc: rocRows, pr: prRows, cost: costRows };
const wanted = process.argv[2];
if (wanted) {
  const make = sections[wanted];
  if (!make) throw new Error(`unknown section "${wanted}": use one of ${Object.keys(sections).join(', ')}`);
  console.log(wanted === 'summary' ? make().join('\n') : ['data:', ...make()].join('\n'));
} else {
  for (const [name, make] of Object.entries(sections)) {
    console.log(name === 'summary' ? make().join('\n') : [`# ${name}`, 'data:', ...make()].join('\n'));
  }
}

