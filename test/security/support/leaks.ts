/**
 * Leak accounting for the disconnect tests: active handles by type (sockets, ref'd timers) from
 * `process.getActiveResourcesInfo()`, and every interval or timeout created through the globals of
 * the test realm (the app's modules run in it under Jest), which also sees `unref`'d timers that
 * `getActiveResourcesInfo()` leaves out.
 */
export type ResourceCounts = Record<string, number>;

export function activeResources(): ResourceCounts {
  const counts: ResourceCounts = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** Types whose count grew by more than `tolerance` since `baseline`, as `type: before → after`. */
export function grownSince(baseline: ResourceCounts, now: ResourceCounts, tolerance: number, types: readonly string[]): string[] {
  return types
    .filter((type) => (now[type] ?? 0) > (baseline[type] ?? 0) + tolerance)
    .map((type) => `${type}: ${baseline[type] ?? 0} → ${now[type] ?? 0}`);
}

export interface TimerTracker {
  /** Intervals created since `install` and not cleared yet, with the stack that created each. */
  liveIntervals(): string[];
  /** Timeouts created since `install` that neither fired nor were cleared. */
  pendingTimeouts(): string[];
  restore(): void;
}

/** Wraps the realm's `setInterval`/`setTimeout` and their `clear*` to keep the live ones. */
export function trackTimers(): TimerTracker {
  const g = globalThis as typeof globalThis & Record<string, unknown>;
  const original = { setInterval: g.setInterval, clearInterval: g.clearInterval, setTimeout: g.setTimeout, clearTimeout: g.clearTimeout };
  const intervals = new Map<unknown, string>();
  const timeouts = new Map<unknown, string>();
  const origin = (): string => (new Error().stack ?? '').split('\n').slice(2, 6).join(' | ');
  const keyOf = (timer: unknown): unknown => (timer && typeof timer === 'object' && Symbol.toPrimitive in timer ? Number(timer) : timer);

  g.setInterval = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = original.setInterval(handler, ms, ...args);
    intervals.set(keyOf(timer), origin());
    return timer;
  }) as typeof setInterval;
  g.clearInterval = ((timer?: Parameters<typeof clearInterval>[0]) => {
    intervals.delete(keyOf(timer));
    timeouts.delete(keyOf(timer));
    original.clearInterval(timer);
  }) as typeof clearInterval;
  g.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    let key: unknown;
    const timer = original.setTimeout(
      (...callArgs: unknown[]) => {
        timeouts.delete(key);
        handler(...callArgs);
      },
      ms,
      ...args,
    );
    key = keyOf(timer);
    timeouts.set(key, origin());
    return timer;
  }) as typeof setTimeout;
  g.clearTimeout = ((timer?: Parameters<typeof clearTimeout>[0]) => {
    timeouts.delete(keyOf(timer));
    intervals.delete(keyOf(timer));
    original.clearTimeout(timer);
  }) as typeof clearTimeout;

  return {
    liveIntervals: () => [...intervals.values()],
    pendingTimeouts: () => [...timeouts.values()],
    restore: () => Object.assign(g, original),
  };
}
