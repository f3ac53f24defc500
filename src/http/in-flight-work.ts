/** The kinds of work a replica drains on shutdown. */
export type WorkKind = 'turn' | 'callback' | 'sweep';

/** Stops a piece of work at the end of the grace: it must then give back its leases and claims. */
export type CutWork = () => void;

interface Running {
  kind: WorkKind;
  cut: CutWork | undefined;
}

/**
 * Work in flight in this process, of every kind the shutdown must wait for (issue 14, fault 1: turns
 * were counted, OAuth callbacks with their token exchange and expiry sweeps were not, so SIGTERM cut a
 * callback after ~40 ms). Each piece registers with how to cut it; `cutAll` stops what is still running
 * when the grace is over, so that it can give back what it holds (fault 2) before Redis closes.
 */
export class InFlightWork {
  private readonly running = new Set<Running>();
  private idle: (() => void)[] = [];

  /** Registers running work; call the returned function (idempotent) when it ended, however it ended. */
  begin(kind: WorkKind, cut?: CutWork): () => void {
    const entry: Running = { kind, cut };
    this.running.add(entry);
    return () => {
      if (!this.running.delete(entry) || this.running.size > 0) return;
      this.idle.splice(0).forEach((wake) => wake());
    };
  }

  get size(): number {
    return this.running.size;
  }

  /** How many pieces of each kind run now, e.g. `2 turn(s), 1 callback(s)`. */
  describe(): string {
    const counts = new Map<WorkKind, number>();
    for (const { kind } of this.running) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    return [...counts].map(([kind, count]) => `${count} ${kind}(s)`).join(', ');
  }

  count(kind: WorkKind): number {
    let count = 0;
    for (const entry of this.running) if (entry.kind === kind) count++;
    return count;
  }

  /** Resolves when nothing runs (at once when nothing does). */
  whenIdle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Cuts every piece still running that can be cut. */
  cutAll(): void {
    // Deleting from a Set while iterating it is safe: a cut piece that ends at once leaves the loop intact.
    for (const { cut } of this.running) cut?.();
  }
}
