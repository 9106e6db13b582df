/**
 * One writer at a time. A write changes the in-memory graph and re-derives groups from the
 * engine's current state; two interleaved writes would each derive from a state the other
 * is about to change. Reads never wait for it.
 */
export class WriteLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
