import type { Redis } from 'ioredis';
import { StoreUnavailableError } from './session-store.js';

/** How often releases are tried again (and at once when the connection is ready again). */
const RETRY_MS = 500;
/** Bound on releases waiting at once (one per turn that failed during an outage). */
export const MAX_PENDING_RELEASES = 10_000;

/**
 * Lease releases that could not reach Redis, tried again in the background: as soon as the connection
 * is ready again, then every half second, until each succeeds or its lease has expired anyway.
 *
 * Trap: a turn that fails because Redis is unreachable cannot release its lease either, and a lease
 * that outlives the outage (with a persistent Redis, even a restart) keeps the session's next turns at
 * 409 until it expires; so does a lease whose `SET` ran but whose reply was lost. A late release is
 * harmless: it deletes the lease only while the same token holds it.
 */
export class LeaseReleaseRetries {
  private readonly pending = new Map<string, { sessionId: string; expiresAt: number }>();
  private timer: NodeJS.Timeout | undefined;
  private awaitingReady = false;

  constructor(
    private readonly client: Redis,
    private readonly release: (sessionId: string, token: string) => Promise<unknown>,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  /** Keeps trying to release `token`'s lease on `sessionId` until `expiresAt` (epoch ms). */
  add(sessionId: string, token: string, expiresAt: number): void {
    if (this.pending.size >= MAX_PENDING_RELEASES || expiresAt <= Date.now()) return;
    this.pending.set(token, { sessionId, expiresAt });
    this.schedule();
  }

  private schedule(): void {
    if (this.pending.size === 0) return;
    if (!this.awaitingReady) {
      this.awaitingReady = true;
      this.client.once('ready', () => {
        this.awaitingReady = false;
        void this.retry();
      });
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.retry();
    }, RETRY_MS);
    // Never keeps the process alive at shutdown.
    this.timer.unref();
  }

  private async retry(): Promise<void> {
    if (this.client.status === 'end') {
      this.pending.clear();
      return;
    }
    const now = Date.now();
    await Promise.all(
      [...this.pending].map(async ([token, { sessionId, expiresAt }]) => {
        if (expiresAt <= now) {
          this.pending.delete(token);
          return;
        }
        try {
          await this.release(sessionId, token);
          this.pending.delete(token);
        } catch (error) {
          if (!(error instanceof StoreUnavailableError)) this.pending.delete(token);
        }
      }),
    );
    this.schedule();
  }
}
