/**
 * <objective-weights>: re-ranks the server-rendered feed table as the weight sliders move. The
 * posts' scores come from the rows' data-* attributes; the table, formula and summary update at
 * once, and the live region hears the summary once the reader pauses.
 */
import { debouncedAnnouncer } from '../lib/explorables/announce.ts';
import { defaultWeights, feedSummary, formatScore, moveLabel, rankItems, rankLabel, ratioNote, type FeedPost, type Weights } from '../lib/explorables/objective-weights.ts';

interface Row extends FeedPost {
  row: HTMLTableRowElement;
}

class ObjectiveWeights extends HTMLElement {
  connectedCallback(): void {
    const alpha = this.querySelector<HTMLInputElement>('input[data-weight="alpha"]');
    const beta = this.querySelector<HTMLInputElement>('input[data-weight="beta"]');
    const body = this.querySelector('tbody');
    const status = this.querySelector('[role="status"]');
    if (!alpha || !beta || !body || !status) return;
    const announce = debouncedAnnouncer(status);
    const rows: Row[] = [...body.rows].map((row) => {
      const { label = '', title = '', quality, engagement } = row.dataset;
      return { row, label, title, quality: Number(quality), engagement: Number(engagement) };
    });
    const baseline = new Map(rankItems(rows, defaultWeights).map((r) => [r.item, r.rank]));
    const set = (selector: string, text: string) => this.querySelectorAll(selector).forEach((el) => (el.textContent = text));

    const update = () => {
      const weights: Weights = { alpha: alpha.valueAsNumber, beta: beta.valueAsNumber };
      const ranked = rankItems(rows, weights);
      for (const r of ranked) {
        const cell = (name: string) => r.item.row.querySelector(`[data-${name}]`)!;
        cell('rank').textContent = rankLabel(r);
        cell('score').textContent = formatScore(r.score);
        cell('move').textContent = moveLabel(baseline.get(r.item)!, r.rank);
      }
      body.append(...ranked.map((r) => r.item.row));
      set('[data-output="alpha"]', weights.alpha.toFixed(2));
      set('[data-output="beta"]', weights.beta.toFixed(2));
      set('[data-ratio]', ratioNote(weights));
      const summary = feedSummary(ranked);
      set('[data-summary]', summary);
      announce(summary);
    };
    alpha.addEventListener('input', update);
    beta.addEventListener('input', update);
    // A reload may restore moved sliders: show the feed they describe.
    if (alpha.value !== alpha.defaultValue || beta.value !== beta.defaultValue) update();
  }
}

customElements.define('objective-weights', ObjectiveWeights);
