/**
 * Breadth-first walks of bounded depth over one family relation (parents, children or
 * spouses, as CSR adjacency whose slots carry the family row), keeping the first path to
 * each node. The walk lives in reused typed buffers: kinship asks it for hundreds of
 * thousands of persons, and per-walk sets and path arrays were most of the cost.
 */
import { Csr } from '../graph/csr';
import { IntBuffer } from '../graph/int-buffer';
import { int32 } from '../graph/typed-arena';

export class KinWalk {
  /** Entry k reached `node[k]` from entry `prev[k]` (-1 for the start) by family row `row[k]`. */
  readonly node = new IntBuffer(16);
  private readonly prev = new IntBuffer(16);
  private readonly row = new IntBuffer(16);
  /** Entries of level d are `levelEnd[d - 1] .. levelEnd[d]` (level 0 is the start alone). */
  private readonly levelEnd = new IntBuffer(8);

  constructor(private readonly seen: Stamps) {}

  /** Walks up to `depth` steps from `start`; each node once, at its first (shortest) reach. */
  run(start: number, edges: Csr, rowOfSlot: Int32Array, depth: number): void {
    this.node.clear();
    this.prev.clear();
    this.row.clear();
    this.levelEnd.clear();
    const epoch = this.seen.next();
    this.push(start, -1, -1);
    this.seen.mark[start] = epoch;
    this.levelEnd.push(1);
    const { offsets, targets } = edges;
    for (let d = 1; d <= depth; d++) {
      const from = d === 1 ? 0 : this.levelEnd.at(d - 2);
      const to = this.levelEnd.at(d - 1);
      for (let k = from; k < to; k++) {
        const u = this.node.at(k);
        for (let e = offsets[u]; e < offsets[u + 1]; e++) {
          const v = targets[e];
          if (this.seen.mark[v] === epoch) continue;
          this.seen.mark[v] = epoch;
          this.push(v, k, rowOfSlot[e]);
        }
      }
      if (this.node.length === to) break;
      this.levelEnd.push(this.node.length);
    }
  }

  /** Levels reached, the start's level 0 included. */
  get levels(): number {
    return this.levelEnd.length;
  }

  levelStart(d: number): number {
    return d === 0 ? 0 : this.levelEnd.at(d - 1);
  }

  levelStop(d: number): number {
    return this.levelEnd.at(d);
  }

  /** The family rows from the start to entry k, in walking order, after `prefix`. */
  rowsTo(k: number, prefix: readonly number[] = []): number[] {
    let length = 0;
    for (let j = k; this.prev.at(j) !== -1; j = this.prev.at(j)) length++;
    const rows = new Array<number>(prefix.length + length);
    for (let i = 0; i < prefix.length; i++) rows[i] = prefix[i];
    let at = rows.length;
    for (let j = k; this.prev.at(j) !== -1; j = this.prev.at(j)) rows[--at] = this.row.at(j);
    return rows;
  }

  private push(node: number, prev: number, row: number): void {
    this.node.push(node);
    this.prev.push(prev);
    this.row.push(row);
  }
}

/** Epoch-stamped marks over all nodes, shared by walks that never overlap in time. */
export class Stamps {
  readonly mark: Int32Array;
  private epoch = 0;

  constructor(size: number) {
    this.mark = int32(size);
  }

  next(): number {
    return ++this.epoch;
  }
}
