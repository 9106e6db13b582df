/**
 * Epoch-stamped reachability walks on a GrowableDigraph: each call marks what it visits
 * with a fresh epoch, so no per-call clearing or allocation is needed. With
 * `skipTagged`, edges added with a non-zero tag are not followed.
 */
import { GrowableDigraph } from './growable-digraph';
import { IntBuffer } from './int-buffer';
import { int32 } from './typed-arena';

export class Reachability {
  private readonly mark: Int32Array;
  private readonly stack: Int32Array;
  private readonly single = new Int32Array(1);
  private epoch = 0;

  constructor(
    private readonly graph: GrowableDigraph,
    private readonly skipTagged = false,
  ) {
    this.mark = int32(graph.nodeCount);
    this.stack = int32(graph.nodeCount);
  }

  /** Appends `start` and every node with a path to it (its ancestors) to `out`. */
  ancestors(start: number, out: IntBuffer): void {
    this.single[0] = start;
    this.walk(this.single, out, false);
  }

  /** Appends the starts and every node reachable from one of them to `out`, each once. */
  descendants(starts: ArrayLike<number>, out: IntBuffer): void {
    this.walk(starts, out, true);
  }

  private walk(starts: ArrayLike<number>, out: IntBuffer, forward: boolean): void {
    const g = this.graph;
    const head = forward ? g.headOut : g.headIn;
    const next = forward ? g.nextOut : g.nextIn;
    const other = forward ? g.to : g.from;
    const tag = g.tag;
    const skipTagged = this.skipTagged;
    const epoch = ++this.epoch;
    const mark = this.mark;
    const stack = this.stack;
    let top = 0;
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i];
      if (mark[start] === epoch) continue;
      mark[start] = epoch;
      stack[top++] = start;
    }
    while (top > 0) {
      const u = stack[--top];
      out.push(u);
      for (let e = head[u]; e !== -1; e = next[e]) {
        if (skipTagged && tag[e] !== 0) continue;
        const v = other[e];
        if (mark[v] !== epoch) {
          mark[v] = epoch;
          stack[top++] = v;
        }
      }
    }
  }
}
