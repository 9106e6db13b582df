/**
 * A directed multigraph that grows by appending edges, with out- and in-lists kept as
 * linked lists in typed arrays (head per node, next per edge). The control fixpoint adds
 * facts round by round and walks predecessors between rounds; rebuilding a CSR each
 * round would cost O(m) per round for nothing.
 */
import { int32, uint8 } from './typed-arena';

export class GrowableDigraph {
  private fromArr: Int32Array;
  private toArr: Int32Array;
  private nextOutArr: Int32Array;
  private nextInArr: Int32Array;
  private tagArr: Uint8Array;
  readonly headOut: Int32Array;
  readonly headIn: Int32Array;
  edgeCount = 0;

  constructor(
    readonly nodeCount: number,
    initialEdges = 16,
  ) {
    const cap = Math.max(1, initialEdges);
    this.fromArr = int32(cap);
    this.toArr = int32(cap);
    this.nextOutArr = int32(cap);
    this.nextInArr = int32(cap);
    this.tagArr = uint8(cap);
    this.headOut = int32(nodeCount).fill(-1);
    this.headIn = int32(nodeCount).fill(-1);
  }

  /** Adds u -> v; a non-zero `tag` lets a walk skip the edge (see Reachability). */
  addEdge(u: number, v: number, tag = 0): number {
    if (this.edgeCount === this.toArr.length) this.grow();
    const e = this.edgeCount++;
    this.tagArr[e] = tag;
    this.fromArr[e] = u;
    this.toArr[e] = v;
    this.nextOutArr[e] = this.headOut[u];
    this.headOut[u] = e;
    this.nextInArr[e] = this.headIn[v];
    this.headIn[v] = e;
    return e;
  }

  // Accessors return the live arrays; callers re-read them after adding edges.
  get from(): Int32Array {
    return this.fromArr;
  }
  get to(): Int32Array {
    return this.toArr;
  }
  get nextOut(): Int32Array {
    return this.nextOutArr;
  }
  get nextIn(): Int32Array {
    return this.nextInArr;
  }
  get tag(): Uint8Array {
    return this.tagArr;
  }

  private grow(): void {
    const cap = this.toArr.length * 2;
    const widen = (a: Int32Array): Int32Array => {
      const b = int32(cap);
      b.set(a);
      return b;
    };
    this.fromArr = widen(this.fromArr);
    this.toArr = widen(this.toArr);
    this.nextOutArr = widen(this.nextOutArr);
    this.nextInArr = widen(this.nextInArr);
    const tags = uint8(cap);
    tags.set(this.tagArr);
    this.tagArr = tags;
  }
}
