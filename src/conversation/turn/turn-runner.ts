import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/errors.js';
import { ConversationMetrics } from '../../metrics/conversation-metrics.js';
import { type ChatResponse, LIVE_ONLY } from '../chat-response.js';
import { ConversationSettings } from '../conversation.settings.js';
import { SessionEventBus } from '../events/session-event-bus.js';
import { PhaseHandlerRegistry } from '../phases/phase-handler.registry.js';
import { stamp, Turn } from '../phases/turn.js';
import { ConversationPhase, type ConversationState } from '../state.js';
import { thaw } from '../store/frozen.js';
import { type CommittedState, SessionStore, StoreUnavailableError, type TurnQuota } from '../store/session-store.js';
import type { CommitMark } from './commit-mark.js';
import { LeaseKeeper } from './lease-keeper.js';
import { storeError } from './store-errors.js';

/** One turn of one session, as the runner plays it. */
export interface TurnJob {
  sessionId: string;
  /** The user's turn limit, counted in the same store step as the lease (user turns). */
  quota?: TurnQuota;
  /**
   * How long to wait for another turn's lease (default 0: decide at once). The wait polls with backoff:
   * it holds no lease and blocks nothing else; aborting `signal` ends it with `TURN_STOPPED`.
   */
  waitMs?: number;
  /**
   * Called once, with the session as read, when the first lease attempt finds it busy and the job is
   * about to wait (`waitMs` > 0): may throw a refusal (nothing waits then), or announce the wait.
   */
  onWait?: (state: CommittedState | null) => Promise<void>;
  /**
   * Past `waitMs`, given the session as read with the failed lease: throws its refusal, or resolves to
   * skip the turn (`run` returns null). Default: 409 `TURN_IN_PROGRESS`.
   */
  whenBusy?: (state: CommittedState | null) => Promise<void>;
  /**
   * Builds and drives the turn from the state read under the lease (null: no such session): throws a
   * refusal, returns null to leave the session alone, or returns the turn. The runner follows its hops.
   */
  play(original: CommittedState | null, newTurn: NewTurn): Promise<Turn | null>;
  /** Ends the turn's events with `done` (user turns). */
  done?: boolean;
  /** Awaited right before the commit; when it throws, nothing is written. */
  beforeCommit?: (mark: CommitMark) => Promise<void>;
  /** Aborted: the turn fails with `TURN_STOPPED` before its commit. */
  signal?: AbortSignal;
}

/** The turn's lease: its token, and whether it still has to be released. */
interface Lease {
  token: string;
  held: boolean;
}

export type NewTurn = (state: CommittedState, input?: Turn['input'], interpretation?: Turn['interpretation']) => Turn;

export interface TurnOutcome {
  original: CommittedState;
  /** The committed events (numbered, logged), or for a session the turn ended the live-only ones. */
  events: ChatResponse[];
}

/**
 * The one owner of a turn: lease → read → play (the job: interpret, common intents, phase handler) →
 * hops → compare-and-set commit with the turn's events → after-commit effects → publish → release.
 * User turns, the OAuth completion and the expiry sweep all run through it; nothing is written unless
 * the whole turn succeeded, and irreversible effects (`turn.afterCommit`) run only after its commit.
 */
@Injectable()
export class TurnRunner {
  private readonly logger = new Logger(TurnRunner.name);

  constructor(
    @Inject(SessionStore) private readonly store: SessionStore,
    @Inject(SessionEventBus) private readonly bus: SessionEventBus,
    @Inject(Clock) private readonly clock: Clock,
    private readonly registry: PhaseHandlerRegistry,
    private readonly settings: ConversationSettings,
    private readonly metrics: ConversationMetrics,
    private readonly leases: LeaseKeeper,
  ) {}

  /** Runs `job` under the session's lease; null when it was skipped or left the session alone. */
  async run(job: TurnJob): Promise<TurnOutcome | null> {
    const leased = await this.acquire(job);
    if (!leased) return null;
    const lease: Lease = { token: leased.token, held: true };
    this.leases.hold(job.sessionId, lease.token);
    try {
      const original = leased.state;
      const turn = await job.play(original, this.newTurn(job.signal));
      if (!turn || !original) return null;
      await this.runHops(turn);
      if (job.signal?.aborted) throw stopped();
      if (job.done) turn.emit({ type: 'done' });
      return turn.ended ? await this.end(original, turn, lease) : await this.commit(original, turn, job, lease);
    } finally {
      this.leases.release(lease.token);
      if (lease.held) await this.store.releaseLease(job.sessionId, lease.token).catch(() => undefined);
    }
  }

  /**
   * The lease with the session read in the same step (one round trip), waiting up to `waitMs`; null
   * when busy and `whenBusy` chose to skip.
   */
  private async acquire(job: TurnJob): Promise<{ token: string; state: CommittedState | null } | null> {
    const deadline = Date.now() + (job.waitMs ?? 0);
    let waiting = false;
    for (let delay = 20, quota = job.quota; ; delay = Math.min(delay * 2, 250), quota = undefined) {
      const read = await this.guard(this.store.acquireLeaseAndGet(job.sessionId, this.settings.leaseMs, quota), 'session');
      if (read.retryAfterMs !== undefined) {
        this.metrics.limited('turns');
        throw new DomainError('RATE_LIMITED', 'Too many turns in the last minute; wait a moment and try again.', {
          retryAfterSeconds: Math.max(1, Math.ceil(read.retryAfterMs / 1000)),
        });
      }
      const { token, state } = read;
      if (token) return { token, state };
      if (Date.now() >= deadline) {
        if (!job.whenBusy) throw inProgress();
        await job.whenBusy(state);
        return null;
      }
      if (!waiting) {
        waiting = true;
        await job.onWait?.(state);
      }
      if (job.signal?.aborted) throw stopped();
      await sleep(delay, undefined, { signal: job.signal }).catch(() => undefined);
      if (job.signal?.aborted) throw stopped();
    }
  }

