/**
 * One record per edge for as long as anyone holds it: callers of the graph store collect
 * edges in sets by reference (a scope walk meets an edge from both its ends), while the store
 * itself keeps columns, not records. Weak references, so records nobody holds are collected.
 */
export class EdgeIdentity<T extends object> {
  private readonly held = new Map<number, WeakRef<T>>();
  private readonly cleanup = new FinalizationRegistry<number>((ref) => {
    if (this.held.get(ref)?.deref() === undefined) this.held.delete(ref);
  });

  get(ref: number, make: () => T): T {
    const known = this.held.get(ref)?.deref();
    if (known) return known;
    const made = make();
    this.held.set(ref, new WeakRef(made));
    this.cleanup.register(made, ref);
    return made;
  }

  /** The edge is gone (its reference is never used again). */
  forget(ref: number): void {
    this.held.delete(ref);
  }
}
