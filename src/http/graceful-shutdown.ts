import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/errors.js';
import { type CutWork, InFlightWork, type WorkKind } from './in-flight-work.js';

/** Something open that must be told the replica is going away (an `/events` stream). */
export type StreamCloser = () => void;

/** How long work cut at the end of the grace gets to give back its leases and claims before Redis closes. */
export const CUT_SETTLE_MS = 2_000;

/**
 * Draining on shutdown (SIGTERM, or `app.close()`): from the first moment new turns and OAuth
 * callbacks are refused with 503 `SHUTTING_DOWN` and no sweep starts; event streams open then get a
 * last frame and end (their clients reconnect with `Last-Event-ID`); work already running (turns,
 * callbacks with their token exchange, sweeps) may finish for up to `SHUTDOWN_GRACE_MS`. What still
 * runs then is cut and given `CUT_SETTLE_MS` to give back its lease and OAuth claim (issue 14, faults
 * 1 and 2). Nest calls this before it closes the HTTP server (which, with `forceCloseConnections`,
 * drops whatever is still open) and before Redis is closed.
 *
 * `/events` streams are still served while draining (issue 14, fault 7): a WHATWG EventSource that
 * reconnects to a draining replica and gets a non-200 answer gives up for good. Those streams end with
 * the same last frame when the drain is over.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(GracefulShutdown.name);
  private draining = false;
  private readonly work = new InFlightWork();
  private readonly streams = new Set<StreamCloser>();

  constructor(private readonly config: AppConfig) {}

  get isDraining(): boolean {
    return this.draining;
  }

  /** The 503 `SHUTTING_DOWN` refusal of a draining replica (answered with `Retry-After: 1`). */
  static refusal(): DomainError {
    return new DomainError('SHUTTING_DOWN', 'This server is restarting; try again in a moment.', { retryAfterSeconds: 1 });
  }

  /** Registers a running turn, with how to cut it; call the returned function (idempotent) when its stream ended. */
  turnStarted(cut?: CutWork): () => void {
    return this.work.begin('turn', cut);
  }

  /** Registers other running work (an OAuth callback, a sweep); same contract as `turnStarted`. */
  workStarted(kind: Exclude<WorkKind, 'turn'>, cut?: CutWork): () => void {
    return this.work.begin(kind, cut);
  }

  /** Registers an open event stream; returns its deregistration. */
  streamOpened(close: StreamCloser): () => void {
    this.streams.add(close);
    return () => this.streams.delete(close);
  }

  get turnsInFlight(): number {
    return this.work.count('turn');
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    this.closeStreams();
    if (this.work.size > 0) {
      const graceMs = this.config.env.SHUTDOWN_GRACE_MS;
      this.logger.log(`Shutting down (${signal ?? 'close'}): waiting up to ${graceMs} ms for ${this.work.describe()}`);
      if (!(await this.settles(graceMs))) {
        this.logger.warn(`${this.work.describe()} still running after ${graceMs} ms; cutting them`);
        this.work.cutAll();
        if (!(await this.settles(CUT_SETTLE_MS))) this.logger.warn(`${this.work.describe()} did not settle after being cut`);
      }
    }
    // Streams opened while draining end now, before the listener closes.
    this.closeStreams();
  }

  /** Whether the work in flight ended within `ms`. */
  private async settles(ms: number): Promise<boolean> {
    const timer = new AbortController();
    const timedOut = sleep(ms, false, { signal: timer.signal }).catch(() => true);
    const finished = await Promise.race([this.work.whenIdle().then(() => true), timedOut]);
    timer.abort();
    return finished;
  }

  private closeStreams(): void {
    const streams = [...this.streams];
    this.streams.clear();
    for (const close of streams) close();
  }
}
