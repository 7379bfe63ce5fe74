/**
 * `::exercise{#id}` places an exercise from the chapter's `content/exercises/NN-slug.yaml`. The
 * exercise is rendered here, at build time, by `lib/exercises/render.ts` and numbered in order
 * ("Exercise 3.2"). Fails the build, naming the file and line, when the id does not exist, belongs
 * to another chapter or is placed twice, when the exercise data is invalid, and, at the end of a
 * chapter, when one of its exercises was never placed.
 */
import type { Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import type { ElementContent, Properties } from 'hast';
import { visit } from 'unist-util-visit';
import { chapterSlugFromPath } from '../lib/book.ts';
import { checkObjectives, ExerciseDataError, loadExercises, type LoadedExercise } from '../lib/exercises/load.ts';
import { exerciseLabel, renderExercise, type Edition } from '../lib/exercises/render.ts';
import { fail, frontmatterOf } from './util.ts';
import { exerciseFeedbackPath, withBase } from '../lib/url.ts';

export interface ExercisesOptions {
  contentDir: string;
  edition: Edition;
  /** Site base path, for the URL of the chapter's feedback file. */
  base: string;
}

const isChapterFile = (path: string | undefined): boolean => !!path && /[\\/]chapters[\\/][^\\/]+\.mdx?$/.test(path);

export default function remarkExercises(options: ExercisesOptions) {
  return (tree: Root, file: VFile) => {
    const directives: LeafDirective[] = [];
    visit(tree, 'leafDirective', (node: LeafDirective) => {
      if (node.name === 'exercise') directives.push(node);
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
    let lastIndex = -1;
    directives.forEach((node) => {
      const id = node.attributes?.id;
      if (!id) fail(file, 'An ::exercise needs an id: write ::exercise{#the-exercise-id}', node);
      const found = all.find((e) => e.exercise.id === id);
      if (!found) {
        const known = own.map((e) => e.exercise.id).join(', ') || 'none';
        fail(file, `Unknown exercise "${id}" in ::exercise{#${id}}. This chapter's exercises: ${known}`, node);
      }
      if (found.chapter !== chapter) fail(file, `Exercise "${id}" belongs to ${found.file}, not to this chapter: place it in its own chapter`, node);
      if (placed.has(id)) fail(file, `Exercise "${id}" is placed twice`, node);
      placed.add(id);
      // Exercises are numbered in the order of their YAML file, everywhere (chapter, catalog,
      // assignments), so the chapter must place them in that order.
      const index = own.indexOf(found);
      if (index < lastIndex) fail(file, `Exercise "${id}" is placed after "${own[lastIndex]!.exercise.id}" but comes before it in ${found.file}: place exercises in the order of that file, or reorder the file`, node);
      lastIndex = index;
      let rendered;
      try {
        rendered = renderExercise(found.exercise, {
          edition: options.edition,
          file: found.file,
          chapter: found.chapter,
          feedbackUrl: withBase(options.base, exerciseFeedbackPath(found.chapter)),
          ...(number !== undefined ? { label: exerciseLabel(number, index) } : {}),
        });
      } catch (error) {
        if (error instanceof ExerciseDataError) fail(file, error.message, node);
        throw error;
      }
      node.data = { hName: rendered.tagName, hProperties: rendered.properties as Properties, hChildren: rendered.children as ElementContent[] };
    });
    const missing = own.filter((e) => !placed.has(e.exercise.id)).map((e) => e.exercise.id);
    if (missing.length) fail(file, `Exercises defined in ${own[0]!.file} but never placed in this chapter: ${missing.join(', ')}. Add a line ::exercise{#id} for each.`);
  };
}
