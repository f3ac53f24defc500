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
    const warnFrom = now - (this.settings.idleTimeoutMs - this.settings.expiryWarningMs);
    const ids = await this.store.findIdle(warnFrom, this.batch);
    const result: SweepResult = { warned: 0, expired: 0 };
    let sliceStarted = performance.now();
    for (const sessionId of ids) {
      if (performance.now() - sliceStarted >= SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
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
