/**
 * Data for chapter 2's fig-weight-tradeoff, two charts from one sweep: for the quality weight alpha
 * from 0 to 1 in steps of 0.1 (beta = 1 - alpha), rank the six posts of the <ObjectiveWeights>
 * explorable by s = alpha * s1 + beta * s2 and average the quality (s1) and engagement (s2) scores
 * of the top three. Steps of 0.1 avoid alpha = 0.45, where posts A and D tie for third place.
 *
 *   node tests/tools/chart-data/ch2-weight-tradeoff.ts frontier   # rows of ch2-weight-frontier.yaml
 *   node tests/tools/chart-data/ch2-weight-tradeoff.ts sweep      # rows of ch2-weight-sweep.yaml
 *   node tests/tools/chart-data/ch2-weight-tradeoff.ts            # both, each after a heading
 */
import { feedPosts, rankItems } from '../../../src/lib/explorables/objective-weights.ts';

const top = 3;
const round = (x: number): number => Math.round(x * 1000) / 1000;

const sweep = Array.from({ length: 11 }, (_, step) => {
  const alpha = step / 10;
  const chosen = rankItems(feedPosts, { alpha, beta: 1 - alpha }).slice(0, top).map((r) => r.item);
  const mean = (pick: (p: (typeof chosen)[number]) => number): number => round(chosen.reduce((sum, p) => sum + pick(p), 0) / top);
  return { alpha, labels: chosen.map((p) => p.label).join(', '), quality: mean((p) => p.quality), engagement: mean((p) => p.engagement) };
});

const charts = {
  frontier: () => sweep.map((r) => `  - { alpha: ${r.alpha}, top: "${r.labels}", quality: ${r.quality}, engagement: ${r.engagement} }`),
  sweep: () =>
    sweep.flatMap((r) => [`  - { alpha: ${r.alpha}, measure: Average quality, score: ${r.quality} }`, `  - { alpha: ${r.alpha}, measure: Average engagement, score: ${r.engagement} }`]),
};

const wanted = process.argv[2] as keyof typeof charts | undefined;
for (const [name, rows] of Object.entries(charts)) {
  if (wanted && wanted !== name) continue;
  if (!wanted) console.log(`# ${name}`);
  console.log(['data:', ...rows()].join('\n'));
}
