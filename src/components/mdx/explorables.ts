/**
 * The explorables chapters may use without importing them: the chapter page passes this map to
 * `<Content components={...} />`. Each component bundles its own script, so a page that does not
 * render one loads none of its JavaScript.
 */
import MetricCalculator from './MetricCalculator.astro';
import MlFitChecklist from './MlFitChecklist.astro';
import ObjectiveWeights from './ObjectiveWeights.astro';

export const explorables = { MetricCalculator, MlFitChecklist, ObjectiveWeights };
