import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { chapterSchema } from './schemas/chapter.ts';
import { glossarySchema } from './schemas/glossary.ts';
import { notationSchema } from './schemas/notation.ts';
import { partSchema } from './schemas/part.ts';
import { chapterSlugFromPath } from './lib/book.ts';
import { readBuildEnv } from './lib/build-env.ts';

const { contentDir } = readBuildEnv();

/** Chapters: `content/chapters/NN-slug.mdx`, URL `/chapters/slug/`. */
const chapters = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: `${contentDir}/chapters`,
    generateId: ({ entry }) => chapterSlugFromPath(entry),
  }),
  schema: chapterSchema,
});

/** Parts: `content/parts.yaml`, a list of parts with ids. */
const parts = defineCollection({
  loader: file(`${contentDir}/parts.yaml`),
  schema: partSchema,
});

/** Glossary: `content/glossary.yaml`, a list of terms with ids. */
const glossary = defineCollection({
  loader: file(`${contentDir}/glossary.yaml`),
  schema: glossarySchema,
});

/** Notation: `content/notation.yaml`, every symbol the book uses, one meaning each. */
const notation = defineCollection({
  loader: file(`${contentDir}/notation.yaml`),
  schema: notationSchema,
});

export const collections = { chapters, parts, glossary, notation };
