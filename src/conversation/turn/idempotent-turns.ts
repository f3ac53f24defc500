import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Observable } from 'rxjs';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/errors.js';
import { AppConfig } from '../../config/app-config.js';
import { type IdempotencyRecord, IdempotencyStore } from '../../http/idempotency/idempotency-store.js';
import { ConversationMetrics } from '../../metrics/conversation-metrics.js';
import { idempotencyScope } from '../../redis/keyspace.js';
import type { ChatResponse } from '../chat-response.js';
import type { TurnInput } from '../phases/turn.js';
import type { SessionOwner } from '../state.js';
import { SessionStore } from '../store/session-store.js';
import type { CommitMark } from './commit-mark.js';
import { storeError } from './store-errors.js';

/** `Idempotency-Key`: 1 to 255 visible ASCII characters (a UUID is typical). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * A running attempt is presumed dead once it has run longer than a turn can (its lease, renewed while it
 * runs, may be held that long) and no longer holds a lease; this much more covers clock skew between replicas.
 */
const PRESUMED_DEAD_MARGIN_MS = 5_000;

/** Starts the real turn; `beforeCommit` must be awaited right before the turn's commit. */
export type StartTurn = (hooks: { beforeCommit: (mark: CommitMark) => Promise<void> }) => Observable<ChatResponse>;

/** Validates the header value; 400 `VALIDATION_FAILED` when present but unusable. */
export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!KEY_PATTERN.test(value)) {
    throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
  }
  return value;
}

/**
 * Turns with an `Idempotency-Key`: the first attempt runs and its events are kept under the key
 * (scoped by tenant, user and session) for `IDEMPOTENCY_TTL_MS`; a retry gets those same events (same
 * seqs, `delta`s left out) and runs nothing. A retry while the first attempt still runs gets 409
 * `TURN_IN_PROGRESS`. An attempt that failed and changed nothing gives the key up, so the retry runs.
 *
 * The one hard case is a commit whose outcome is unknown (the store went away while saving). Just
 * before committing the attempt records what the commit will write (`CommitMark`); a retry that finds
 * such a mark checks the session's event log: if the first commit after the mark's seq has exactly the
 * marked number of events ending in `done`, it was this turn's, and it is replayed from the log;
 * otherwise this turn's compare-and-set cannot have succeeded, and the retry runs it.
 */
@Injectable()
export class IdempotentTurns {
  private readonly logger = new Logger(IdempotentTurns.name);
  private readonly ttlMs: number;
  private readonly presumedDeadAfterMs: number;

  constructor(
    @Inject(IdempotencyStore) private readonly keys: IdempotencyStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(Clock) private readonly clock: Clock,
    private readonly metrics: ConversationMetrics,
    config: AppConfig,
  ) {
    this.ttlMs = config.env.IDEMPOTENCY_TTL_MS;
    // The longest a turn runs: its lease, or every attempt of a model call to its timeout when that is longer.
    const longestTurnMs = Math.max(config.env.TURN_LEASE_MS, config.env.LLM_TIMEOUT_MS * (config.env.LLM_MAX_RETRIES + 1));
    this.presumedDeadAfterMs = longestTurnMs + PRESUMED_DEAD_MARGIN_MS;
  }

  /**
   * Runs the turn once per key, or replays the first attempt's events. `waitMs`: how long the turn may
   * wait for the session's lease before it runs (`multitask`); the key is taken before that wait and
   * stays "running" through it, so a retry meanwhile gets 409 rather than a second run.
   */
  run(
    owner: SessionOwner,
    sessionId: string,
    idempotencyKey: string,
    input: TurnInput,
    start: StartTurn,
    waitMs = 0,
  ): Observable<ChatResponse> {
    const key = scopedKey(owner, sessionId, idempotencyKey);
    const fingerprint = sha256(JSON.stringify(input.text !== undefined ? { text: input.text } : { action: input.action }));
    return new Observable<ChatResponse>((subscriber) => {
      let inner: { unsubscribe(): void } | undefined;
      let closed = false;
      const begin = async (): Promise<void> => {
        const decision = await this.decide(key, sessionId, fingerprint, waitMs);
        if (closed) {
          if (decision.kind === 'run') await this.keys.release(key, decision.attempt).catch(() => undefined);
          return;
        }
        if (decision.kind === 'replay') {
          this.metrics.replayed();
          for (const event of decision.events) subscriber.next(event);
          subscriber.complete();
          return;
        }
        inner = this.attempt(key, decision.attempt, fingerprint, start).subscribe(subscriber);
      };
      begin().catch((error: unknown) => subscriber.error(storeError(error)));
      return () => {
        closed = true;
        inner?.unsubscribe();
      };
    });
  }

