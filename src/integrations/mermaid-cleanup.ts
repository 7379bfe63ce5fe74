/** Closes the build-time diagram browser as soon as pages are generated. */
import type { AstroIntegration } from 'astro';
import { closeMermaidRenderer } from '../plugins/mermaid/renderer.ts';

export default function mermaidCleanup(): AstroIntegration {
  return {
    name: 'book:mermaid-cleanup',
    hooks: {
      'astro:build:generated': async () => closeMermaidRenderer(),
      'astro:server:done': async () => closeMermaidRenderer(),
    },
  };
}
