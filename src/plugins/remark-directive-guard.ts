/**
 * Runs after the plugins that own directives. A container or leaf directive nobody handled is a
 * typo (`:::tipp`) and fails the build; an unhandled text directive is almost always ordinary prose
 * such as "ratio:high" that remark-directive read as syntax, so it is put back as text.
 */
import type { Root, Parent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { fail } from './util.ts';

export default function remarkDirectiveGuard() {
  return (tree: Root, file: VFile) => {
    visit(tree, (visited, index, parent: Parent | undefined) => {
      const node = visited as ContainerDirective | LeafDirective | TextDirective | { type: 'other'; data?: undefined };
      if (node.type === 'containerDirective' || node.type === 'leafDirective') {
        if (!node.data?.hName) {
          const colons = node.type === 'containerDirective' ? ':::' : '::';
          fail(file, `Unknown block "${colons}${node.name}": use one of :::note, :::tip, :::warning, :::practice, :::figure, :::equation, ::exercise, ::check, ::chart`, node);
        }
      }
      if (node.type === 'textDirective' && !node.data?.hName && parent && index !== undefined) {
        const label = node.children.length > 0 ? `[${toString(node)}]` : '';
        parent.children.splice(index, 1, { type: 'text', value: `:${node.name}${label}` });
        return SKIP;
      }
      return undefined;
    });
  };
}
