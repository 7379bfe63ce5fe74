import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkWork, createWorkStore, isExerciseId, isStale, KEY_PREFIX, MAX_LIST, MAX_TEXT, migrate } from '../../../../src/lib/exercises/storage.ts';
import type { SavedWork } from '../../../../src/lib/exercises/types.ts';
import { savedWork } from './support.ts';

/** A Storage over a Map, whose `setItem` can be made to fail like a full or disabled browser storage. */
class FakeStorage implements Storage {
  [name: string]: unknown;
  readonly data = new Map<string, string>();
  failWith: unknown = undefined;
  get length(): number {
    return this.data.size;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWith !== undefined) throw this.failWith;
    this.data.set(key, String(value));
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  clear(): void {
    this.data.clear();
  }
}

/** Storage as private browsing or blocked cookies leave it: every use throws a SecurityError. */
function deniedStorage(): Storage {
  const deny = (): never => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return {
    get length(): number {
      return deny();
    },
    key: deny,
    getItem: deny,
    setItem: deny,
    removeItem: deny,
    clear: deny,
  };
}

const work = (overrides: Partial<SavedWork> = {}): SavedWork => savedWork({ hash: 'abc123', ...overrides });

/** One valid work per answer kind. */
const everyKind: SavedWork[] = [
  work(),
  work({ type: 'multiple-select', answer: { kind: 'choice', selected: [] }, status: 'in-progress', attempts: 0 }),
  work({ type: 'true-false', answer: { kind: 'boolean', value: false }, status: 'incorrect' }),
  work({ type: 'numeric', answer: { kind: 'text', value: '12 GPUs' } }),
  work({ type: 'short-answer', answer: { kind: 'text', value: '' }, status: 'in-progress' }),
  work({ type: 'ordering', answer: { kind: 'order', order: [2, 0, 1] }, status: 'partial' }),
  work({ type: 'matching', answer: { kind: 'match', choices: [1, null, 0] }, status: 'partial' }),
  work({ type: 'open', answer: { kind: 'open', texts: ['First part.'], covered: [[true, false]] }, status: 'self-assessed' }),
  work({ type: 'case-study', answer: { kind: 'open', texts: ['a', 'b'], covered: [[], [true]] }, status: 'self-assessed', hash: '' }),
];

const v1 = (w: SavedWork): string => JSON.stringify({ v: 1, ...w });

afterEach(() => {
  vi.useRealTimers();
});

describe('isExerciseId', () => {
  it.each(['ch1-a', 'technical-debt', 'x', '42'])('accepts %s', (id) => expect(isExerciseId(id)).toBe(true));
  it.each(['', 'Ch1', 'ch1_a', '-a', 'a-', 'a--b', 'a b', '__proto__', 'constructor', 'prototype', 'a'.repeat(101), 'ch1-a\n'])('refuses %j', (id) =>
    expect(isExerciseId(id)).toBe(false),
  );
});

