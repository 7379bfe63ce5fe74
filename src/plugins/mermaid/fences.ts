/**
 * Finds ```mermaid fences in Markdown source without parsing it, to tell before a build whether
 * any diagram is missing from the cache (then Chromium is started early, see
 * src/integrations/mermaid-browser.ts). A miss here costs only a late browser start, so simple
 * CommonMark fence rules are enough: the value is what remark gives a code block (the fence's
 * indentation removed from each line, no final newline).
 */
const fence = /^([ \t]{0,3})(`{3,}|~{3,})[ \t]*mermaid\b[^\n]*\n([\s\S]*?)^[ \t]{0,3}\2[`~]*[ \t]*$/gm;

export function mermaidFences(markdown: string): string[] {
  const found: string[] = [];
  for (const match of markdown.replace(/\r\n?/g, '\n').matchAll(fence)) {
    const indent = match[1]!.length;
    const lines = match[3]!.replace(/\n$/, '').split('\n');
    found.push(lines.map((line) => line.replace(new RegExp(`^ {0,${indent}}`), '')).join('\n'));
  }
  return found;
}
