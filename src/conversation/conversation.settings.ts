import { AppConfig } from '../config/app-config.js';

/** The conversation's limits and timings, read once from the validated config. */
export class ConversationSettings {
  readonly idleTimeoutMs: number;
  readonly expiryWarningMs: number;
  readonly expiredRetentionMs: number;
  readonly leaseMs: number;
  /** Longest a queued turn (`multitask: "enqueue"`) waits for its session. */
  readonly queueWaitMs: number;
  readonly historyCap: number;
  readonly transcriptCap: number;
  readonly sessionsPerUser: number;
  /** Turns per user per one-minute window (`RATE_LIMIT_TURNS_PER_MINUTE`). */
  readonly turnsPerMinute: number;
  /** Most phase hops one turn may take (a loop guard; a full pass is 7). */
  readonly maxHopsPerTurn = 12;

  constructor(config: AppConfig) {
    const env = config.env;
    this.idleTimeoutMs = env.SESSION_IDLE_TIMEOUT_MS;
    this.expiryWarningMs = Math.min(env.SESSION_EXPIRY_WARNING_MS, env.SESSION_IDLE_TIMEOUT_MS);
    this.expiredRetentionMs = env.SESSION_EXPIRED_RETENTION_MS;
    this.leaseMs = env.TURN_LEASE_MS;
    this.queueWaitMs = env.TURN_QUEUE_WAIT_MS;
    this.historyCap = env.HISTORY_CAP;
    this.transcriptCap = env.TRANSCRIPT_CAP;
    this.sessionsPerUser = env.SESSIONS_PER_USER;
    this.turnsPerMinute = env.RATE_LIMIT_TURNS_PER_MINUTE;
  }

  /** Lifetime of an active session's record: idle timeout plus the tombstone retention, so the sweep always gets there first. */
  get activeTtlMs(): number {
    return this.idleTimeoutMs + this.expiredRetentionMs;
  }
}
