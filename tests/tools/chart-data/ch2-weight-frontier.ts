/**
 * Data for content/charts/ch2-weight-frontier.yaml (chapter 2, fig-weight-tradeoff): for the quality
 * weight alpha from 0 to 1 in steps of 0.1 (beta = 1 - alpha), rank the six posts of the
 * <ObjectiveWeights> explorable by s = alpha * s1 + beta * s2 and average the quality (s1) and
 * engagement (s2) scores of the top three. Steps of 0.1 avoid alpha = 0.45, where posts A and D tie
 * for third place. Prints the YAML `data:` rows:
 *
 *   node tests/tools/chart-data/ch2-weight-frontier.ts > rows.yaml
 */
import { feedPosts, rankItems } from '../../../src/lib/explorables/objective-weights.ts';

const top = 3;
const round = (x: number): number => Math.round(x * 1000) / 1000;

console.log('data:');
for (let step = 0; step <= 10; step++) {
  const alpha = step / 10;
  const chosen = rankItems(feedPosts, { alpha, beta: 1 - alpha }).slice(0, top).map((r) => r.item);
  const mean = (pick: (p: (typeof chosen)[number]) => number): number => round(chosen.reduce((sum, p) => sum + pick(p), 0) / top);
  const labels = chosen.map((p) => p.label).join(', ');
  console.log(`  - { alpha: ${alpha}, top: "${labels}", quality: ${mean((p) => p.quality)}, engagement: ${mean((p) => p.engagement)} }`);
}
