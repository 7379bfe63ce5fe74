import { describe, expect, it } from 'vitest';
import { chapterPath, glossaryPath, partPath, withBase } from '../../../src/lib/url.ts';

describe('withBase', () => {
  it('prefixes internal paths at the root', () => {
    expect(withBase('/', 'chapters/intro/')).toBe('/chapters/intro/');
    expect(withBase('/', '/chapters/intro/')).toBe('/chapters/intro/');
    expect(withBase('/', '')).toBe('/');
  });

  it('prefixes internal paths under a sub-path, with or without leading slashes', () => {
    expect(withBase('/book/', 'chapters/intro/')).toBe('/book/chapters/intro/');
    expect(withBase('/book/', '/glossary/#mlops')).toBe('/book/glossary/#mlops');
    expect(withBase('/book/', '//glossary/')).toBe('/book/glossary/');
    expect(withBase('/book/', '')).toBe('/book/');
  });

  it('adds the missing slash of a base without one', () => {
    expect(withBase('/book', 'parts/dataops/')).toBe('/book/parts/dataops/');
  });

  it.each(['https://example.com/x', 'http://localhost:4321/', 'mailto:someone@example.com', 'HTTPS://EXAMPLE.COM', '#references'])(
    'leaves %s untouched',
    (link) => {
      expect(withBase('/book/', link)).toBe(link);
      expect(withBase('/', link)).toBe(link);
    },
  );
});

describe('route paths', () => {
  it('builds chapter, part and glossary paths that end with a slash (trailingSlash: always)', () => {
    expect(chapterPath('intro')).toBe('chapters/intro/');
    expect(partPath('dataops')).toBe('parts/dataops/');
    expect(glossaryPath()).toBe('glossary/');
    expect(glossaryPath('data-drift')).toBe('glossary/#data-drift');
    expect(withBase('/book/', glossaryPath('data-drift'))).toBe('/book/glossary/#data-drift');
  });
});
