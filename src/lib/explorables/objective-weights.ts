/**
 * The ranking behind <ObjectiveWeights> (chapter 2, decoupled objectives): each post has a
 * quality score s1 and an engagement score s2 from two separately trained models, and the feed is
 * ordered by the combined score s = alpha * s1 + beta * s2. Changing the weights re-ranks the feed
 * without retraining either model.
 */

export interface Weights {
  /** Weight of the quality score s1. */
  alpha: number;
  /** Weight of the engagement score s2. */
  beta: number;
}

export interface Scores {
  /** s1, from the quality model, between 0 and 1. */
  quality: number;
  /** s2, from the engagement model, between 0 and 1. */
  engagement: number;
}

export interface FeedPost extends Scores {
  /** Short letter shown in the feed order ("A"). */
  label: string;
  title: string;
}

/**
 * The candidate posts. A to D are the four posts of the chapter's worked example (same scores);
 * E and F widen the range so that each end of the sliders has its own winner.
 */
export const feedPosts: readonly FeedPost[] = [
  { label: 'A', title: 'Sensational celebrity rumor', quality: 0.2, engagement: 0.9 },
  { label: 'B', title: 'In-depth explainer on interest rates', quality: 0.9, engagement: 0.25 },
  { label: 'C', title: "A friend's holiday photos", quality: 0.6, engagement: 0.65 },
  { label: 'D', title: 'Hands-on product review', quality: 0.75, engagement: 0.45 },
  { label: 'E', title: 'Summary of the city budget meeting', quality: 0.85, engagement: 0.1 },
  { label: 'F', title: 'Prank video going viral', quality: 0.32, engagement: 0.86 },
];

/** Equal weights: the state rendered at build time and the baseline that moves are measured from. */
export const defaultWeights: Weights = { alpha: 0.5, beta: 0.5 };

export function combinedScore(item: Scores, weights: Weights): number {
  return weights.alpha * item.quality + weights.beta * item.engagement;
}

export interface Ranked<T> {
  item: T;
  score: number;
  /** Competition ranking ("1, 2, 2, 4"): 1 + the number of items with a higher score. */
  rank: number;
  /** Another item has the same score. */
  tied: boolean;
}

/**
 * Scores compared at 12 significant digits, so that float noise does not break ties
 * (0.1 + 0.2 and 0.3 are equal scores) and the comparison stays transitive.
 */
const comparable = (score: number): number => Number(score.toPrecision(12));

/** Items in feed order, best first; tied items keep their original order. */
export function rankItems<T extends Scores>(items: readonly T[], weights: Weights): Ranked<T>[] {
  const scored = items.map((item, index) => {
    const score = combinedScore(item, weights);
    return { item, index, score, key: comparable(score) };
  });
  scored.sort((a, b) => b.key - a.key || a.index - b.index);
  return scored.map(({ item, score, key }) => {
    const same = scored.filter((other) => other.key === key).length;
    return { item, score, rank: 1 + scored.filter((other) => other.key > key).length, tied: same > 1 };
  });
}

/** Scores as in the chapter's table: three decimals. */
export function formatScore(score: number): string {
  return score.toFixed(3);
}

/** "1", or "=2" for a shared place. */
export function rankLabel(ranked: Ranked<unknown>): string {
  return ranked.tied ? `=${ranked.rank}` : String(ranked.rank);
}

/** How far an item moved from its baseline place: "moved up 2", "moved down 1", or "" if it did not. */
export function moveLabel(baselineRank: number, rank: number): string {
  const delta = baselineRank - rank;
  return delta === 0 ? '' : delta > 0 ? `moved up ${delta}` : `moved down ${-delta}`;
}

/**
 * With two objectives only the ratio alpha : beta decides the order. These are the same weights
 * scaled to add up to 1, or undefined when both are 0 (every post then scores 0).
 */
export function normalizedWeights(weights: Weights): Weights | undefined {
  const sum = weights.alpha + weights.beta;
  return sum > 0 ? { alpha: weights.alpha / sum, beta: weights.beta / sum } : undefined;
}

/** The note under the formula: what the weights amount to once scaled to add up to 1. */
export function ratioNote(weights: Weights): string {
  const scaled = normalizedWeights(weights);
  if (!scaled) return 'With both weights at 0 every post scores 0.';
  if (Math.abs(weights.alpha + weights.beta - 1) < 1e-9) return 'Only the ratio of the weights sets the order; these already add up to 1.';
  return `Only the ratio of the weights sets the order: scaled to add up to 1, these are α = ${scaled.alpha.toFixed(2)} and β = ${scaled.beta.toFixed(2)}.`;
}

/** Feed order as labels, "=" joining tied posts: "C, D, F = B, A, E". */
export function feedOrder(ranked: readonly Ranked<{ label: string }>[]): string {
  return ranked.map((r, i) => (i === 0 ? '' : r.rank === ranked[i - 1]!.rank ? ' = ' : ', ') + r.item.label).join('');
}

/** The sentence a reader sees (and a screen reader hears) after each change of weights. */
export function feedSummary(ranked: readonly Ranked<FeedPost>[]): string {
  const top = ranked[0];
  if (!top) return 'The feed is empty.';
  const order = `Feed order: ${feedOrder(ranked)}.`;
  const score = formatScore(top.score);
  if (ranked.every((r) => r.rank === 1)) return `All posts tie at ${score}: nothing sets them apart. ${order}`;
  const shared = ranked.filter((r) => r.rank === 1).map((r) => `${r.item.label}. ${r.item.title}`);
  const lead = shared.length > 1 ? `Tied for the top at ${score}: ${shared.join(' and ')}.` : `Top of the feed: ${shared[0]} (${score}).`;
  return `${lead} ${order}`;
}
