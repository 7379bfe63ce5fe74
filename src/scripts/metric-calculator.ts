/**
 * <metric-calculator>: recomputes the metrics as the reader edits the four counts or picks an
 * example. A count that does not parse is marked invalid with its message beside it, and the
 * results wait until every count is valid. The live region hears the headline metrics and the
 * reading once the reader pauses.
 */
import { debouncedAnnouncer } from '../lib/explorables/announce.ts';
import { announceMetrics, computeMetrics, describeTotals, formatMetric, interpret, metricKeys, parseCount, undefinedReason, type Counts } from '../lib/explorables/metrics.ts';

class MetricCalculator extends HTMLElement {
  connectedCallback(): void {
    const inputs = [...this.querySelectorAll<HTMLInputElement>('input[data-count]')];
    const status = this.querySelector('[role="status"]');
    const presets = this.querySelector<HTMLElement>('[data-presets]');
    if (inputs.length !== 4 || !status || !presets) return;
    const announce = debouncedAnnouncer(status);
    const text = (selector: string, value: string) => {
      for (const el of this.querySelectorAll(selector)) el.textContent = value;
    };

    const update = () => {
      const counts: Partial<Counts> = {};
      const errors: string[] = [];
      for (const input of inputs) {
        const parsed = parseCount(input.value, input.validity.badInput);
        const key = input.dataset.count as keyof Counts;
        if (parsed.ok) {
          counts[key] = parsed.value;
          input.removeAttribute('aria-invalid');
        } else {
          errors.push(`${input.labels?.[0]?.textContent}: ${parsed.message}`);
          input.setAttribute('aria-invalid', 'true');
        }
        document.getElementById(`${input.id}-error`)!.textContent = parsed.ok ? '' : parsed.message;
      }
      if (errors.length > 0) {
        text('.mc-value', '—');
        text('.mc-why', '');
        text('[data-totals]', '');
        text('[data-reading]', `Correct the marked ${errors.length === 1 ? 'count' : 'counts'} to see the metrics.`);
        announce(errors.join(' '));
        return;
      }
      const valid = counts as Counts;
      const metrics = computeMetrics(valid);
      for (const key of metricKeys) {
        text(`[data-metric="${key}"] .mc-value`, formatMetric(metrics[key]));
        text(`[data-metric="${key}"] .mc-why`, undefinedReason(metrics[key]));
      }
      text('[data-totals]', describeTotals(valid));
      text('[data-reading]', interpret(valid));
      announce(announceMetrics(valid, metrics));
    };

    for (const input of inputs) input.addEventListener('input', update);
    presets.hidden = false;
    presets.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button');
      if (!button) return;
      for (const input of inputs) input.value = button.dataset[input.dataset.count!] ?? '0';
      update();
    });
    // A reload may restore edited counts: show the metrics they give.
    if (inputs.some((input) => input.value !== input.defaultValue)) update();
  }
}

customElements.define('metric-calculator', MetricCalculator);
