import type { DataGeneration } from './data-generation';

interface Entry {
  value: Promise<unknown>;
  /** Rows the value holds (e.g. members, checks, facilities): what bounds the cache's memory. */
  weight: number;
  /** Set once the value is computed and kept: it can then be handed out without a promise. */
  computed: boolean;
  result: unknown;
  /** When it was last asked for (a tick of the cache's own clock). */
  lastUsed: number;
}

/** E.g. about 100 000 group-member rows with their checks: a few hundred MB at most. */
export const DEFAULT_CACHE_WEIGHT = 100_000;

/** Once over its weight, the cache drops values down to this share of it, not just one. */
const EVICT_TO = 0.9;

/**
 * Read results (exposure views, parties) already computed, shared by every request, for as long as the data
 * generation stays where it was when they were computed. Any write that can change an answer
 * bumps the generation (see DataGeneration), and the next access drops every entry; a value
 * whose computation began before a write is handed to its own requesters but never stored.
 * Concurrent requests for the same key share one computation. Least recently used entries
 * go first once the weight bound is reached. Cached values are shared: never mutate them.
 */
export class GenerationCache {
  private readonly entries = new Map<string, Entry>();
  private totalWeight = 0;
  private generation: number;
  private clock = 0;

  constructor(
    private readonly data: DataGeneration,
    private readonly maxWeight = DEFAULT_CACHE_WEIGHT,
  ) {
    this.generation = data.current;
    // Dropped at the write, not at the next read: a write phase with no read between (or a
    // whole-bank pass, the process's memory peak) would otherwise carry every stale answer.
    data.onBump(() => this.sync());
  }

  /** The weight of the values held now (no entry is dropped by asking). */
  get heldWeight(): number {
    return this.totalWeight;
  }

  get size(): number {
    this.sync();
    return this.entries.size;
  }

  /**
   * The value stored under `key` if it is computed already, else undefined: lets a hot read
   * answer at once, without a promise, and fall back to `through` otherwise.
   */
  computed<V>(key: string): V | undefined {
    this.sync();
    const hit = this.entries.get(key);
    if (hit === undefined || !hit.computed) return undefined;
    hit.lastUsed = ++this.clock;
    return hit.result as V;
  }

  /** The value stored under `key`, else `compute()`'s, stored when no write came in between. */
  through<V>(key: string, compute: () => Promise<V>, weightOf: (value: V) => number): Promise<V> {
    this.sync();
    const hit = this.entries.get(key);
    if (hit) {
      hit.lastUsed = ++this.clock;
      return hit.value as Promise<V>;
    }
    const startedAt = this.generation;
    const value = compute();
    const entry: Entry = { value, weight: 0, computed: false, result: undefined, lastUsed: 0 };
    entry.lastUsed = ++this.clock;
    this.entries.set(key, entry);
    value.then(
      (v) => {
        if (this.data.current !== startedAt || this.entries.get(key) !== entry) {
          if (this.entries.get(key) === entry) this.entries.delete(key);
          return;
        }
        entry.weight = Math.max(1, weightOf(v));
        entry.computed = true;
        entry.result = v;
        this.totalWeight += entry.weight;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }

  /**
   * Stores a value computed elsewhere (e.g. a whole GraphQL answer), unless the generation
   * moved on since `computedAt`, when the computation began: such a value may mix states.
   */
  keep(key: string, value: unknown, weight: number, computedAt: number): void {
    this.sync();
    if (this.data.current !== computedAt) return;
    const previous = this.entries.get(key);
    if (previous?.computed) this.totalWeight -= previous.weight;
    const entry: Entry = {
      value: Promise.resolve(value),
      weight: Math.max(1, weight),
      computed: true,
      result: value,
      lastUsed: ++this.clock,
    };
    this.entries.set(key, entry);
    this.totalWeight += entry.weight;
    this.evict();
  }

  private sync(): void {
    if (this.data.current === this.generation) return;
    this.generation = this.data.current;
    this.entries.clear();
    this.totalWeight = 0;
  }

  /**
   * Least recently used first, down to EVICT_TO of the bound, so the sort is paid once per
   * tenth of the cache, not on every insert. Values still being computed are not counted yet.
   */
  private evict(): void {
    if (this.totalWeight <= this.maxWeight) return;
    const target = this.maxWeight * EVICT_TO;
    const computed = [...this.entries].filter(([, e]) => e.computed);
    computed.sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key, entry] of computed) {
      if (this.totalWeight <= target) return;
      this.entries.delete(key);
      this.totalWeight -= entry.weight;
    }
  }
}
