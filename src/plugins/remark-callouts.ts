/**
 * `:::note`, `:::tip`, `:::warning` and `:::practice` container directives become callouts:
 * a `div role="note"` with a visible title (the directive label, or the type's default).
 */
import type { Root, Paragraph } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';

export const calloutTitles = {
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
  practice: 'In practice',
} as const;

export type CalloutType = keyof typeof calloutTitles;

export function isCalloutType(name: string): name is CalloutType {
  return Object.hasOwn(calloutTitles, name);
}

export default function remarkCallouts() {
  return (tree: Root) => {
    visit(tree, 'containerDirective', (node: ContainerDirective) => {
      if (!isCalloutType(node.name)) return;
      const first = node.children[0];
      let titleChildren: Paragraph['children'] = [{ type: 'text', value: calloutTitles[node.name] }];
      if (first?.type === 'paragraph' && first.data?.directiveLabel) {
        titleChildren = first.children;
        node.children.shift();
      }
      const title: Paragraph = {
        type: 'paragraph',
        children: titleChildren,
        data: { hProperties: { className: ['callout-title'] } },
      };
      node.children.unshift(title);
      node.data = {
        hName: 'div',
        hProperties: { className: ['callout', `callout-${node.name}`], role: 'note', dataCallout: node.name },
      };
    });
  };
}
