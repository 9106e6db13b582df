import { DataGeneration } from '../../../src/services/data-generation';
import { GenerationCache } from '../../../src/services/generation-cache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('GenerationCache', () => {
  it('computes once for concurrent and later asks of the same key', async () => {
    const cache = new GenerationCache(new DataGeneration());
    let computed = 0;
    const compute = async () => ++computed;
    const [a, b] = await Promise.all([
      cache.through('k', compute, () => 1),
      cache.through('k', compute, () => 1),
    ]);
    expect(await cache.through('k', compute, () => 1)).toBe(1);
    expect([a, b, computed]).toEqual([1, 1, 1]);
  });

  it('forgets everything once the data generation moves on', async () => {
    const data = new DataGeneration();
    const cache = new GenerationCache(data);
    await cache.through(
      'k',
      async () => 'old',
      () => 1,
    );
    data.bump();
    expect(
      await cache.through(
        'k',
        async () => 'new',
        () => 1,
      ),
    ).toBe('new');
  });

  it('lets go of what it held at the write itself, before any read', () => {
    const data = new DataGeneration();
    const cache = new GenerationCache(data);
    cache.keep('answer', { rows: 3 }, 3, data.current);
    expect(cache.heldWeight).toBe(3);
    data.bump();
    expect(cache.heldWeight).toBe(0);
  });

  it('hands a value begun before a write to its asker but never keeps it', async () => {
    const data = new DataGeneration();
    const cache = new GenerationCache(data);
    const slow = deferred<string>();
    const first = cache.through(
      'k',
      () => slow.promise,
      () => 1,
    );
    data.bump();
    slow.resolve('read before the write');
    expect(await first).toBe('read before the write');
    await settle();
    expect(
      await cache.through(
        'k',
        async () => 'fresh',
        () => 1,
      ),
    ).toBe('fresh');
  });

  it('does not keep a failure', async () => {
    const cache = new GenerationCache(new DataGeneration());
    const failing = deferred<string>();
    const first = cache.through(
      'k',
      () => failing.promise,
      () => 1,
    );
    failing.reject(new Error('database went away'));
    await expect(first).rejects.toThrow('database went away');
    await settle();
    expect(
      await cache.through(
        'k',
        async () => 'retried',
        () => 1,
      ),
    ).toBe('retried');
  });

  it('drops the least recently used values beyond its weight', async () => {
    const cache = new GenerationCache(new DataGeneration(), 10);
    await cache.through(
      'a',
      async () => 'a',
      () => 4,
    );
    await cache.through(
      'b',
      async () => 'b',
      () => 4,
    );
    await cache.through(
      'a',
      async () => 'a again',
      () => 4,
    );
    await cache.through(
      'c',
      async () => 'c',
      () => 4,
    );
    await settle();
    expect(
      await cache.through(
        'a',
        async () => 'a recomputed',
        () => 4,
      ),
    ).toBe('a');
    expect(
      await cache.through(
        'b',
        async () => 'b recomputed',
        () => 4,
      ),
    ).toBe('b recomputed');
  });

  it('hands out a computed value at once, and nothing while computing or after a write', async () => {
    const data = new DataGeneration();
    const cache = new GenerationCache(data);
    const slow = deferred<string>();
    const pending = cache.through(
      'k',
      () => slow.promise,
      () => 1,
    );
    expect(cache.computed('k')).toBeUndefined();
    slow.resolve('ready');
    await pending;
    expect(cache.computed('k')).toBe('ready');
    data.bump();
    expect(cache.computed('k')).toBeUndefined();
  });

  it('counts a value handed out at once as used when dropping the least recently used', async () => {
    const cache = new GenerationCache(new DataGeneration(), 10);
    for (const key of ['a', 'b']) {
      await cache.through(
        key,
        async () => key,
        () => 4,
      );
    }
    expect(cache.computed('a')).toBe('a');
    await cache.through(
      'c',
      async () => 'c',
      () => 4,
    );
    await settle();
    expect([cache.computed('a'), cache.computed('b'), cache.computed('c')]).toEqual([
      'a',
      undefined,
      'c',
    ]);
  });

  it('keeps a value computed elsewhere only if no write came since it began', () => {
    const data = new DataGeneration();
    const cache = new GenerationCache(data, 10);
    const began = data.current;
    data.bump();
    cache.keep('stale', 'mixed states', 1, began);
    expect(cache.computed('stale')).toBeUndefined();
    cache.keep('fresh', 'answer', 1, data.current);
    expect(cache.computed('fresh')).toBe('answer');
  });

  it('weighs kept values with the rest, replacing a key without counting it twice', () => {
    const cache = new GenerationCache(new DataGeneration(), 10);
    cache.keep('a', 'a1', 6, 0);
    cache.keep('a', 'a2', 6, 0);
    expect(cache.computed('a')).toBe('a2');
    cache.keep('b', 'b', 4, 0);
    expect([cache.computed('a'), cache.computed('b')]).toEqual(['a2', 'b']);
    cache.keep('c', 'c', 4, 0);
    expect([cache.computed('a'), cache.computed('b'), cache.computed('c')]).toEqual([
      undefined,
      'b',
      'c',
    ]);
  });
});
