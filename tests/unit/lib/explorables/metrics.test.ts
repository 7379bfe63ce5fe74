import { describe, expect, it } from 'vitest';
import {
  announceMetrics,
  computeMetrics,
  describeTotals,
  formatCount,
  formatMetric,
  formatPercent,
  interpret,
  maxCount,
  parseCount,
  presets,
  undefinedReason,
  type Counts,
} from '../../../../src/lib/explorables/metrics.ts';

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

const c = (tp: number, fn: number, fp: number, tn: number): Counts => ({ tp, fn, fp, tn });
const preset = (id: string) => presets.find((p) => p.id === id)!.counts;
const values = (counts: Counts) => Object.fromEntries(Object.entries(computeMetrics(counts)).map(([k, m]) => [k, m.defined ? m.value : undefined]));

describe('computeMetrics', () => {
  it('computes the five metrics of an ordinary matrix', () => {
    const m = values(c(40, 5, 10, 45));
    expect(m.accuracy).toBeCloseTo(0.85, 12);
    expect(m.precision).toBeCloseTo(0.8, 12);
    expect(m.recall).toBeCloseTo(40 / 45, 12);
    expect(m.specificity).toBeCloseTo(45 / 55, 12);
    // F1 from counts equals the harmonic mean of precision and recall.
    expect(m.f1).toBeCloseTo((2 * 0.8 * (40 / 45)) / (0.8 + 40 / 45), 12);
  });

  it('calls every 0/0 undefined and says why', () => {
    const empty = computeMetrics(c(0, 0, 0, 0));
    for (const metric of Object.values(empty)) expect(metric.defined).toBe(false);
    expect(empty.accuracy).toEqual({ defined: false, reason: expect.stringContaining('empty') });
    expect(empty.precision).toEqual({ defined: false, reason: expect.stringContaining('TP + FP = 0') });
    expect(empty.recall).toEqual({ defined: false, reason: expect.stringContaining('TP + FN = 0') });
    expect(empty.specificity).toEqual({ defined: false, reason: expect.stringContaining('TN + FP = 0') });
    expect(empty.f1).toEqual({ defined: false, reason: expect.stringContaining('TP + FP + FN = 0') });
  });

  it('the accuracy trap: 99.99% negatives and a model that always says negative', () => {
    const m = computeMetrics(preset('always-negative'));
    expect(formatMetric(m.accuracy)).toBe('99.99%');
    expect(m.precision).toEqual({ defined: false, reason: 'the model never predicts positive (TP + FP = 0)' });
    expect(formatMetric(m.recall)).toBe('0%');
    // F1 stays defined (0) from the counts even though precision is not.
    expect(formatMetric(m.f1)).toBe('0%');
    expect(formatMetric(m.specificity)).toBe('100%');
  });

  it('undefinedReason explains an undefined metric and says nothing for a defined one', () => {
    const m = computeMetrics(preset('always-negative'));
    expect(undefinedReason(m.precision)).toBe('because the model never predicts positive (TP + FP = 0)');
    expect(undefinedReason(m.recall)).toBe('');
  });

  it('leaves only the metrics with a zero denominator undefined', () => {
    const onlyNegatives = values(c(0, 0, 3, 7));
    expect(onlyNegatives.recall).toBeUndefined();
    expect(onlyNegatives.precision).toBe(0);
    expect(onlyNegatives.f1).toBe(0);
    expect(onlyNegatives.specificity).toBe(0.7);
    const onlyPositives = values(c(5, 5, 0, 0));
    expect(onlyPositives.specificity).toBeUndefined();
    expect(onlyPositives.precision).toBe(1);
    expect(onlyPositives.recall).toBe(0.5);
  });

  it('stays exact with counts up to the maximum', () => {
    const m = values(c(maxCount, maxCount, maxCount, maxCount));
    expect(m.accuracy).toBe(0.5);
    expect(m.precision).toBe(0.5);
    expect(m.f1).toBe(0.5);
    expect(values(c(1, 0, 0, maxCount)).accuracy).toBe(1);
    expect(formatMetric(computeMetrics(c(maxCount - 1, 1, 0, 0)).recall)).toBe('> 99.99%');
  });
});

