import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConversationSettings } from '../conversation.settings.js';
import { SessionStore } from '../store/session-store.js';

interface HeldLease {
  sessionId: string;
  /** When (epoch ms, this process's clock) the lease is next renewed. */
  renewAt: number;
}

/**
 * Keeps the leases of the turns running in this process: each is renewed for another `leaseMs` once a
 * third of it has passed, so a turn may run as long as it needs (a slow model call) while a replica
 * that dies mid-turn blocks its session for one lease at most. One timer serves every lease, and only
 * while some turn runs: a turn costs a map entry, not a timer of its own.
 */
@Injectable()
export class LeaseKeeper implements OnModuleDestroy {
  private readonly logger = new Logger(LeaseKeeper.name);
  private readonly held = new Map<string, HeldLease>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(SessionStore) private readonly store: SessionStore,
    private readonly settings: ConversationSettings,
  ) {}

  /** How often leases are looked at, and how long after its taking or last renewal one is renewed. */
  private get periodMs(): number {
    return Math.max(1, Math.floor(this.settings.leaseMs / 3));
  }

  /** Keeps the lease of `token` on `sessionId` until `release`. */
  hold(sessionId: string, token: string): void {
    this.held.set(token, { sessionId, renewAt: Date.now() + this.periodMs });
    if (!this.timer) {
      // Renewed at the latest two periods after it was taken: a third of the lease is left for Redis to answer.
      this.timer = setInterval(() => this.renewDue(), this.periodMs);
      this.timer.unref();
    }
  }

  release(token: string): void {
    this.held.delete(token);
  }

  /** Leases kept now (for tests and metrics). */
  get size(): number {
    return this.held.size;
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private renewDue(): void {
    if (this.held.size === 0) {
      this.onModuleDestroy();
      return;
    }
    const now = Date.now();
    for (const [token, lease] of this.held) {
      if (lease.renewAt > now) continue;
      lease.renewAt = now + this.periodMs;
      this.store.renewLease(lease.sessionId, token, this.settings.leaseMs).then(
        (kept) => {
          // Lost (it ran out, and another turn may hold it now): the turn's commit is fenced by its version.
          if (!kept && this.held.delete(token)) this.logger.warn(`Session ${lease.sessionId}: a running turn lost its lease`);
        },
        // The store did not answer: tried again next period, while the lease may still hold.
        () => undefined,
      );
    }
  }
}
