import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { ConversationSettings } from '../conversation.settings.js';
import type { Turn } from '../phases/turn.js';
import { type CommittedState, SessionStore } from '../store/session-store.js';
import { type NewTurn, TurnRunner } from '../turn/turn-runner.js';

/**
 * Longest the sweep runs before letting the event loop serve requests again. Trap: with the memory
 * store every await resolves at once, so without this a sweep of 10 000 sessions held the loop for its
 * whole length (over 100 ms) and every request waited behind it.
 */
const SLICE_MS = 10;

/**
 * Sessions expired per store call of the batch path. Trap: each batch runs without yielding (with the
 * memory store nothing in it awaits), so it must stay well under the 20 ms the loop may be held.
 */
const EXPIRE_BATCH = 250;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface SweepResult {
  warned: number;
  expired: number;
}

/**
 * Warns sessions about to expire and expires the idle ones. Reads only the idle index past the warning
 * threshold, so a sweep costs in proportion to the sessions near or past their timeout, not to all sessions.
 * Safe on every replica at once: each change is a versioned save under the session's lease.
 */
@Injectable()
export class SessionExpirer {
  private readonly logger = new Logger(SessionExpirer.name);
  /** Sessions handled per sweep; the rest wait for the next one. */
  private readonly batch = 10_000;

  constructor(
    @Inject(SessionStore) private readonly store: SessionStore,
    @Inject(Clock) private readonly clock: Clock,
    private readonly runner: TurnRunner,
    private readonly settings: ConversationSettings,
  ) {}

  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    const result: SweepResult = { warned: 0, expired: await this.expireBatches(now) };
    // What is left in the warning window (and an idle session a turn held during the batches) goes
    // session by session, under its lease.
    const warnFrom = now - (this.settings.idleTimeoutMs - this.settings.expiryWarningMs);
    const ids = await this.store.findIdle(warnFrom, this.batch);
    let sliceStarted = performance.now();
    for (const sessionId of ids) {
      if (performance.now() - sliceStarted >= SLICE_MS) {
        await yieldToLoop();
        sliceStarted = performance.now();
      }
      try {
        // A session in a turn right now is not idle: skipped.
        const outcome = await this.runner.run({
          sessionId,
          whenBusy: async () => undefined,
          play: async (original, newTurn) => this.expireOrWarn(original, now, newTurn),
        });
        const type = outcome?.events[0]?.type;
        if (type) result[type === 'expired' ? 'expired' : 'warned']++;
      } catch (error) {
        // Anything else is retried on the next sweep.
        this.logger.warn(`Could not sweep session ${sessionId}: ${(error as Error).message}`);
      }
    }
    return result;
  }

  /**
   * Sessions idle past the timeout become tombstones through the store's batch path, `EXPIRE_BATCH`
   * at a time, with the event loop let go between batches.
   */
  private async expireBatches(now: number): Promise<number> {
    const before = now - this.settings.idleTimeoutMs + 1;
    let expired = 0;
    while (expired < this.batch) {
      const limit = Math.min(EXPIRE_BATCH, this.batch - expired);
      let count: number;
      try {
        count = await this.runner.expireIdle(before, now, limit);
      } catch (error) {
        this.logger.warn(`Could not expire idle sessions: ${(error as Error).message}`);
        break;
      }
      expired += count;
      if (count < limit) break;
      await yieldToLoop();
    }
    return expired;
  }

  /** The expiry (`expired`) or warning (`expiring`) turn the session is due, or null. */
  private expireOrWarn(original: CommittedState | null, now: number, newTurn: NewTurn): Turn | null {
    if (!original || original.status !== 'active') return null;
    const expiresAt = original.lastActivityAt + this.settings.idleTimeoutMs;
    const turn = newTurn(original);
    if (expiresAt <= now) {
      turn.state = { ...turn.state, status: 'expired', expiredAt: now };
      turn.emit({ type: 'expired', data: { at: new Date(now).toISOString() } });
      return turn;
    }
    if (original.expiryWarnedAt !== null || expiresAt - now > this.settings.expiryWarningMs) return null;
    turn.state = { ...turn.state, expiryWarnedAt: now };
    turn.emit({ type: 'expiring', data: { expiresAt: new Date(expiresAt).toISOString() } });
    return turn;
  }
}
