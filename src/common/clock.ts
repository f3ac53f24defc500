/** Where time comes from; tests inject a `FakeClock` and advance it instead of sleeping. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}
export const Clock = Symbol('Clock');

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
}

/** A clock that moves only when told to. */
export class FakeClock implements Clock {
  constructor(private current = Date.UTC(2026, 0, 1, 8, 0, 0)) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(epochMs: number): void {
    this.current = epochMs;
  }
}
