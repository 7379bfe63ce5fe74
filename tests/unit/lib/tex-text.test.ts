import { describe, expect, it } from 'vitest';
import { texToText } from '../../../src/lib/tex-text.ts';

describe('texToText', () => {
  it.each([
    ['F_1 = \\frac{2PR}{P+R}', 'F_1 = 2PR/(P + R)'],
    ['C = c_{\\text{FP}}\\,\\text{FP} + c_{\\text{FN}}\\,\\text{FN}', 'C = c_FP FP + c_FN FN'],
    ['\\mathcal{L} = \\alpha\\,\\mathcal{L}_1 + \\beta\\,\\mathcal{L}_2', 'L = α L_1 + β L_2'],
    ['f:\\mathbb{R}^d \\to \\{1,\\dots,k\\}', 'f:ℝ^d → {1,…,k}'],
    ['s(x) \\ge \\tau', 's(x) ≥ τ'],
    ['1{,}200 \\times 25 = 30{,}000', '1,200 × 25 = 30,000'],
    ['\\text{MSE} = \\frac{1}{N}\\sum_{i=1}^{N}(y_i - \\hat{y}_i)^2', 'MSE = 1/N Σ_(i=1)^N(y_i - ŷ_i)²'],
    ['\\Delta V = T \\, \\Delta B - \\left( \\Delta C_{\\text{build}} + T \\, \\Delta C_{\\text{run}} \\right)', 'Δ V = T Δ B - (Δ C_build + T Δ C_run)'],
    ['R^2', 'R²'],
    ['\\sqrt{p(1-p)/n}', '√(p(1 - p)/n)'],
    ['\\$40', '$40'],
  ])('%s', (tex, text) => {
    expect(texToText(tex)).toBe(text);
  });
});
