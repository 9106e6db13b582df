/**
 * Disjoint-set forest (union-find) with union by size and path halving: near-constant
 * amortised time per operation (Tarjan 1975), two Int32Arrays of memory.
 */
import { int32 } from './typed-arena';

export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(readonly count: number) {
    this.parent = int32(count);
    this.size = int32(count).fill(1);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Joins the sets of a and b; returns false when they were already one set. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
    return true;
  }

  connected(a: number, b: number): boolean {
    return this.find(a) === this.find(b);
  }

  /**
   * Dense labels 0..k-1 numbered in order of each set's smallest element, so sets come
   * out sorted by their first member.
   */
  labels(): { labelOf: Int32Array; count: number } {
    const labelOf = int32(this.count);
    const labelOfRoot = int32(this.count).fill(-1);
    let count = 0;
    for (let i = 0; i < this.count; i++) {
      const root = this.find(i);
      if (labelOfRoot[root] === -1) labelOfRoot[root] = count++;
      labelOf[i] = labelOfRoot[root];
    }
    return { labelOf, count };
  }
}
