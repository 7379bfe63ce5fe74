/**
 * A formula's TeX as readable plain text for the search index and its excerpts:
 * `F_1 = \frac{2PR}{P+R}` -> "F_1 = (2PR)/(P+R)", `c_{\text{FP}}` -> "c_FP", `\alpha` -> "α".
 * KaTeX's own markup stays out of the index (its HTML and MathML text run together); this text is
 * what a reader sees in an excerpt and can type into the search box.
 *
 * Why not a library: unicodeit (the npm package that converts TeX to Unicode) leaves \frac, \left
 * and \text in the output and writes subscripts as Unicode subscript letters that no reader types
 * into a search box (tried at 0.7.5: `c_{\text{FP}}` came out as "c_\ₜₑₓₜ_{_F_P}").
 */

const symbols: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', theta: 'θ', lambda: 'λ', mu: 'μ',
  pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ',
  Lambda: 'Λ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Omega: 'Ω', sum: 'Σ', prod: 'Π', times: '×', cdot: '·', div: '÷',
  pm: '±', le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠', approx: '≈', sim: '~', to: '→', rightarrow: '→',
  leftarrow: '←', Rightarrow: '⇒', in: '∈', notin: '∉', subset: '⊂', infty: '∞', dots: '…', ldots: '…', cdots: '…',
  mid: '|', vert: '|', lvert: '|', rvert: '|', lVert: '‖', rVert: '‖', partial: '∂', nabla: '∇', forall: '∀', exists: '∃',
  log: 'log', ln: 'ln', exp: 'exp', max: 'max', min: 'min', arg: 'arg', argmax: 'argmax', argmin: 'argmin',
  lim: 'lim', sqrt: '√', '%': '%', '$': '$', '&': '&', '#': '#', '_': '_', '{': '{', '}': '}', ' ': ' ',
};

const letterSets: Record<string, Record<string, string>> = { mathbb: { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', E: '𝔼', P: 'ℙ' } };
const superscripts: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '*': '*', T: 'ᵀ' };
/** Commands whose argument is kept as it is (fonts, text). */
const keepArgument = new Set(['text', 'textrm', 'textit', 'textbf', 'mathrm', 'mathit', 'mathbf', 'mathcal', 'mathsf', 'mathtt', 'operatorname', 'boldsymbol', 'mbox']);
/** Accents written as a combining mark after the letter. */
const accents: Record<string, string> = { hat: '\u0302', widehat: '\u0302', bar: '\u0304', overline: '\u0304', tilde: '\u0303', widetilde: '\u0303', dot: '\u0307', vec: '\u20d7' };
/** Spacing and sizing commands that print nothing. */
const silent = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'displaystyle', 'textstyle', 'limits', 'nolimits']);
const spaces = new Set([',', ';', ':', '!', 'quad', 'qquad', 'enspace', 'thinspace']);

/** Whether a piece of text needs brackets around it in a fraction ("2PR" no, "P+R" yes). */
const needsBrackets = (text: string): boolean => !/^[\p{L}\p{N}.,′\u0302\u0304\u0303\u0307\u20d7_]+$/u.test(text);
const bracket = (text: string): string => (needsBrackets(text.trim()) ? `(${text.trim()})` : text.trim());
/** A sub- or superscript: as it is when one word, else in brackets without spaces ("_(i=1)"). */
const script = (text: string): string => bracket(text.replace(/\s+/g, ''));
/** Written with a space either side. */
const operators = new Set(['=', '<', '>', '+', '-', '≤', '≥', '≈', '≠', '→', '×', '·', '±', '∈']);

export function texToText(tex: string): string {
  let i = 0;
  /** Reads one argument: a {group} or a single token. */
  const argument = (): string => {
    while (tex[i] === ' ') i++;
    if (tex[i] === '{') {
      i++;
      const text = sequence('}');
      i++; // the closing brace
      return text;
    }
    return token();
  };
  const token = (): string => {
    const ch = tex[i];
    if (ch === undefined) return '';
    if (ch === '\\') {
      i++;
      const name = /^[A-Za-z]+/.exec(tex.slice(i))?.[0] ?? tex[i] ?? '';
      i += name.length || 1;
      if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
        const top = argument();
        const bottom = argument();
        return `${bracket(top)}/${bracket(bottom)}`;
      }
      if (name === 'sqrt') return `√${bracket(argument())}`;
      if (keepArgument.has(name)) return argument();
      if (letterSets[name]) return argument().replace(/[A-Z]/g, (c) => letterSets[name]![c] ?? c);
      if (accents[name]) return argument() + accents[name];
      if (silent.has(name)) return '';
      if (spaces.has(name)) return ' ';
      const symbol = symbols[name] ?? name;
      if (operators.has(symbol)) return ` ${symbol} `;
      if (name === 'sum' || name === 'prod') return ` ${symbol}`;
      return symbol;
    }
    i++;
    if (ch === '{') {
      const text = sequence('}');
      i++;
      return text;
    }
    if (ch === '_') return `_${script(argument())}`;
    if (ch === '^') {
      const power = argument().replace(/\s+/g, '');
      return [...power].every((c) => superscripts[c]) ? [...power].map((c) => superscripts[c]).join('') : `^${script(power)}`;
    }
    if (operators.has(ch)) return ` ${ch} `;
    if (ch === '~') return ' ';
    if (ch === '&') return ' ';
    return ch;
  };
  const sequence = (end?: string): string => {
    let out = '';
    while (i < tex.length && tex[i] !== end) out += token();
    return out;
  };
  return (
    sequence()
      .replace(/\s+/g, ' ')
      .replace(/\( /g, '(')
      .replace(/ \)/g, ')')
      .trim()
      // y + combining circumflex -> ŷ, where Unicode has the letter.
      .normalize('NFC')
  );
}
