/**
 * Reads and checks the book's exercise files (`content/exercises/NN-slug.yaml`). Used by the
 * remark plugin that places exercises in chapters, by the catalog and assignment pages and by the
 * content-integrity test, so every caller sees the same data and the same errors.
 *
 * Errors name the file and the exercise (and the field, from zod), because authors fix them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { exerciseFileSchema, type Exercise, type ExerciseRole } from '../../schemas/exercise.ts';
import { chapterSlugFromPath } from '../book.ts';

export interface LoadedExercise {
  exercise: Exercise;
  /** Chapter id (slug) the exercise belongs to, from the file name. */
  chapter: string;
  /** Path of the YAML file, for error messages. */
  file: string;
  /** `exercise` (the file's `exercises:`, end of chapter) or `check` (its `checks:`, in a section). */
  role: ExerciseRole;
}

export interface ExerciseFile {
  exercises: Exercise[];
  checks: Exercise[];
}

export class ExerciseDataError extends Error {
  override name = 'ExerciseDataError';
}

/** Parses one exercise file's text; throws naming the file, the exercise and the field. */
export function parseExerciseFile(file: string, text: string): ExerciseFile {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ExerciseDataError(`${file}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = exerciseFileSchema.safeParse(data);
  if (result.success) return result.data;
  const raw = (data ?? {}) as { exercises?: unknown; checks?: unknown };
  const messages = result.error.issues.map((issue) => {
    const [top, index, ...rest] = issue.path;
    let where = issue.path.join('.');
    const list = top === 'exercises' ? raw.exercises : top === 'checks' ? raw.checks : undefined;
    if (typeof index === 'number' && Array.isArray(list)) {
      const item = list[index] as { id?: unknown } | undefined;
      const noun = top === 'checks' ? 'self-check' : 'exercise';
      const name = typeof item?.id === 'string' ? `${noun} "${item.id}"` : `${noun} #${index + 1}`;
      where = rest.length ? `${name}, field ${rest.join('.')}` : name;
    }
    return `${file}: ${where || 'file'}: ${issue.message}`;
  });
  throw new ExerciseDataError(messages.join('\n'));
}

/** Checks across files: ids unique in the whole book. */
export function checkExercises(all: LoadedExercise[]): void {
  const seen = new Map<string, string>();
  const errors: string[] = [];
  for (const { exercise, file } of all) {
    const first = seen.get(exercise.id);
    if (first) errors.push(`${file}: exercise id "${exercise.id}" is already used in ${first}; ids must be unique in the whole book`);
    else seen.set(exercise.id, file);
  }
  if (errors.length) throw new ExerciseDataError(errors.join('\n'));
}

/** Checks against the chapter: objective numbers exist. */
export function checkObjectives(items: LoadedExercise[], objectiveCount: number): void {
  const errors: string[] = [];
  for (const { exercise, file } of items) {
    for (const n of exercise.objectives) {
      if (n > objectiveCount) errors.push(`${file}: exercise "${exercise.id}", field objectives: objective ${n} does not exist (the chapter has ${objectiveCount})`);
    }
  }
  if (errors.length) throw new ExerciseDataError(errors.join('\n'));
}

let cache: { key: string; value: LoadedExercise[] } | undefined;

/**
 * All exercises and self-checks of the book, in chapter-file order, each file's exercises then its
 * checks, in list order. Cached until a file changes.
 */
export function loadExercises(contentDir: string): LoadedExercise[] {
  const dir = join(contentDir, 'exercises');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  const key = dir + '|' + files.map((name) => `${name}:${statSync(join(dir, name)).mtimeMs}`).join('|');
  if (cache?.key === key) return cache.value;
  const all: LoadedExercise[] = [];
  for (const name of files) {
    const file = join(dir, name);
    const chapter = chapterSlugFromPath(name.replace(/\.ya?ml$/, '.mdx'));
    const parsed = parseExerciseFile(file, readFileSync(file, 'utf8'));
    for (const exercise of parsed.exercises) all.push({ exercise, chapter, file, role: 'exercise' });
    for (const exercise of parsed.checks) all.push({ exercise, chapter, file, role: 'check' });
  }
  checkExercises(all);
  cache = { key, value: all };
  return all;
}
