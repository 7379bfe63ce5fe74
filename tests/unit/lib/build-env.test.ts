import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseBase, readBuildEnv } from '../../../src/lib/build-env.ts';

describe('normaliseBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['   ', '/'],
    ['/', '/'],
    ['//', '/'],
    ['book', '/book/'],
    ['/book', '/book/'],
    ['book/', '/book/'],
    ['/book/', '/book/'],
    [' /book/ ', '/book/'],
    ['///book///', '/book/'],
    ['/courses/ml-2025/book', '/courses/ml-2025/book/'],
    ['/v1.2_~x/', '/v1.2_~x/'],
  ])('%j -> %s', (input, expected) => {
    expect(normaliseBase(input)).toBe(expected);
  });

  it.each(['https://example.com/book/', '/book?x=1', '/book#top', '/my book/', '/b%C3%BCcher/', '/book/<script>'])('rejects %j', (input) => {
    expect(() => normaliseBase(input)).toThrow(`BOOK_BASE must be a URL path such as /book/, got "${input.trim()}"`);
  });
});

describe('readBuildEnv', () => {
  it('uses the defaults when nothing is set', () => {
    expect(readBuildEnv({})).toEqual({
      contentDir: resolve('content'),
      base: '/',
      outDir: resolve('dist'),
      site: 'http://localhost:4321',
      edition: 'student',
    });
  });

  it('reads every variable and resolves folders to absolute paths', () => {
    const env = readBuildEnv({
      BOOK_CONTENT_DIR: 'tests/fixtures/valid',
      BOOK_BASE: 'book',
      BOOK_OUT_DIR: '/tmp/out',
      BOOK_SITE: 'https://example.org',
      BOOK_EDITION: 'instructor',
    });
    expect(env).toEqual({
      contentDir: resolve('tests/fixtures/valid'),
      base: '/book/',
      outDir: '/tmp/out',
      site: 'https://example.org',
      edition: 'instructor',
    });
  });

  it('fails on an unknown BOOK_EDITION, and treats an empty one as the student edition', () => {
    expect(() => readBuildEnv({ BOOK_EDITION: 'teacher' })).toThrow('BOOK_EDITION must be "student" or "instructor", got "teacher"');
    expect(readBuildEnv({ BOOK_EDITION: ' ' }).edition).toBe('student');
  });

  it('fails on a bad BOOK_BASE', () => {
    expect(() => readBuildEnv({ BOOK_BASE: 'https://example.com/' })).toThrow(/BOOK_BASE/);
  });
});
