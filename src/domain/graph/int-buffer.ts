/**
 * A growable Int32Array used as a reusable scratch list: cleared by resetting its length,
 * so hot loops append without allocating per node.
 */
import { int32 } from './typed-arena';

export class IntBuffer {
  private data: Int32Array;
  length = 0;

  constructor(initialCapacity = 16) {
    this.data = int32(initialCapacity > 1 ? initialCapacity : 1);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = int32(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i];
  }

  clear(): void {
    this.length = 0;
  }

  /** A copy of the live part. */
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
