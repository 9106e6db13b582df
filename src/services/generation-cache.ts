import type { DataGeneration } from './data-generation';

interface Entry {
  value: Promise<unknown>;
  /** Rows the value holds (e.g. members, checks, facilities): what bounds the cache's memory. */
  weight: number;
}

/** E.g. about 100 000 group-member rows with their checks: a few hundred MB at most. */
export const DEFAULT_CACHE_WEIGHT = 100_000;

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

  constructor(
    private readonly data: DataGeneration,
    private readonly maxWeight = DEFAULT_CACHE_WEIGHT,
  ) {
    this.generation = data.current;
  }

  get size(): number {
    this.sync();
    return this.entries.size;
  }

  /** The value stored under `key`, else `compute()`'s, stored when no write came in between. */
  through<V>(key: string, compute: () => Promise<V>, weightOf: (value: V) => number): Promise<V> {
    this.sync();
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<V>;
    }
    const startedAt = this.generation;
    const value = compute();
    const entry: Entry = { value, weight: 0 };
    this.entries.set(key, entry);
    value.then(
      (v) => {
        if (this.data.current !== startedAt || this.entries.get(key) !== entry) {
          if (this.entries.get(key) === entry) this.entries.delete(key);
          return;
        }
        entry.weight = Math.max(1, weightOf(v));
        this.totalWeight += entry.weight;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }

  private sync(): void {
    if (this.data.current === this.generation) return;
    this.generation = this.data.current;
    this.entries.clear();
    this.totalWeight = 0;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.totalWeight <= this.maxWeight) return;
      // Still being computed: its weight is not counted yet.
      if (entry.weight === 0) continue;
      this.entries.delete(key);
      this.totalWeight -= entry.weight;
    }
  }
}
