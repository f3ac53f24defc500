import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/errors.js';

/** Something open that must be told the replica is going away (an `/events` stream). */
export type StreamCloser = () => void;

/**
 * Draining on shutdown (SIGTERM, or `app.close()`): from the first moment new turns and new event
 * streams are refused with 503 `SHUTTING_DOWN`, open event streams get a last comment and end (clients
 * reconnect, to another replica, with `Last-Event-ID`), and turns already running may finish for up
 * to `SHUTDOWN_GRACE_MS`. Nest calls this before it closes the HTTP server (which, with
 * `forceCloseConnections`, drops whatever is still open) and before Redis is closed.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(GracefulShutdown.name);
  private draining = false;
  private turns = 0;
  private idle: (() => void) | null = null;
  private readonly streams = new Set<StreamCloser>();

  constructor(private readonly config: AppConfig) {}

  get isDraining(): boolean {
    return this.draining;
  }

  /** The 503 `SHUTTING_DOWN` refusal of a draining replica (answered with `Retry-After: 1`). */
  static refusal(): DomainError {
    return new DomainError('SHUTTING_DOWN', 'This server is restarting; try again in a moment.', { retryAfterSeconds: 1 });
  }

  /** Registers a running turn; call the returned function (idempotent) when its stream ended. */
  turnStarted(): () => void {
    this.turns++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.turns--;
      if (this.turns === 0) this.idle?.();
    };
  }

  /** Registers an open event stream; returns its deregistration. */
  streamOpened(close: StreamCloser): () => void {
    this.streams.add(close);
    return () => this.streams.delete(close);
  }

  get turnsInFlight(): number {
    return this.turns;
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    const streams = [...this.streams];
    this.streams.clear();
    for (const close of streams) close();
    if (this.turns === 0) return;
    const graceMs = this.config.env.SHUTDOWN_GRACE_MS;
    this.logger.log(`Shutting down (${signal ?? 'close'}): waiting up to ${graceMs} ms for ${this.turns} turn(s)`);
    const finished = new Promise<void>((resolve) => (this.idle = resolve));
    const timer = new AbortController();
    const timedOut = sleep(graceMs, true, { signal: timer.signal }).catch(() => false);
    const late = await Promise.race([finished.then(() => false), timedOut]);
    timer.abort();
    if (late) this.logger.warn(`${this.turns} turn(s) still running after ${graceMs} ms; closing their connections`);
  }
}
