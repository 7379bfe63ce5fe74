/**
 * Renders the Markdown fields of exercise data (prompts, options, feedback...) to HAST at build
 * time, with `$...$` math through KaTeX (HTML + MathML, like the chapters). A bad formula throws
 * an error naming the exercise file, the exercise and the field.
 */
import type { ElementContent, Root } from 'hast';
import rehypeKatex, { type Options as KatexOptions } from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { ExerciseDataError } from './load.ts';
import { texToText } from '../tex-text.ts';

const katexOptions: KatexOptions = { strict: 'error', output: 'htmlAndMathml' };

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeKatex, katexOptions)
  .freeze();

/** Where a text comes from, for error messages: "content/exercises/04-x.yaml: exercise "ch4-f1", field prompt". */
export type Where = string;

function render(markdown: string, where: Where): Root {
  try {
    const file = new VFile(markdown);
    const tree = processor.runSync(processor.parse(file), file) as Root;
    // rehype-katex reports a bad formula as a message (and renders red text) instead of throwing.
    const problem = file.messages.find((m) => m.source === 'rehype-katex');
    if (problem) throw problem.cause instanceof Error ? problem.cause : new Error(problem.reason);
    return tree;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
    throw new ExerciseDataError(`${where}: invalid Markdown or TeX: ${reason}`);
  }
}

/** Block content: paragraphs, lists, tables. */
export function markdownBlock(markdown: string, where: Where): ElementContent[] {
  return render(markdown, where).children.filter((node): node is ElementContent => node.type !== 'doctype' && !(node.type === 'text' && node.value.trim() === ''));
}

/** Inline content: a single paragraph is unwrapped, so the text can sit in a label or a heading. */
export function markdownInline(markdown: string, where: Where): ElementContent[] {
  const block = markdownBlock(markdown, where);
  const only = block.length === 1 ? block[0] : undefined;
  if (only?.type === 'element' && only.tagName === 'p') return only.children;
  return block;
}

const textProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkMath).freeze();

/**
 * A Markdown field as plain text for the search index: the words as written, formulas as readable
 * text (lib/tex-text.ts), paragraphs and list items ending a sentence each.
 */
export function markdownText(markdown: string): string {
  const tree = textProcessor.parse(markdown);
  const out: string[] = [];
  const walk = (node: MdastNode): void => {
    if (node.type === 'text' || node.type === 'inlineCode') out.push(node.value ?? '');
    else if (node.type === 'inlineMath' || node.type === 'math') out.push(` ${texToText(node.value ?? '')} `);
    else if (node.type === 'break') out.push(' ');
    node.children?.forEach(walk);
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') out.push(' ');
  };
  walk(tree as MdastNode);
  return out.join('').replace(/\s+/g, ' ').trim();
}

interface MdastNode {
  type: string;
  value?: string;
  children?: MdastNode[];
}
