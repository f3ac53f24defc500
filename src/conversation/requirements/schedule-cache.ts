/**
 * A small bounded memo for what a schedule's words and next runs cost to compute (cronstrue, croner
 * and `Intl.DateTimeFormat` are each tens of microseconds, and a turn shows a schedule up to twice).
 * When full it starts over rather than tracking recency: the working set is a handful of schedules.
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string, compute: () => V): V {
    const known = this.entries.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }
}

/** The minute `now` falls in: a 5-field cron's next runs are the same for any instant within it. */
export const minuteOf = (now: number): number => Math.floor(now / 60_000);
