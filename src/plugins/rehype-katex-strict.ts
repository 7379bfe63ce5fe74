/**
 * rehype-katex only records a message and shows red text for a bad formula; this plugin, placed
 * right after it, turns those messages into a build failure naming the file, line and formula.
 * It also keeps KaTeX's visual markup out of the search index and its excerpts.
 */
import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export default function rehypeKatexStrict() {
  return (tree: Root, file: VFile) => {
    const problem = file.messages.find((m) => m.source === 'rehype-katex');
    if (problem) {
      const source = String(file.value ?? '');
      // A display formula's <code> comes from remark-math's hChildren and has no position: use the
      // nearest ancestor that has one (its <pre>), so the message still names the line.
      const place = problem.place ?? [...(problem.ancestors ?? [])].reverse().find((node) => node.position)?.position;
      const start = place && 'start' in place ? place.start : undefined;
      const end = place && 'end' in place ? place.end : undefined;
      const formula = start?.offset !== undefined && end?.offset !== undefined ? source.slice(start.offset, end.offset).replace(/\s+/g, ' ').trim() : undefined;
      const reason = (problem.cause instanceof Error ? problem.cause.message : problem.reason).replace(/^KaTeX parse error: /, '');
      file.fail(`Invalid TeX${formula ? ` in ${formula}` : ''}: ${reason}`, place ? { place } : undefined);
    }
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      if (Array.isArray(classes) && classes.includes('katex')) {
        node.properties.dataPagefindIgnore = '';
        return 'skip';
      }
      return undefined;
    });
  };
}
