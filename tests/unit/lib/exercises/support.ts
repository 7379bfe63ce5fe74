import type { SavedWork } from '../../../../src/lib/exercises/types.ts';

/** A valid saved work record (a correct single-choice answer), with any field overridden. */
export const savedWork = (overrides: Partial<SavedWork> = {}): SavedWork => ({
  hash: 'abc123',
  type: 'single-choice',
  answer: { kind: 'choice', selected: [1] },
  attempts: 1,
  status: 'correct',
  updatedAt: '2026-03-01T10:00:00.000Z',
  ...overrides,
});