  /**
   * The batch path of the expiry sweep: up to `limit` sessions idle since before `before` become
   * tombstones in one store pass (no turn per session; busy ones are skipped), then their `expired`
   * events are counted and published like any commit's. Returns how many expired.
   */
  async expireIdle(before: number, at: number, limit: number): Promise<number> {
    const iso = new Date(at).toISOString();
    const events = await this.guard(
      this.store.expireIdle(before, at, limit, { ttlMs: this.settings.expiredRetentionMs }, (tombstone) => ({
        sessionId: tombstone.sessionId,
        seq: tombstone.lastEventSeq,
        type: 'expired',
        phase: tombstone.phase,
        content: null,
        actions: [],
        oauthUrl: null,
        data: { at: iso },
      })),
      'commit',
    );
    this.metrics.expiredBatch(events.length);
    for (const event of events) this.bus.publish(event.sessionId, [event]).catch(() => undefined);
    return events.length;
  }

  /** Follows `goTo` requests: `enter` the new phase, or `handle` the same input there when forwarded. */
  private async runHops(turn: Turn): Promise<void> {
    for (let hops = 0; ; hops++) {
      const hop = turn.takeHop();
      if (!hop) return;
      if (hops >= this.settings.maxHopsPerTurn) throw new Error(`Turn exceeded ${this.settings.maxHopsPerTurn} phase changes`);
      const handler = this.registry.get(turn.phase);
      await (hop.forward ? handler.handle(turn) : handler.enter(turn));
    }
  }

  /**
   * Writes version + 1 with the turn's events in one compare-and-set that also releases the lease (one
   * round trip), then runs the effects and publishes.
   */
  private async commit(original: CommittedState, turn: Turn, job: TurnJob, lease: Lease): Promise<TurnOutcome> {
    const events = stamp(turn.responses, original.lastEventSeq + 1);
    const state: ConversationState = {
      ...turn.state,
      version: original.version + 1,
      lastEventSeq: original.lastEventSeq + events.length,
      updatedAt: this.clock.now(),
    };
    await job.beforeCommit?.({ version: original.version, lastEventSeq: original.lastEventSeq, events: events.length });
    // The record's lifetime follows its status: an active session's, or an expired tombstone's retention.
    const ttlMs = state.status === 'expired' ? this.settings.expiredRetentionMs : this.settings.activeTtlMs;
    try {
      const atRest = state.phase === ConversationPhase.COMPLETE;
      await this.guard(this.store.saveAndRelease(state, original.version, events, { ttlMs, atRest }, lease.token), 'commit');
      lease.held = false;
    } catch (error) {
      // A conflict released the lease with it; an unreachable store leaves it to the release in `run`.
      if (error instanceof DomainError && error.code === 'VERSION_CONFLICT') lease.held = false;
      throw error;
    }
    this.metrics.committed(events);
    await this.runEffects(turn);
    this.bus.publish(state.sessionId, events).catch(() => undefined);
    return { original, events };
  }

  /** A turn that ended the session (cancel): deleted, its events live only (there is no log left to number them in). */
  private async end(original: CommittedState, turn: Turn, lease: Lease): Promise<TurnOutcome> {
    await this.guard(this.store.delete(original.sessionId), 'session');
    lease.held = false; // deleted with the session
    this.metrics.sessionEnded('cancelled');
    await this.runEffects(turn);
    // Every one numbered with the last durable seq, like any live-only event.
    const events = turn.responses.map((event) => ({ ...event, seq: original.lastEventSeq, [LIVE_ONLY]: true as const }));
    return { original, events };
  }

  /**
   * Runs the turn's after-commit effects in order. The commit stands whatever they do, so a failed
   * effect is logged (the turn still answers); effects are idempotent so the next turn can retry them.
   */
  private async runEffects(turn: Turn): Promise<void> {
    for (const effect of turn.effects) {
      try {
        await effect();
      } catch (error) {
        this.logger.error(`After-commit effect failed in session ${turn.state.sessionId}: ${(error as Error).message}`);
      }
    }
  }

  private newTurn(signal?: AbortSignal): NewTurn {
    // The committed state is frozen; a turn never changes it in place (every change makes a new object,
    // and a change in place would throw), so it starts from it as its working state without a copy.
    return (state, input = null, interpretation = null) =>
      new Turn(thaw<ConversationState>(state), input, interpretation, {
        now: this.clock.now(),
        historyCap: this.settings.historyCap,
        transcriptCap: this.settings.transcriptCap,
        signal,
      });
  }

  /** Maps store failures (unreachable, conflict) to the API's codes, counting the unreachable ones. */
  private async guard<T>(operation: Promise<T>, scope: 'session' | 'commit'): Promise<T> {
    try {
      return await operation;
    } catch (error) {
      if (error instanceof StoreUnavailableError) this.metrics.storeUnavailable(scope);
      throw storeError(error);
    }
  }
}

export function inProgress(): DomainError {
  return new DomainError('TURN_IN_PROGRESS', 'Another turn of this session is still running.');
}

export function stopped(): DomainError {
  return new DomainError('TURN_STOPPED', 'The turn was stopped; nothing was changed.');
}
