/**
 * Typed arrays for one whole-bank pass from records, carved from one buffer (the pass from
 * columns, in the derivation worker, allocates its arrays one by one: see derive-groups).
 *
 * Why: V8 counts every ArrayBuffer as external memory, and an allocation that takes it far
 * past its limit (64 MB over the level of the last full collection) starts a full mark of
 * the whole JavaScript heap, which in a server holds the bank's records (about 1 GB at a
 * million entities): several seconds of marking, on the core the derivation needs, for a
 * few hundred MB of scratch arrays. Two measures: one buffer per derivation instead of an
 * allocation per array, and that buffer a SharedArrayBuffer, whose bytes V8 does not count
 * per isolate (measured: a 436 MB ArrayBuffer next to a 790 MB heap starts a 1.8–2.6 s
 * mark, a SharedArrayBuffer of the same size none). The buffer is freed like any other once
 * unreachable (every array of a derivation keeps it alive, so for as long as the derivation).
 * The arena is a bump allocator: nothing is freed until the whole buffer is unreachable, so
 * it is sized from the graph and used only for the duration of a derivation
 * (`withTypedArena`); outside one, the helpers allocate as usual. Fresh arena memory is
 * zero-filled, like `new Int32Array(n)`.
 */

const ALIGN = 8;
/** Below this many bytes an array is cheaper to allocate on its own. */
const SMALL = 4096;

// Globals read once: under jest the code runs in a vm context, where each read of a global
// goes through an interceptor (~100 ns), and these run for every small array.
const Int32 = Int32Array;
const Uint8 = Uint8Array;
const Float64 = Float64Array;
const Shared = SharedArrayBuffer;

class TypedArena {
  private buffer: SharedArrayBuffer;
  private offset = 0;
  used = 0;

  constructor(private readonly chunkBytes: number) {
    this.buffer = new Shared(chunkBytes);
  }

  /** `bytes` aligned to 8 from the current chunk, or from a new one when it is full. */
  take(bytes: number): [SharedArrayBuffer, number] {
    const size = Math.ceil(bytes / ALIGN) * ALIGN;
    if (this.offset + size > this.buffer.byteLength) {
      // An under-estimate: a further chunk, at least a quarter of the first.
      this.buffer = new Shared(Math.max(size, this.chunkBytes >> 2));
      this.offset = 0;
    }
    const at = this.offset;
    this.offset += size;
    this.used += size;
    return [this.buffer, at];
  }
}

let current: TypedArena | null = null;
let lastUsed = 0;

/**
 * Runs `work` with typed-array helpers served from one buffer of `bytes`, when that is at
 * least `minimumBytes` (below it, separate arrays cost no more). Inside an arena already,
 * `work` keeps using that one.
 */
export function withTypedArena<T>(bytes: number, work: () => T, minimumBytes = 1 << 24): T {
  if (bytes < minimumBytes || current !== null) return work();
  const previous = current;
  const arena = new TypedArena(Math.ceil(bytes / ALIGN) * ALIGN);
  current = arena;
  try {
    return work();
  } finally {
    current = previous;
    lastUsed = arena.used;
  }
}

/** Bytes the last arena handed out: for sizing estimates in measurements. */
export function lastArenaBytesUsed(): number {
  return lastUsed;
}

export function int32(length: number): Int32Array {
  const bytes = length * 4;
  if (current === null || bytes < SMALL) return new Int32(length);
  const [buffer, at] = current.take(bytes);
  return new Int32(buffer, at, length);
}

export function uint8(length: number): Uint8Array {
  if (current === null || length < SMALL) return new Uint8(length);
  const [buffer, at] = current.take(length);
  return new Uint8(buffer, at, length);
}

export function float64(length: number): Float64Array {
  const bytes = length * 8;
  if (current === null || bytes < SMALL) return new Float64(length);
  const [buffer, at] = current.take(bytes);
  return new Float64(buffer, at, length);
}

/** A copy of `values[0 .. length)` (the whole array by default). */
export function copyInt32(values: ArrayLike<number>, length = values.length): Int32Array {
  const out = int32(length);
  for (let i = 0; i < length; i++) out[i] = values[i];
  return out;
}