  /** Runs the turn holding the key, then records its events (or gives the key up when it changed nothing). */
  private attempt(key: string, attempt: string, fingerprint: string, start: StartTurn): Observable<ChatResponse> {
    return new Observable<ChatResponse>((subscriber) => {
      const sent: ChatResponse[] = [];
      let mark: CommitMark | undefined;
      const beforeCommit = async (commit: CommitMark): Promise<void> => {
        const until = this.clock.now() + this.presumedDeadAfterMs;
        const kept = await this.keys.replace(key, attempt, { state: 'running', attempt, fingerprint, until, commit }, this.ttlMs);
        // Presumed dead and taken over by a retry: this attempt must not commit as well.
        if (!kept) throw new DomainError('TURN_IN_PROGRESS', 'A retry of this turn took over; this attempt was abandoned.');
        mark = commit;
      };
      /** `failed`: the code the attempt failed with, null when it succeeded. */
      const finish = async (failed: string | null): Promise<void> => {
        if (failed === null) {
          await this.keys.replace(key, attempt, { state: 'completed', attempt, fingerprint, events: sent }, this.ttlMs);
        } else if (mark && failed !== 'VERSION_CONFLICT') {
          // The commit may or may not have landed: let the next retry look at once.
          await this.keys.replace(key, attempt, { state: 'running', attempt, fingerprint, until: 0, commit: mark }, this.ttlMs);
        } else {
          await this.keys.release(key, attempt);
        }
      };
      const settle = (failed: string | null, then: () => void): void => {
        finish(failed)
          .catch((error: unknown) => this.logger.warn(`Could not record an idempotent turn: ${(error as Error).message}`))
          .finally(then);
      };
      const subscription = start({ beforeCommit }).subscribe({
        next: (event) => {
          // A replay gives the turn's outcome: neither the pieces of its messages nor that it once waited.
          if (event.type !== 'delta' && event.type !== 'queued') sent.push(event);
          subscriber.next(event);
        },
        error: (error: unknown) => settle(error instanceof DomainError ? error.code : 'INTERNAL_ERROR', () => subscriber.error(error)),
        complete: () => {
          // A failed turn ends with `error` then `done` and changed nothing (unless its commit's outcome is unknown).
          const failure = sent.find((event) => event.type === 'error');
          settle(failure ? String(failure.data?.['code'] ?? 'INTERNAL_ERROR') : null, () => subscriber.complete());
        },
      });
      return () => subscription.unsubscribe();
    });
  }

  private async decide(
    key: string,
    sessionId: string,
    fingerprint: string,
    waitMs: number,
  ): Promise<{ kind: 'run'; attempt: string } | { kind: 'replay'; events: ChatResponse[] }> {
    const attempt = randomUUID();
    const running = (): IdempotencyRecord => ({ state: 'running', attempt, fingerprint, until: this.clock.now() + waitMs + this.presumedDeadAfterMs });
    for (let tries = 0; tries < 3; tries++) {
      if (await this.keys.claim(key, running(), this.ttlMs)) return { kind: 'run', attempt };
      const existing = await this.keys.get(key);
      if (!existing) continue; // expired in between: claim again
      if (existing.fingerprint !== fingerprint) {
        throw new DomainError('VALIDATION_FAILED', 'This Idempotency-Key was already used for a different turn request.');
      }
      if (existing.state === 'completed') return { kind: 'replay', events: existing.events };
      // Running means holding the session's turn lease; a "running" record without it is an attempt that
      // died or failed without being able to give the key up (e.g. the store was away at that moment).
      if (existing.until > this.clock.now() && (await this.sessions.isLeased(sessionId))) {
        throw new DomainError('TURN_IN_PROGRESS', 'The first attempt of this turn is still running.');
      }
      // The first attempt is gone or failed with an unknown outcome: did its commit land?
      const committed = existing.commit ? await this.committedEvents(sessionId, existing.commit) : null;
      if (committed) {
        await this.keys.replace(key, existing.attempt, { state: 'completed', attempt: existing.attempt, fingerprint, events: committed }, this.ttlMs);
        return { kind: 'replay', events: committed };
      }
      if (await this.keys.replace(key, existing.attempt, running(), this.ttlMs)) return { kind: 'run', attempt };
    }
    throw new DomainError('TURN_IN_PROGRESS', 'Another attempt of this turn is running.');
  }

  /** The marked commit's events when they are the first commit after the mark's seq; null when it did not land. */
  private async committedEvents(sessionId: string, mark: CommitMark): Promise<ChatResponse[] | null> {
    const state = await this.sessions.get(sessionId);
    if (!state || state.version <= mark.version) return null;
    const events = await this.sessions.readEvents(sessionId, mark.lastEventSeq, mark.events);
    const ours =
      events.length === mark.events &&
      events[0]?.seq === mark.lastEventSeq + 1 &&
      events.findIndex((event) => event.type === 'done') === events.length - 1;
    return ours ? events : null;
  }
}

/** Carries the session's hash tag, so that the record lives in the session's slot (and replicates with its commits). */
function scopedKey(owner: SessionOwner, sessionId: string, idempotencyKey: string): string {
  return idempotencyScope(sessionId, sha256([owner.tenantId, owner.userId, sessionId, idempotencyKey].map(encodeURIComponent).join(':')));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