describe('parseCount', () => {
  it.each([
    ['0', 0],
    ['25', 25],
    [' 7 ', 7],
    ['1e3', 1000],
    [String(maxCount), maxCount],
  ])('accepts %j', (raw, value) => {
    expect(parseCount(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Enter a count: 0 or more.'],
    ['   ', 'Enter a count: 0 or more.'],
    ['-3', 'A count cannot be negative.'],
    ['1.5', 'A count is a whole number.'],
    ['abc', 'Type digits only, such as 25.'],
    ['Infinity', 'Type digits only, such as 25.'],
    [String(maxCount + 1), 'At most 1,000,000,000,000.'],
  ])('refuses %j', (raw, message) => {
    expect(parseCount(raw)).toEqual({ ok: false, message });
  });

  it('refuses what the browser could not read even though the value is empty', () => {
    expect(parseCount('', true)).toEqual({ ok: false, message: 'Type digits only, such as 25.' });
  });
});

describe('describeTotals', () => {
  it('counts examples and actual positives', () => {
    expect(describeTotals(preset('always-negative'))).toBe('Examples: 10,000. Actual positives: 1 (0.01%).');
    expect(describeTotals(c(1, 0, 0, 0))).toBe('Examples: 1. Actual positives: 1 (100%).');
    expect(describeTotals(c(0, 0, 0, 2))).toBe('Examples: 2. Actual positives: 0 (0%).');
    expect(describeTotals(c(0, 0, 0, 0))).toBe('No examples yet.');
  });
});

describe('interpret', () => {
  it.each([
    ['an empty matrix', c(0, 0, 0, 0), /^Enter at least one count/],
    ['no actual positives', c(0, 0, 5, 95), /^There are no actual positives, so recall is undefined/],
    ['the always-negative trap', preset('always-negative'), /^High accuracy \(99\.99%\) but recall is 0: the model never finds a positive; it always says negative\.$/],
    ['recall 0 with false alarms and high accuracy', c(0, 1, 2, 997), /^High accuracy \(99\.70%\) but recall is 0: .*every positive it predicts is a false alarm/],
    ['recall 0 at low accuracy', c(0, 10, 10, 10), /^Recall is 0: the model never finds a positive/],
    ['no actual negatives (the specificity card says why it is undefined)', c(5, 5, 0, 0), /^Recall \(50\.00%\) is below precision \(100%\)/],
    ['a model that flags everything', preset('always-positive'), /^Recall is perfect but precision is only 0\.01%/],
    ['high accuracy hiding poor positives', c(10, 40, 10, 940), /^Accuracy \(95\.00%\) flatters the model because negatives dominate: its F1 score is only 28\.57%\.$/],
    ['a good balanced model', preset('balanced'), /^Precision \(80\.00%\) and recall \(88\.89%\) are both high/],
    ['more misses than false alarms', c(30, 20, 5, 45), /^Recall \(60\.00%\) is below precision \(85\.71%\): the model misses more positives/],
    ['more false alarms than misses', preset('rare-positives'), /^Precision \(40\.00%\) is below recall \(80\.00%\): the model raises more false alarms/],
    ['misses equal to false alarms', c(30, 20, 20, 30), /^Precision and recall are both 60\.00%: misses and false alarms balance out\.$/],
  ])('%s', (_name, counts, expected) => {
    expect(interpret(counts)).toMatch(expected);
  });

  it('the live announcement leads with the headline metrics', () => {
    expect(announceMetrics(preset('always-negative'))).toBe(
      'Accuracy 99.99%, Precision undefined, Recall 0%, F1 score 0%. High accuracy (99.99%) but recall is 0: the model never finds a positive; it always says negative.',
    );
  });
});

describe('presets', () => {
  it('have unique ids and valid counts, starting with the balanced case', () => {
    expect(presets[0]!.id).toBe('balanced');
    expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
    for (const p of presets) for (const n of Object.values(p.counts)) expect(parseCount(String(n)).ok).toBe(true);
  });
});
