/** The page's one work store (lib/exercises/storage.ts over localStorage), created on first use. */
import { createWorkStore } from '../lib/exercises/storage.ts';

let store: ReturnType<typeof createWorkStore> | undefined;

export function workStore(): ReturnType<typeof createWorkStore> {
  store ??= createWorkStore();
  return store;
}
