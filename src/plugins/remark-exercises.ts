/**
 * `::exercise{#id}` places an end-of-chapter exercise and `::check{#id}` a self-check, both from the
 * chapter's `content/exercises/NN-slug.yaml` (`exercises:` and `checks:`). Each is rendered here, at
 * build time, by `lib/exercises/render.ts` and numbered in file order ("Exercise 3.2", "Check 3.2").
 * Consecutive `::check` lines become one "Check your understanding" box.
 *
 * Fails the build, naming the file and line, when an id does not exist, belongs to another chapter,
 * is placed twice, out of file order or with the wrong directive, when the exercise data is invalid,
 * and, at the end of a chapter, when one of its exercises or checks was never placed. In a chapter
 * with exercises, every main (`##`) section must end with one to three self-checks unless the
 * frontmatter's `selfCheckExempt` lists its heading slug (summary, exercises and the like).
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import type { ElementContent, Properties } from 'hast';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { chapterSlugFromPath } from '../lib/book.ts';
import { checkObjectives, ExerciseDataError, loadExercises, type LoadedExercise } from '../lib/exercises/load.ts';
import { exerciseLabel, renderExercise, type Edition } from '../lib/exercises/render.ts';
import type { ExerciseRole } from '../schemas/exercise.ts';
import { fail, frontmatterOf } from './util.ts';
import { exerciseFeedbackPath, withBase } from '../lib/url.ts';

export interface ExercisesOptions {
  contentDir: string;
  edition: Edition;
  /** Site base path, for the URL of the chapter's feedback file. */
  base: string;
}

const isChapterFile = (path: string | undefined): boolean => !!path && /[\\/]chapters[\\/][^\\/]+\.mdx?$/.test(path);

/** The directives, named after the role they place: `::exercise` and `::check`. */
const roles: readonly string[] = ['exercise', 'check'] satisfies ExerciseRole[];

/** Self-checks a main section may hold. */
export const checksPerSection = { min: 1, max: 3 } as const;

export default function remarkExercises(options: ExercisesOptions) {
  return (tree: Root, file: VFile) => {
    const directives: LeafDirective[] = [];
    visit(tree, 'leafDirective', (node: LeafDirective) => {
      if (roles.includes(node.name)) directives.push(node);
    });
    const chapter = isChapterFile(file.path) ? chapterSlugFromPath(file.path) : undefined;
    if (chapter === undefined && directives.length === 0) return;
    let all: LoadedExercise[];
    try {
      all = loadExercises(options.contentDir);
    } catch (error) {
      if (error instanceof ExerciseDataError) fail(file, error.message);
      throw error;
    }
    const own = all.filter((e) => e.chapter === chapter);
    if (directives.length === 0 && own.length === 0) return;

    const frontmatter = frontmatterOf(file);
    const objectives = Array.isArray(frontmatter.objectives) ? frontmatter.objectives.length : 0;
    try {
      checkObjectives(own, objectives);
    } catch (error) {
      if (error instanceof ExerciseDataError) fail(file, error.message);
      throw error;
    }
    const number = typeof frontmatter.number === 'number' ? frontmatter.number : undefined;
    const placed = new Set<string>();
    const lastIndex: Record<ExerciseRole, number> = { exercise: -1, check: -1 };
    directives.forEach((node) => {
      const role = node.name as ExerciseRole;
      const id = node.attributes?.id;
      if (!id) fail(file, `An ::${node.name} needs an id: write ::${node.name}{#the-${role === 'check' ? 'check' : 'exercise'}-id}`, node);
      const found = all.find((e) => e.exercise.id === id);
      const list = own.filter((e) => e.role === role);
      if (!found) {
        const known = list.map((e) => e.exercise.id).join(', ') || 'none';
        fail(file, `Unknown ${role === 'check' ? 'self-check' : 'exercise'} "${id}" in ::${node.name}{#${id}}. This chapter's ${role === 'check' ? 'checks' : 'exercises'}: ${known}`, node);
      }
      if (found.chapter !== chapter) fail(file, `Exercise "${id}" belongs to ${found.file}, not to this chapter: place it in its own chapter`, node);
      if (found.role !== role) {
        fail(file, `"${id}" is listed under ${found.role === 'check' ? 'checks:' : 'exercises:'} in ${found.file}: place it with ::${found.role}{#${id}}`, node);
      }
      if (placed.has(id)) fail(file, `Exercise "${id}" is placed twice`, node);
      placed.add(id);
      // Exercises and checks are numbered in the order of their YAML lists, everywhere (chapter,
      // catalog, assignments), so the chapter must place them in that order.
      const index = list.indexOf(found);
      if (index < lastIndex[role]) fail(file, `"${id}" is placed after "${list[lastIndex[role]]!.exercise.id}" but comes before it in ${found.file}: place them in the order of that file, or reorder the file`, node);
      lastIndex[role] = index;
      let rendered;
      try {
        rendered = renderExercise(found.exercise, {
          edition: options.edition,
          file: found.file,
          chapter: found.chapter,
          role,
          headingLevel: role === 'check' ? 4 : 3,
          feedbackUrl: withBase(options.base, exerciseFeedbackPath(found.chapter)),
          ...(number !== undefined ? { label: exerciseLabel(number, index, role) } : {}),
        });
      } catch (error) {
        if (error instanceof ExerciseDataError) fail(file, error.message, node);
        throw error;
      }
      node.data = { hName: rendered.tagName, hProperties: rendered.properties as Properties, hChildren: rendered.children as ElementContent[] };
    });
    const missing = own.filter((e) => !placed.has(e.exercise.id)).map((e) => e.exercise.id);
    if (missing.length) fail(file, `Exercises or checks defined in ${own[0]!.file} but never placed in this chapter: ${missing.join(', ')}. Add a line ::exercise{#id} or ::check{#id} for each.`);
    if (chapter !== undefined) groupChecks(tree, file);
  };
}

