/**
 * Counts the changes that can alter a read's answer (graph edges, facilities, drawings, FX,
 * capital, limits, policy, the calendar day). Every path that writes them calls `bump()`
 * once its transaction has ended, committed or not: a reader that took the number before the
 * write then sees it move and does not keep what it computed meanwhile.
 */
export class DataGeneration {
  private value = 0;
  private readonly listeners: (() => void)[] = [];

  get current(): number {
    return this.value;
  }

  bump(): void {
    this.value++;
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after every bump (for the app's lifetime: app-wide caches only). */
  onBump(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Runs `work`, then bumps whatever its outcome (a rolled-back write may have shown through). */
  async around<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      this.bump();
    }
  }
}
