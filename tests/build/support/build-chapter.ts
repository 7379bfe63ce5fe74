/**
 * Builds one chapter of the real book on its own, in a throwaway project root, so an author can
 * check a chapter (formulas, diagrams, references, exercises) while other builds run.
 *
 *   node_modules/.bin/node tests/build/support/build-chapter.ts 03
 *
 * Prints the build output and, on success, where the HTML is. Exits with the build's code.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixture, projectRoot } from './astro-build.ts';

const prefix = process.argv[2];
if (!prefix) {
  console.error('usage: build-chapter.ts NN   (the chapter file prefix, e.g. 03)');
  process.exit(2);
}
const source = join(projectRoot, 'content');
const content = mkdtempSync(join(tmpdir(), `book-chapter-${prefix}-`));
for (const name of ['parts.yaml', 'glossary.yaml', 'references.bib']) cpSync(join(source, name), join(content, name));
mkdirSync(join(content, 'chapters'));
mkdirSync(join(content, 'exercises'));
const chapters = readdirSync(join(source, 'chapters')).filter((n) => n.startsWith(`${prefix}-`));
if (chapters.length !== 1) {
  console.error(`expected one chapter starting with ${prefix}-, found ${chapters.length}`);
  process.exit(2);
}
const chapter = chapters[0]!;
cpSync(join(source, 'chapters', chapter), join(content, 'chapters', chapter));
const exercises = join(source, 'exercises', chapter.replace(/\.mdx$/, '.yaml'));
if (existsSync(exercises)) cpSync(exercises, join(content, 'exercises', chapter.replace(/\.mdx$/, '.yaml')));

const result = await buildFixture(`chapter-${prefix}`, { contentDir: content, timeoutMs: 240_000 });
console.log(result.output);
if (result.code === 0) console.log(`\nBuilt: ${result.outDir}/chapters/`);
process.exit(result.code ?? 1);
