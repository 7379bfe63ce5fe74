import { describe, expect, it } from 'vitest';
import {
  combinedScore,
  defaultWeights,
  feedOrder,
  feedPosts,
  feedSummary,
  moveLabel,
  normalizedWeights,
  ratioNote,
  rankItems,
  rankLabel,
} from '../../../../src/lib/explorables/objective-weights.ts';

const order = (alpha: number, beta: number) => feedOrder(rankItems(feedPosts, { alpha, beta }));

describe('combinedScore', () => {
  it('is alpha * quality + beta * engagement', () => {
    expect(combinedScore({ quality: 0.9, engagement: 0.25 }, { alpha: 0.8, beta: 0.2 })).toBeCloseTo(0.77, 12);
    expect(combinedScore({ quality: 0.9, engagement: 0.25 }, { alpha: 0, beta: 0 })).toBe(0);
  });
});

describe('rankItems', () => {
  it('reproduces the chapter’s worked example for posts A to D', () => {
    const chapterPosts = feedPosts.slice(0, 4);
    const labels = (alpha: number, beta: number) => rankItems(chapterPosts, { alpha, beta }).map((r) => r.item.label).join('');
    expect(labels(0.2, 0.8)).toBe('ACDB');
    expect(labels(0.5, 0.5)).toBe('CDBA');
    expect(labels(0.8, 0.2)).toBe('BDCA');
    const scores = rankItems(chapterPosts, { alpha: 0.8, beta: 0.2 }).map((r) => r.score);
    expect(scores.map((s) => s.toFixed(3))).toEqual(['0.770', '0.690', '0.610', '0.340']);
  });

  it('gives each end of the sliders its own winner', () => {
    expect(order(0, 1)).toBe('A, F, C, D, B, E');
    expect(order(1, 0)).toBe('B, E, D, C, F, A');
    expect(order(defaultWeights.alpha, defaultWeights.beta)).toBe('C, D, F, B, A, E');
  });

  it('depends only on the ratio of the weights', () => {
    for (const [alpha, beta] of [
      [0.3, 0.6],
      [0.05, 0.95],
      [1, 0.35],
    ] as const) {
      expect(order(alpha, beta)).toBe(order(alpha * 2.5, beta * 2.5));
      expect(order(alpha, beta)).toBe(order(alpha / 1000, beta / 1000));
    }
  });

  it('shares a place between equal scores (competition ranking) and keeps their original order', () => {
    const items = [
      { id: 'x', quality: 0.2, engagement: 0.2 },
      { id: 'y', quality: 0.5, engagement: 0.5 },
      { id: 'z', quality: 0.2, engagement: 0.2 },
      { id: 'w', quality: 0.1, engagement: 0.1 },
    ];
    const ranked = rankItems(items, { alpha: 1, beta: 1 });
    expect(ranked.map((r) => [r.item.id, r.rank, r.tied])).toEqual([
      ['y', 1, false],
      ['x', 2, true],
      ['z', 2, true],
      ['w', 4, false],
    ]);
    expect(ranked.map(rankLabel)).toEqual(['1', '=2', '=2', '4']);
  });

  it('treats scores equal up to float noise as a tie (0.1 + 0.2 vs 0.3)', () => {
    const ranked = rankItems(
      [
        { id: 'a', quality: 0.3, engagement: 0 },
        { id: 'b', quality: 0.1, engagement: 0.2 },
      ],
      { alpha: 1, beta: 1 },
    );
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
    expect(ranked.map((r) => r.item.id)).toEqual(['a', 'b']);
  });

  it('ties every item when both weights are 0', () => {
    const ranked = rankItems(feedPosts, { alpha: 0, beta: 0 });
    expect(ranked.every((r) => r.rank === 1 && r.tied && r.score === 0)).toBe(true);
    expect(ranked.map((r) => r.item.label).join('')).toBe('ABCDEF');
  });

  it('copes with large weights and with no items', () => {
    expect(order(1e9, 1e9)).toBe(order(0.5, 0.5));
    expect(rankItems([], { alpha: 1, beta: 1 })).toEqual([]);
  });
});

describe('labels and summaries', () => {
  it('moveLabel says how far a post moved from its baseline place', () => {
    expect(moveLabel(4, 1)).toBe('moved up 3');
    expect(moveLabel(1, 6)).toBe('moved down 5');
    expect(moveLabel(2, 2)).toBe('');
  });

  it('normalizedWeights scales the weights to add up to 1', () => {
    expect(normalizedWeights({ alpha: 1, beta: 0.5 })).toEqual({ alpha: 2 / 3, beta: 1 / 3 });
    expect(normalizedWeights({ alpha: 0, beta: 0.3 })).toEqual({ alpha: 0, beta: 1 });
    expect(normalizedWeights({ alpha: 0, beta: 0 })).toBeUndefined();
  });

  it('ratioNote says what the weights amount to when scaled to add up to 1', () => {
    expect(ratioNote({ alpha: 0.5, beta: 0.5 })).toBe('Only the ratio of the weights sets the order; these already add up to 1.');
    expect(ratioNote({ alpha: 0.7, beta: 0.3 })).toMatch(/already add up to 1/);
    expect(ratioNote({ alpha: 1, beta: 0.5 })).toBe('Only the ratio of the weights sets the order: scaled to add up to 1, these are α = 0.67 and β = 0.33.');
    expect(ratioNote({ alpha: 0, beta: 0 })).toBe('With both weights at 0 every post scores 0.');
  });

  it('feedOrder joins tied posts with "="', () => {
    expect(order(0, 0)).toBe('A = B = C = D = E = F');
  });

  it('feedSummary names the top post, or the tie', () => {
    expect(feedSummary(rankItems(feedPosts, defaultWeights))).toBe("Top of the feed: C. A friend's holiday photos (0.625). Feed order: C, D, F, B, A, E.");
    expect(feedSummary(rankItems(feedPosts, { alpha: 0.8, beta: 0.2 }))).toMatch(/^Top of the feed: B\. In-depth explainer on interest rates \(0\.770\)\./);
    expect(feedSummary(rankItems(feedPosts, { alpha: 0, beta: 0 }))).toBe('All posts tie at 0.000: nothing sets them apart. Feed order: A = B = C = D = E = F.');
    const tiedTop = rankItems(
      [
        { label: 'P', title: 'One', quality: 0.5, engagement: 0.5 },
        { label: 'Q', title: 'Two', quality: 0.5, engagement: 0.5 },
        { label: 'R', title: 'Three', quality: 0, engagement: 0 },
      ],
      { alpha: 1, beta: 1 },
    );
    expect(feedSummary(tiedTop)).toBe('Tied for the top at 1.000: P. One and Q. Two. Feed order: P = Q, R.');
    expect(feedSummary([])).toBe('The feed is empty.');
  });
});
