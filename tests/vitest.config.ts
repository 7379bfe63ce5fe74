import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // Fixture builds each start Astro; two at a time fits the 2-core machines.
    maxWorkers: 2,
  },
});
