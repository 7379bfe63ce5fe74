/**
 * Generates a synthetic book of N chapters for the build benchmark, modelled on
 * content/chapters/01-what-ml-system-design-is.mdx: frontmatter with objectives and key terms,
 * five sections of three subsections each (about 6,000 words, like the real chapter), inline and display formulas, two Mermaid
 * flowcharts with accTitle/accDescr, a callout, a table, :ref cross-references, :term glossary
 * links and citations. Every diagram's text includes its chapter number, so no two diagrams share
 * a cache entry. The text is pseudo-random but seeded: the same N gives the same book.
 *
 *   node tests/bench/generate-book.ts OUT_DIR N
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const words = `model data pipeline feature training serving latency drift monitoring retraining version lineage
  schema validation batch stream inference endpoint cluster container registry experiment metric threshold
  recall precision baseline champion candidate rollout rollback canary alert dashboard budget cost revenue
  customer forecast churn fraud recommendation ranking label annotation sample cohort segment warehouse lake
  table column partition join aggregate window event queue topic broker storage compute accelerator memory
  throughput availability incident owner stakeholder analyst engineer scientist auditor regulator policy
  privacy consent retention encryption access audit report review approval release deployment automation
  test coverage contract interface module abstraction dependency configuration environment reproducibility
  seed artifact checkpoint snapshot backfill replay quality freshness completeness accuracy bias fairness
  explanation attribution sensitivity uncertainty calibration confidence interval estimate variance error
  loss objective constraint tradeoff decision process workflow schedule trigger orchestration retry failure
  outage capacity scale elasticity region replica shard index cache request response payload transform`
  .split(/\s+/)
  .filter(Boolean);
const verbs = `shapes drives limits protects records tracks validates delays improves reduces raises explains
  checks replaces stores serves feeds trains monitors exposes hides changes measures versions reviews`
  .split(/\s+/)
  .filter(Boolean);
const parts = [
  ['foundation', 'Laying the Foundation'],
  ['dataops', 'DataOps'],
  ['modelops', 'ModelOps'],
  ['devops', 'DevOps'],
  ['human-side', 'The Human Side of ML Systems'],
] as const;
export const bibKeys = ['amershi2019', 'breck2017', 'covington2016', 'fawcett1997', 'huyen2022', 'papernot2017', 'sculley2015', 'polyzotis2018'];

/** mulberry32: a small seeded PRNG so generated books are reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A word only chapter n uses, so search and diagram text stay distinct per chapter. */
export function uniqueWord(n: number): string {
  let s = '';
  let v = n + 26 * 27;
  while (v > 0) {
    s = String.fromCharCode(97 + (v % 26)) + s;
    v = Math.floor(v / 26);
  }
  return `zeph${s}`;
}