const isCheck = (node: RootContent): node is LeafDirective => node.type === 'leafDirective' && node.name === 'check';

/**
 * Wraps each run of consecutive `::check` blocks in a "Check your understanding" box, and holds
 * every main section of a chapter that has exercises to one to three checks.
 */
function groupChecks(tree: Root, file: VFile): void {
  const frontmatter = frontmatterOf(file);
  const exempt = new Set(Array.isArray(frontmatter.selfCheckExempt) ? frontmatter.selfCheckExempt.map(String) : []);
  const slugger = new GithubSlugger();
  const sections: { heading: Heading; slug: string; checks: number }[] = [];
  const children: RootContent[] = [];
  for (let i = 0; i < tree.children.length; i++) {
    const node = tree.children[i]!;
    if (node.type === 'heading') {
      // Same slugs as rehype-slug gives the headings (one slugger over every heading, in order).
      const slug = slugger.slug(toString(node));
      if (node.depth === 2) sections.push({ heading: node, slug, checks: 0 });
    }
    if (!isCheck(node)) {
      children.push(node);
      continue;
    }
    const run: LeafDirective[] = [];
    while (i < tree.children.length && isCheck(tree.children[i]!)) run.push(tree.children[i++] as LeafDirective);
    i--;
    const section = sections.at(-1);
    if (!section) fail(file, 'A ::check must sit at the end of a ## section, after the text it tests', run[0]);
    section.checks += run.length;
    const headingId = `self-check-${section.slug}`;
    const box = {
      type: 'paragraph',
      children: [],
      data: {
        hName: 'section',
        hProperties: { className: ['self-check'], ariaLabelledBy: headingId, dataSelfCheck: section.slug },
        hChildren: [
          {
            type: 'element',
            tagName: 'h3',
            properties: { id: headingId, className: ['unnumbered', 'self-check-heading'] },
            // The section's name, for screen readers: each box is a region, and regions need distinct names.
            children: [
              { type: 'text', value: 'Check your understanding' },
              { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: `: ${toString(section.heading)}` }] },
            ],
          },
          ...run.map((directive) => ({ type: 'element' as const, tagName: directive.data!.hName!, properties: directive.data!.hProperties ?? {}, children: directive.data!.hChildren ?? [] })),
        ],
      },
      position: run[0]!.position,
    } as unknown as RootContent;
    children.push(box);
  }
  tree.children = children;
  const known = new Set(sections.map((s) => s.slug));
  for (const slug of exempt) {
    if (!known.has(slug)) fail(file, `selfCheckExempt names "${slug}", which is not the slug of a ## section of this chapter (its sections: ${[...known].join(', ')})`);
  }
  for (const section of sections) {
    if (exempt.has(section.slug)) {
      if (section.checks > 0) fail(file, `Section "${toString(section.heading)}" is listed in selfCheckExempt but has self-checks: remove one or the other`, section.heading);
      continue;
    }
    if (section.checks < checksPerSection.min) {
      fail(file, `Section "${toString(section.heading)}" has no self-check: end it with one to three ::check{#id} lines, or list "${section.slug}" in the frontmatter's selfCheckExempt (for a summary, exercises or further reading)`, section.heading);
    }
    if (section.checks > checksPerSection.max) fail(file, `Section "${toString(section.heading)}" has ${section.checks} self-checks: keep it to ${checksPerSection.max} or fewer`, section.heading);
  }
}
