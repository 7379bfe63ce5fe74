/**
 * The arithmetic behind <MetricCalculator> (chapter 4, model metrics): classification metrics from
 * the four counts of a binary confusion matrix, with 0/0 reported as undefined and the reason
 * why, a one-sentence reading of the result, and validation of what the reader types.
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

export interface Counts {
  /** True positives: actual positives the model calls positive. */
  tp: number;
  /** False positives: actual negatives the model calls positive (false alarms). */
  fp: number;
  /** False negatives: actual positives the model calls negative (misses). */
  fn: number;
  /** True negatives: actual negatives the model calls negative. */
  tn: number;
}

export type MetricValue = { defined: true; value: number } | { defined: false; reason: string };

export const metricKeys = ['accuracy', 'precision', 'recall', 'f1', 'specificity'] as const;
export type MetricKey = (typeof metricKeys)[number];
export type Metrics = Record<MetricKey, MetricValue>;

export const metricNames: Record<MetricKey, string> = {
  accuracy: 'Accuracy',
  precision: 'Precision',
  recall: 'Recall',
  f1: 'F1 score',
  specificity: 'Specificity',
};

/** Shown under each name; only the build-time render uses them, so they stay out of the script. */
export const metricFormulas: Record<MetricKey, string> = {
  accuracy: '(TP + TN) / all',
  precision: 'TP / (TP + FP)',
  recall: 'TP / (TP + FN)',
  f1: '2TP / (2TP + FP + FN)',
  specificity: 'TN / (TN + FP)',
};

function ratio(numerator: number, denominator: number, reason: string): MetricValue {
  return denominator === 0 ? { defined: false, reason } : { defined: true, value: numerator / denominator };
}

/**
 * F1 is computed from the counts, 2TP / (2TP + FP + FN), which equals the harmonic mean of
 * precision and recall wherever both exist and stays defined (as 0) when the model predicts no
 * positives but positives exist: the case the accuracy trap is about.
 */
export function computeMetrics({ tp, fp, fn, tn }: Counts): Metrics {
  return {
    accuracy: ratio(tp + tn, tp + fp + fn + tn, 'the matrix is empty'),
    precision: ratio(tp, tp + fp, 'the model never predicts positive (TP + FP = 0)'),
    recall: ratio(tp, tp + fn, 'there are no actual positives (TP + FN = 0)'),
    f1: ratio(2 * tp, 2 * tp + fp + fn, 'there are no positives, predicted or actual (TP + FP + FN = 0)'),
    specificity: ratio(tn, tn + fp, 'there are no actual negatives (TN + FP = 0)'),
  };
}

export function formatMetric(metric: MetricValue): string {
  return metric.defined ? formatPercent(metric.value) : 'undefined';
}

/** Shown under an undefined metric: "because the model never predicts positive (TP + FP = 0)". */
export function undefinedReason(metric: MetricValue): string {
  return metric.defined ? '' : `because ${metric.reason}`;
}

/** Counts beyond this are refused: four of them still add up exactly in a double. */
export const maxCount = 1e12;

export type ParsedCount = { ok: true; value: number } | { ok: false; message: string };

/**
 * Validates one typed count. `badInput` is the browser's flag for text a number field could not
 * read (such as "-" alone); the field's value is then empty, which must not read as "nothing typed".
 */
export function parseCount(raw: string, badInput = false): ParsedCount {
  const text = raw.trim();
  const value = Number(text);
  if (badInput || !Number.isFinite(value)) return { ok: false, message: 'Type digits only, such as 25.' };
  if (text === '') return { ok: false, message: 'Enter a count: 0 or more.' };
  if (value < 0) return { ok: false, message: 'A count cannot be negative.' };
  if (!Number.isInteger(value)) return { ok: false, message: 'A count is a whole number.' };
  if (value > maxCount) return { ok: false, message: `At most ${formatCount(maxCount)}.` };
  return { ok: true, value };
}

/** "Examples: 10,000. Actual positives: 1 (0.01%)." */
export function describeTotals({ tp, fp, fn, tn }: Counts): string {
  const total = tp + fp + fn + tn;
  return total === 0 ? 'No examples yet.' : `Examples: ${formatCount(total)}. Actual positives: ${formatCount(tp + fn)} (${formatPercent((tp + fn) / total)}).`;
}

/**
 * One sentence that says what the numbers mean, checked from the most to the least striking case.
 * (No actual negatives needs no sentence of its own: the specificity card says why it is undefined.)
 */
export function interpret({ tp, fp, fn, tn }: Counts): string {
  const total = tp + fp + fn + tn;
  if (total === 0) return 'Enter at least one count: an empty matrix defines no metric.';
  if (tp + fn === 0) return 'There are no actual positives, so recall is undefined: these examples cannot show whether the model finds them.';
  const accuracy = (tp + tn) / total;
  if (tp === 0) {
    const never = fp === 0 ? 'the model never finds a positive; it always says negative.' : 'the model never finds a positive, and every positive it predicts is a false alarm.';
    return accuracy >= 0.9 ? `High accuracy (${formatPercent(accuracy)}) but recall is 0: ${never}` : `Recall is 0: ${never}`;
  }
  // From here on tp > 0, so precision, recall and F1 are all defined.
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f1 = (2 * tp) / (2 * tp + fp + fn);
  const p = formatPercent(precision);
  const r = formatPercent(recall);
  if (recall === 1 && precision < 0.5) return `Recall is perfect but precision is only ${p}: most positive predictions are false alarms.`;
  if (accuracy >= 0.9 && f1 < 0.5) return `Accuracy (${formatPercent(accuracy)}) flatters the model because negatives dominate: its F1 score is only ${formatPercent(f1)}.`;
  if (precision >= 0.8 && recall >= 0.8) return `Precision (${p}) and recall (${r}) are both high: the model finds most positives, and most of its alarms are real.`;
  if (fn > fp) return `Recall (${r}) is below precision (${p}): the model misses more positives than it raises false alarms.`;
  if (fp > fn) return `Precision (${p}) is below recall (${r}): the model raises more false alarms than it misses positives.`;
  return `Precision and recall are both ${p}: misses and false alarms balance out.`;
}

/** What the live region says after a change: the four headline metrics, then the reading. */
export function announceMetrics(counts: Counts, metrics: Metrics = computeMetrics(counts)): string {
  const values = (['accuracy', 'precision', 'recall', 'f1'] as const).map((key) => `${metricNames[key]} ${formatMetric(metrics[key])}`);
  return `${values.join(', ')}. ${interpret(counts)}`;
}

export interface Preset {
  id: string;
  label: string;
  counts: Counts;
}

/** The example buttons; the first is the state rendered at build time. */
export const presets: readonly Preset[] = [
  { id: 'balanced', label: 'Balanced classes', counts: { tp: 40, fn: 5, fp: 10, tn: 45 } },
  { id: 'always-negative', label: '99.99% negative, model always says negative', counts: { tp: 0, fn: 1, fp: 0, tn: 9999 } },
  { id: 'rare-positives', label: 'Rare positives, useful model', counts: { tp: 80, fn: 20, fp: 120, tn: 9780 } },
  { id: 'always-positive', label: 'Model flags everything', counts: { tp: 1, fn: 0, fp: 9999, tn: 0 } },
];