function chapter(n: number, total: number): { file: string; text: string } {
  const rnd = random(n * 7919);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  const phrase = (k: number) => Array.from({ length: k }, () => pick(words)).join(' ');
  const sentence = () => `${cap(phrase(2 + Math.floor(rnd() * 3)))} ${pick(verbs)} the ${phrase(3 + Math.floor(rnd() * 6))} when ${phrase(3 + Math.floor(rnd() * 5))} ${pick(verbs)} ${phrase(2)}.`;
  const paragraph = (k = 6) => Array.from({ length: k }, sentence).join(' ');
  const key = uniqueWord(n);
  const part = parts[Math.min(parts.length - 1, Math.floor(((n - 1) * parts.length) / total))]![0];
  const term = `term-${n}`;
  const cite = (i: number) => bibKeys[(n + i) % bibKeys.length]!;
  const title = `${cap(phrase(3))} and ${key}`;

  const flow = `\`\`\`mermaid
flowchart LR
  accTitle: How ${key} data reaches the chapter ${n} model
  accDescr: Sources in chapter ${n} feed a ${phrase(2)} stage, which feeds training and serving of the ${key} model; serving results flow back to the sources as feedback.
  A["${cap(phrase(2))} source ${n}"]
  B["${cap(phrase(2))} intake"]
  subgraph P["${key} pipeline"]
    direction LR
    C["Validate ${phrase(2)}"] --> D["Train ${phrase(2)}"]
    D --> E["Serve ${phrase(2)}"]
  end
  F["${cap(phrase(2))} users ${n}"]
  A --> P
  B --> P
  P --> F
  F -. "feedback ${n}" .-> A
\`\`\``;
  const cycle = `\`\`\`mermaid
flowchart TD
  accTitle: The ${key} lifecycle of chapter ${n}
  accDescr: Five stages of the chapter ${n} lifecycle run in order from ${phrase(2)} to ${phrase(2)}, and the last stage loops back to the first.
  S1["1. ${cap(phrase(2))}"] --> S2["2. ${cap(phrase(2))}"]
  S2 --> S3["3. ${cap(phrase(3))}"]
  S3 --> S4["4. ${cap(phrase(2))} ${n}"]
  S4 --> S5["5. ${cap(phrase(2))}"]
  S5 -. "next ${key} iteration" .-> S1
\`\`\``;

  const sections: string[] = [];
  for (let s = 1; s <= 5; s++) {
    const subs: string[] = [];
    for (let k = 1; k <= 3; k++) subs.push(`### ${cap(phrase(3))} ${n}.${s}.${k}\n\n${paragraph()}\n\n${paragraph(5)}\n\n${paragraph(4)}`);
    let extra = '';
    if (s === 1) {
      extra = `:term[${cap(phrase(2))} ${key}]{#${term}} ${paragraph(3)} As ${'@'}${cite(0)} argue, ${phrase(6)} [@${cite(1)}]. :ref[fig-${n}-flow] shows the arrangement.

:::figure[How data reaches the ${key} model in chapter ${n}.]{#fig-${n}-flow}
${flow}
:::`;
    } else if (s === 2) {
      extra = `Suppose a team runs $N_{${n}}$ jobs a day, a share $\\pi$ of them fail and each failure costs $c_{\\text{fail}}$. The expected daily cost is

:::equation{#eq-${n}-cost}
$$
C_{${n}} = N_{${n}} \\, \\pi \\, c_{\\text{fail}} + \\sum_{i=1}^{${(n % 9) + 2}} w_i \\, x_i
$$
:::

With $\\pi = 0.0${(n % 8) + 1}$ and $c_{\\text{fail}} = ${n * 10}$, :ref[eq-${n}-cost] gives a figure worth watching. A second view uses $\\sigma^2$ and $\\sqrt{n}$:

:::equation{#eq-${n}-error}
$$
\\hat{e}_{${n}} = \\frac{1}{\\sqrt{m}} \\left( \\sum_{j=1}^{m} (y_j - \\hat{y}_j)^2 \\right)^{1/2} \\pm z_{0.975} \\, \\frac{\\sigma}{\\sqrt{m}}
$$
:::`;
    } else if (s === 3) {
      extra = `:::note[${cap(phrase(3))}]
${paragraph(4)}
:::

| Design element | ${cap(pick(words))} case | ${cap(pick(words))} case |
| --- | --- | --- |
| ${cap(phrase(2))} | ${phrase(3)} | ${phrase(3)} |
| ${cap(phrase(2))} | ${phrase(3)} | ${phrase(3)} |
| ${cap(phrase(2))} | ${phrase(3)} | ${phrase(3)} |`;
    } else if (s === 4) {
      extra = `The loop in :ref[fig-${n}-cycle] repeats as the ${key} system improves.

:::figure[The ${key} lifecycle of chapter ${n}, which repeats as the system improves.]{#fig-${n}-cycle}
${cycle}
:::`;
    }
    sections.push(`## ${cap(phrase(3))} ${n}.${s}\n\n${paragraph(5)}\n\n${extra}\n\n${subs.join('\n\n')}`);
  }

  const keyTerms = n > 1 ? `[${term}, term-${n - 1}]` : `[${term}]`;
  const text = `---
title: ${title}
part: ${part}
number: ${n}
description: Chapter ${n} of the benchmark book, about ${phrase(4)} and ${key}.
objectives:
  - Explain how ${phrase(4)} shapes ${phrase(2)}
  - Describe the ${phrase(3)} of a ${key} system
  - Apply the ${phrase(2)} formula to a business case
keyTerms: ${keyTerms}
---

${paragraph(7)}

${paragraph(5)} This chapter is about ${key}.

${sections.join('\n\n')}

## Summary

- ${sentence()} ${sentence()}
- ${sentence()} (:ref[fig-${n}-flow])
- ${sentence()} :ref[eq-${n}-error] ${sentence()}
`;
  return { file: `${String(n).padStart(3, '0')}-chapter-${n}-${key}.mdx`, text };
}

function bibtex(): string {
  return bibKeys
    .map((key, i) => `@article{${key},
  author  = {Author${i}, Alice and Writer${i}, Bob},
  title   = {Benchmark Reference Number ${i + 1} on Machine Learning Systems},
  journal = {Journal of Benchmark Studies},
  volume  = {${i + 1}},
  pages   = {${i * 10 + 1}--${i * 10 + 9}},
  year    = {${2010 + i}}
}`)
    .join('\n\n');
}

/** Writes parts.yaml, glossary.yaml, references.bib and chapters/*.mdx into dir (emptied first). */
export function generateBook(dir: string, chapters: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'chapters'), { recursive: true });
  writeFileSync(
    join(dir, 'parts.yaml'),
    parts.map(([id, title], i) => `- id: ${id}\n  number: ${i + 1}\n  title: ${title}\n  description: Part ${i + 1} of the benchmark book.\n`).join(''),
  );
  const glossary = Array.from({ length: chapters }, (_, i) => `- id: term-${i + 1}\n  term: Term ${uniqueWord(i + 1)}\n  definition: The key idea of chapter ${i + 1} in the benchmark book.\n`);
  writeFileSync(join(dir, 'glossary.yaml'), glossary.join('\n'));
  writeFileSync(join(dir, 'references.bib'), bibtex());
  for (let n = 1; n <= chapters; n++) {
    const { file, text } = chapter(n, chapters);
    writeFileSync(join(dir, 'chapters', file), text);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count] = process.argv.slice(2);
  if (!dir) throw new Error('usage: node tests/bench/generate-book.ts OUT_DIR [N]');
  generateBook(dir, Number(count ?? 10));
  console.log(`Wrote a ${count ?? 10}-chapter book to ${dir}`);
}
