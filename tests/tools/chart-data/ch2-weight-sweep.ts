/**
 * Data for content/charts/ch2-weight-sweep.yaml (chapter 2, fig-weight-tradeoff): the same top three
 * of the <ObjectiveWeights> posts as ch2-weight-frontier.ts, one row per alpha and measure, so the
 * chart can draw average quality and average engagement as two lines against alpha. Prints the YAML
 * `data:` rows:
 *
 *   node tests/tools/chart-data/ch2-weight-sweep.ts > rows.yaml
 */
import { feedPosts, rankItems } from '../../../src/lib/explorables/objective-weights.ts';

const top = 3;
const round = (x: number): number => Math.round(x * 1000) / 1000;

console.log('data:');
for (let step = 0; step <= 10; step++) {
  const alpha = step / 10;
  const chosen = rankItems(feedPosts, { alpha, beta: 1 - alpha }).slice(0, top).map((r) => r.item);
  const quality = round(chosen.reduce((sum, p) => sum + p.quality, 0) / top);
  const engagement = round(chosen.reduce((sum, p) => sum + p.engagement, 0) / top);
  console.log(`  - { alpha: ${alpha}, measure: Average quality, score: ${quality} }`);
  console.log(`  - { alpha: ${alpha}, measure: Average engagement, score: ${engagement} }`);
}
