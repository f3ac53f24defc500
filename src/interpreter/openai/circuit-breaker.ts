import type { Clock } from '../../common/clock.js';

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long it stays open before one trial call is let through. */
  openMs: number;
}

export const DEFAULT_CIRCUIT: CircuitBreakerOptions = { failureThreshold: 5, openMs: 30_000 };

/** Permission to make one call; hand it back with exactly one of `success`, `failure` or `release`. */
export interface CircuitPermit {
  readonly trial: boolean;
}

/**
 * Stops calling a failing endpoint for a while. Closed: every call goes through and consecutive failures
 * are counted. Open: no call goes through until `openMs` has passed. Half-open: exactly one trial call
 * goes through; its success closes the circuit, its failure opens it for another `openMs`, and other calls
 * meanwhile are refused. Time comes from the injected clock, so specs never sleep.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    private readonly clock: Clock,
    private readonly options: CircuitBreakerOptions = DEFAULT_CIRCUIT,
    private readonly onChange: (state: CircuitState) => void = () => undefined,
  ) {}

  get state(): CircuitState {
    return this.current;
  }

  /** A permit to call, or null when the circuit refuses (open, or half-open with its trial in flight). */
  acquire(): CircuitPermit | null {
    if (this.current === 'open') {
      if (this.clock.now() - this.openedAt < this.options.openMs) return null;
      this.move('half_open');
    }
    if (this.current === 'half_open') {
      if (this.trialInFlight) return null;
      this.trialInFlight = true;
      return { trial: true };
    }
    return { trial: false };
  }

  success(permit: CircuitPermit): void {
    if (permit.trial) this.trialInFlight = false;
    this.failures = 0;
    if (this.current !== 'closed') this.move('closed');
  }

  failure(permit: CircuitPermit): void {
    if (permit.trial) this.trialInFlight = false;
    this.failures++;
    const trialFailed = permit.trial && this.current === 'half_open';
    if (trialFailed || (this.current === 'closed' && this.failures >= this.options.failureThreshold)) {
      this.openedAt = this.clock.now();
      this.move('open');
    }
  }

  /** The call ended without telling anything about the endpoint (e.g. the client went away). */
  release(permit: CircuitPermit): void {
    if (permit.trial) this.trialInFlight = false;
  }

  private move(state: CircuitState): void {
    this.current = state;
    this.onChange(state);
  }
}