describe('checkWork and migrate', () => {
  it.each(everyKind.map((w) => [w.type, w] as const))('accepts a valid %s record', (_, w) => {
    expect(checkWork(w)).toEqual({ ok: true, work: w });
    expect(migrate({ v: 1, ...w })).toEqual(w);
  });

  it('returns a fresh copy with only the known fields', () => {
    const input = { ...work({ answer: { kind: 'choice', selected: [0, 2] } }), extra: '<script>', v: 1 };
    const checked = checkWork(input);
    expect(checked).toEqual({ ok: true, work: work({ answer: { kind: 'choice', selected: [0, 2] } }) });
    if (!checked.ok) throw new Error('unreachable');
    expect('extra' in checked.work).toBe(false);
    (input.answer as { selected: number[] }).selected.push(3);
    expect(checked.work.answer).toEqual({ kind: 'choice', selected: [0, 2] });
  });

  it('accepts the limits exactly, and refuses one more', () => {
    const longest = work({ type: 'short-answer', answer: { kind: 'text', value: 'x'.repeat(MAX_TEXT) } });
    expect(checkWork(longest).ok).toBe(true);
    expect(checkWork(work({ type: 'short-answer', answer: { kind: 'text', value: 'x'.repeat(MAX_TEXT + 1) } }))).toEqual({
      ok: false,
      reason: 'its answer is longer than 20,000 characters',
    });
    const many = Array.from({ length: MAX_LIST }, (_, i) => i);
    expect(checkWork(work({ type: 'ordering', answer: { kind: 'order', order: many } })).ok).toBe(true);
    expect(checkWork(work({ type: 'ordering', answer: { kind: 'order', order: [...many, 0] } }))).toEqual({
      ok: false,
      reason: 'its answer has more than 100 entries',
    });
    const texts = ['x'.repeat(MAX_TEXT + 1)];
    expect(checkWork(work({ type: 'open', answer: { kind: 'open', texts, covered: [] } }))).toMatchObject({ ok: false, reason: /longer than/ });
    const covered = [Array.from({ length: MAX_LIST + 1 }, () => true)];
    expect(checkWork(work({ type: 'open', answer: { kind: 'open', texts: [], covered } }))).toMatchObject({ ok: false, reason: /more than 100/ });
  });

  const broken: [string, unknown][] = [
    ['null', null],
    ['a string', 'work'],
    ['an array', [work()]],
    ['an unknown type', { ...work(), type: 'essay' }],
    ['an inherited type name', { ...work(), type: 'toString' }],
    ['a missing hash', { ...work(), hash: undefined }],
    ['a huge hash', { ...work(), hash: 'h'.repeat(201) }],
    ['negative attempts', { ...work(), attempts: -1 }],
    ['fractional attempts', { ...work(), attempts: 1.5 }],
    ['attempts as text', { ...work(), attempts: '1' }],
    ['an unknown status', { ...work(), status: 'done' }],
    ['a date that is not ISO', { ...work(), updatedAt: 'yesterday' }],
    ['an impossible date', { ...work(), updatedAt: '2026-13-45T99:00:00Z' }],
    ['a missing answer', { ...work(), answer: undefined }],
    ['an answer of another kind', { ...work(), answer: { kind: 'text', value: 'b' } }],
    ['selected not a list', { ...work(), answer: { kind: 'choice', selected: 1 } }],
    ['a negative index', { ...work(), answer: { kind: 'choice', selected: [-1] } }],
    ['a fractional index', { ...work(), answer: { kind: 'choice', selected: [0.5] } }],
    ['an index out of range', { ...work(), answer: { kind: 'choice', selected: [MAX_LIST] } }],
    ['null as an index', { ...work(), answer: { kind: 'choice', selected: [null] } }],
    ['a boolean as text', { ...work(), type: 'true-false', answer: { kind: 'boolean', value: 'true' } }],
    ['a number as text', { ...work(), type: 'numeric', answer: { kind: 'text', value: 12 } }],
    ['a string in an order', { ...work(), type: 'ordering', answer: { kind: 'order', order: ['0'] } }],
    ['undefined in a match', { ...work(), type: 'matching', answer: { kind: 'match', choices: [undefined] } }],
    ['open texts not strings', { ...work(), type: 'open', answer: { kind: 'open', texts: [1], covered: [] } }],
    ['open covered not lists', { ...work(), type: 'open', answer: { kind: 'open', texts: [], covered: [true] } }],
    ['open covered not booleans', { ...work(), type: 'open', answer: { kind: 'open', texts: [], covered: [[1]] } }],
  ];
  it.each(broken)('refuses %s, with a reason', (_, value) => {
    const checked = checkWork(value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(/^(it|its) /);
    expect(migrate(value === null || typeof value !== 'object' ? value : { v: 1, ...value })).toBeNull();
  });

  it('reads only version 1 records', () => {
    expect(migrate({ v: 1, ...work() })).toEqual(work());
    expect(migrate(work())).toBeNull();
    expect(migrate({ v: 2, ...work() })).toBeNull();
    expect(migrate({ v: '1', ...work() })).toBeNull();
    expect(migrate(undefined)).toBeNull();
    expect(migrate([1, work()])).toBeNull();
  });

  it('does not let a "__proto__" key in stored JSON reach Object.prototype', () => {
    const raw: unknown = JSON.parse(`{"v":1,"__proto__":{"polluted":true},${v1(work()).slice(7)}`);
    expect(migrate(raw)).toEqual(work());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('isStale', () => {
  it('tells work saved against another version of the exercise', () => {
    expect(isStale(work({ hash: 'abc' }), 'abc')).toBe(false);
    expect(isStale(work({ hash: 'abc' }), 'def')).toBe(true);
    expect(isStale(work({ hash: '' }), 'def')).toBe(true);
  });
});

describe('createWorkStore over working storage', () => {
  it('saves one versioned record per exercise under book-work:<id> and reads it back', () => {
    const storage = new FakeStorage();
    const store = createWorkStore(storage);
    expect(store.persistent).toBe(true);
    expect(store.set('ch1-a', work())).toEqual({ ok: true });
    expect(JSON.parse(storage.data.get('book-work:ch1-a')!)).toEqual({ v: 1, ...work() });
    expect(store.get('ch1-a')).toEqual(work());
    expect(store.get('ch1-b')).toBeNull();
    // A fresh store (a reload) reads the same.
    expect(createWorkStore(storage).get('ch1-a')).toEqual(work());
  });

  it.each(everyKind.map((w) => [w.type, w] as const))('round-trips a %s answer', (_, w) => {
    const storage = new FakeStorage();
    createWorkStore(storage).set('ex-1', w);
    expect(createWorkStore(storage).get('ex-1')).toEqual(w);
  });

  it('lists, reads all, removes and replaces', () => {
    const store = createWorkStore(new FakeStorage());
    store.set('ch1-a', work());
    store.set('ch2-b', work({ status: 'partial' }));
    expect(store.ids().sort()).toEqual(['ch1-a', 'ch2-b']);
    expect(store.all()).toEqual({ 'ch1-a': work(), 'ch2-b': work({ status: 'partial' }) });
    store.set('ch1-a', work({ attempts: 2 }));
    expect(store.get('ch1-a')?.attempts).toBe(2);
    store.remove('ch1-a');
    expect(store.ids()).toEqual(['ch2-b']);
    expect(store.get('ch1-a')).toBeNull();
  });

  it('refuses invalid work and ids without writing anything', () => {
    const storage = new FakeStorage();
    const store = createWorkStore(storage);
    const listener = vi.fn();
    store.subscribe(listener);
    const tooLong = work({ type: 'short-answer', answer: { kind: 'text', value: 'x'.repeat(MAX_TEXT + 1) } });
    expect(store.set('ch1-a', tooLong)).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'This answer could not be saved: its answer is longer than 20,000 characters.',
    });
    expect(store.set('__proto__', work())).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining('id is not valid') });
    expect(store.set('ch1-a', { ...work(), status: 'graded' } as unknown as SavedWork)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(storage.data.size).toBe(0);
    expect(store.get('ch1-a')).toBeNull();
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps a corrupted record, reports it, and lets a new answer replace it', () => {
    const storage = new FakeStorage();
    storage.data.set('book-work:ch1-a', '{"v":1,"hash":"abc",'); // cut short
    storage.data.set('book-work:ch1-b', JSON.stringify({ v: 1, ...work(), answer: { kind: 'choice', selected: 'all' } }));
    storage.data.set('book-work:ch1-c', JSON.stringify({ v: 2, work: {} })); // a newer book in another tab
    storage.data.set('book-work:ch1-d', v1(work()));
    const store = createWorkStore(storage);
    for (const id of ['ch1-a', 'ch1-b', 'ch1-c']) expect(store.get(id)).toBeNull();
    expect(store.corrupted().sort()).toEqual(['ch1-a', 'ch1-b', 'ch1-c']);
    expect(store.ids()).toEqual(['ch1-d']);
    expect(Object.keys(store.all())).toEqual(['ch1-d']);
    // Reading did not delete or rewrite anything.
    expect(storage.data.get('book-work:ch1-a')).toBe('{"v":1,"hash":"abc",');
    expect(storage.data.size).toBe(4);
    expect(store.set('ch1-a', work())).toEqual({ ok: true });
    expect(store.get('ch1-a')).toEqual(work());
    expect(store.corrupted().sort()).toEqual(['ch1-b', 'ch1-c']);
  });

  it('ignores keys under the prefix that are not exercise ids, so all() stays safe', () => {
    const storage = new FakeStorage();
    storage.data.set('book-work:__proto__', JSON.stringify({ v: 1, ...work(), polluted: true }));
    storage.data.set('book-work:constructor', v1(work()));
    storage.data.set('book-work:ch1-a', v1(work()));
    const store = createWorkStore(storage);
    const all = store.all();
    expect(Object.keys(all)).toEqual(['ch1-a']);
    expect(Object.getPrototypeOf(all)).toBeNull();
    expect(store.corrupted()).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('clears only its own keys, all of them or the ones named', () => {
    const storage = new FakeStorage();
    const others = { theme: 'dark', 'book-workx:ch1-a': 'x', 'other:book-work:ch1-a': 'y', 'search-filters': '{}', 'BOOK-WORK:ch1-a': 'z' };
    for (const [key, value] of Object.entries(others)) storage.data.set(key, value);
    const store = createWorkStore(storage);
    store.set('ch1-a', work());
    store.set('ch1-b', work());
    store.set('ch2-a', work());
    storage.data.set('book-work:broken', 'not json');
    store.clear(['ch1-b', 'not-saved']);
    expect(store.ids().sort()).toEqual(['ch1-a', 'ch2-a']);
    store.clear();
    expect(store.ids()).toEqual([]);
    expect(Object.fromEntries(storage.data)).toEqual(others);
  });

  it('survives storage that stops working after the page loaded', () => {
    const storage = new FakeStorage();
    const store = createWorkStore(storage);
    store.set('ch1-a', work());
    const deny = (): never => {
      throw new DOMException('denied', 'SecurityError');
    };
    storage.getItem = deny;
    storage.key = deny;
    storage.removeItem = deny;
    storage.failWith = new DOMException('denied', 'SecurityError');
    expect(store.get('ch1-a')).toBeNull();
    expect(store.ids()).toEqual([]);
    expect(store.corrupted()).toEqual([]);
    expect(() => store.remove('ch1-a')).not.toThrow();
    expect(() => store.clear()).not.toThrow();
    expect(store.set('ch1-b', work())).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(store.get('ch1-b')).toEqual(work());
  });
});

describe('createWorkStore when storage is full', () => {
  it('keeps the answer for this page, leaves the stored one alone, and says so', () => {
    const storage = new FakeStorage();
    const store = createWorkStore(storage);
    store.set('ch1-a', work({ attempts: 1 }));
    storage.failWith = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const result = store.set('ch1-a', work({ attempts: 2 }));
    expect(result).toMatchObject({ ok: false, reason: 'quota' });
    if (!result.ok) expect(result.message).toMatch(/full.*Export my work/);
    expect(store.get('ch1-a')?.attempts).toBe(2);
    expect(JSON.parse(storage.data.get('book-work:ch1-a')!).attempts).toBe(1);
    expect(store.set('ch1-b', work())).toMatchObject({ ok: false, reason: 'quota' });
    expect(store.ids().sort()).toEqual(['ch1-a', 'ch1-b']);
    expect(store.corrupted()).toEqual([]);
    expect(store.persistent).toBe(true);
    // Space frees up: the next save writes and the page copy is dropped.
    storage.failWith = undefined;
    expect(store.set('ch1-b', work({ attempts: 3 }))).toEqual({ ok: true });
    expect(createWorkStore(storage).get('ch1-b')?.attempts).toBe(3);
  });

  it('recognises the quota error by name, as Firefox names it too', () => {
    const storage = new FakeStorage();
    const store = createWorkStore(storage);
    storage.failWith = Object.assign(new Error('full'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' });
    expect(store.set('ch1-a', work())).toMatchObject({ ok: false, reason: 'quota' });
    storage.failWith = new TypeError('something else');
    expect(store.set('ch1-a', work())).toMatchObject({ ok: false, reason: 'unavailable' });
    storage.failWith = null;
    expect(store.set('ch1-a', work())).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});

describe('createWorkStore without storage', () => {
  const checkMemoryStore = (store: ReturnType<typeof createWorkStore>): void => {
    expect(store.persistent).toBe(false);
    const result = store.set('ch1-a', work());
    expect(result).toMatchObject({ ok: false, reason: 'unavailable', message: expect.stringContaining('private browsing') });
    expect(store.get('ch1-a')).toEqual(work());
    store.set('ch1-b', work({ status: 'partial' }));
    expect(store.ids()).toEqual(['ch1-a', 'ch1-b']);
    expect(store.all()).toEqual({ 'ch1-a': work(), 'ch1-b': work({ status: 'partial' }) });
    expect(store.corrupted()).toEqual([]);
    store.remove('ch1-a');
    expect(store.ids()).toEqual(['ch1-b']);
    store.clear();
    expect(store.ids()).toEqual([]);
  };

  it('falls back to memory when every storage method throws (private browsing)', () => {
    checkMemoryStore(createWorkStore(deniedStorage()));
  });

  it('falls back to memory when asked to (null)', () => {
    checkMemoryStore(createWorkStore(null));
  });

  it('falls back to memory when reading window.localStorage itself throws', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      checkMemoryStore(createWorkStore());
    } finally {
      Reflect.deleteProperty(globalThis, 'localStorage');
    }
  });

  it('uses window.localStorage by default', () => {
    const storage = new FakeStorage();
    vi.stubGlobal('localStorage', storage);
    try {
      const store = createWorkStore();
      expect(store.persistent).toBe(true);
      store.set('ch1-a', work());
      expect(storage.data.has('book-work:ch1-a')).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('subscribe', () => {
  /** Node has no StorageEvent: an Event with the fields the store reads. */
  const storageEvent = (key: string | null, storageArea: Storage | null): Event => Object.assign(new Event('storage'), { key, storageArea });

  it('tells listeners about changes in this page, with the id or null for many', () => {
    const store = createWorkStore(new FakeStorage(), new EventTarget());
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    store.set('ch1-a', work());
    store.remove('ch1-a');
    store.clear();
    expect(listener.mock.calls).toEqual([['ch1-a'], ['ch1-a'], [null]]);
    stop();
    store.set('ch1-a', work());
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('also tells them about failed writes, since the page copy changed', () => {
    const store = createWorkStore(null, new EventTarget());
    const listener = vi.fn();
    store.subscribe(listener);
    store.set('ch1-a', work());
    expect(listener).toHaveBeenCalledWith('ch1-a');
  });

  it('hears other tabs through the storage event, for its own keys only', () => {
    const storage = new FakeStorage();
    const tabs = new EventTarget();
    const store = createWorkStore(storage, tabs);
    const listener = vi.fn();
    const stop = store.subscribe(listener);

    // Another tab saved ch2-b: the storage already holds it when the event arrives.
    storage.data.set(`${KEY_PREFIX}ch2-b`, v1(work({ status: 'partial' })));
    tabs.dispatchEvent(storageEvent('book-work:ch2-b', storage));
    expect(listener).toHaveBeenLastCalledWith('ch2-b');
    expect(store.get('ch2-b')?.status).toBe('partial');

    tabs.dispatchEvent(storageEvent(null, storage)); // another tab cleared everything
    expect(listener).toHaveBeenLastCalledWith(null);

    tabs.dispatchEvent(storageEvent('theme', storage));
    tabs.dispatchEvent(storageEvent('book-work:ch1-a', new FakeStorage())); // sessionStorage
    expect(listener).toHaveBeenCalledTimes(2);

    stop();
    tabs.dispatchEvent(storageEvent('book-work:ch2-b', storage));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('adds one storage listener for many subscribers and removes it with the last', () => {
    const tabs = new EventTarget();
    const add = vi.spyOn(tabs, 'addEventListener');
    const remove = vi.spyOn(tabs, 'removeEventListener');
    const store = createWorkStore(new FakeStorage(), tabs);
    const stopA = store.subscribe(() => {});
    const stopB = store.subscribe(() => {});
    expect(add).toHaveBeenCalledTimes(1);
    stopA();
    expect(remove).not.toHaveBeenCalled();
    stopB();
    expect(remove).toHaveBeenCalledTimes(1);
    expect(remove.mock.calls[0]![1]).toBe(add.mock.calls[0]![1]);
  });

  it('keeps saving and calling the other listeners when one listener throws', () => {
    vi.useFakeTimers();
    const store = createWorkStore(new FakeStorage(), new EventTarget());
    const after = vi.fn();
    store.subscribe(() => {
      throw new Error('broken listener');
    });
    store.subscribe(after);
    expect(store.set('ch1-a', work())).toEqual({ ok: true });
    expect(after).toHaveBeenCalledWith('ch1-a');
    // The error is rethrown on a timer, so it is still reported.
    expect(() => vi.runAllTimers()).toThrow('broken listener');
  });

  it('works without any event target (no window)', () => {
    const store = createWorkStore(new FakeStorage(), undefined);
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    store.set('ch1-a', work());
    stop();
    expect(listener).toHaveBeenCalledOnce();
  });
});
