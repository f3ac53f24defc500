import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors.js';
import { ConversationMetrics } from '../metrics/conversation-metrics.js';
import type { ChatResponse } from './chat-response.js';
import { ConversationSettings } from './conversation.settings.js';
import { SessionEventStream } from './events/session-event-stream.js';
import { SessionExpirer, type SweepResult } from './expiry/session-expirer.js';
import { type OauthCallback, type OauthCallbackResult, OauthCompletion } from './oauth-completion.js';
import type { TurnInput } from './phases/turn.js';
import { newConversationState, type SessionOwner } from './state.js';
import { type CommittedState, SessionStore, StoreUnavailableError } from './store/session-store.js';
import { IdempotentTurns, type StartTurn } from './turn/idempotent-turns.js';
import { type Multitask, multitaskWaitMs } from './turn/multitask.js';
import { storeError } from './turn/store-errors.js';
import { TurnStream } from './turn/turn-stream.js';
import { TurnStops } from './turn-stop/turn-stops.js';

/** How a message is processed besides its input. */
export interface MessageOptions {
  /**
   * An `Idempotency-Key` (already validated): the first attempt runs, a retry with the same key and
   * request replays its events (see `IdempotentTurns`).
   */
  idempotencyKey?: string;
  /** Fires when the client goes away; the turn is abandoned and nothing is saved. */
  signal?: AbortSignal;
  /** When another turn of the session runs (default `reject`: 409); see `Multitask`. */
  multitask?: Multitask;
}

/** Starts, runs and ends conversations. Every method is scoped by the owner; others' sessions look missing. */
@Injectable()
export class ConversationService {
  /** Session starts in progress per owner: the per-user limit counts, then creates, one at a time. */
  private readonly starting = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(SessionStore) private readonly store: SessionStore,
    @Inject(Clock) private readonly clock: Clock,
    private readonly settings: ConversationSettings,
    private readonly turns: TurnStream,
    private readonly stops: TurnStops,
    private readonly idempotent: IdempotentTurns,
    private readonly eventStream: SessionEventStream,
    private readonly oauthCompletion: OauthCompletion,
    private readonly expirer: SessionExpirer,
    private readonly metrics: ConversationMetrics,
  ) {}

  /**
   * A new session in IDLE. At most `SESSIONS_PER_USER` live sessions per owner: one more is refused
   * with 429 `RATE_LIMITED` (checked one start at a time per owner in this process; starts racing on
   * different replicas may overshoot by one each).
   */
  async startSession(owner: SessionOwner): Promise<CommittedState> {
    const ownerKey = `${owner.tenantId}\u0000${owner.userId}`;
    const previous = this.starting.get(ownerKey) ?? Promise.resolve();
    const started = previous.catch(() => undefined).then(() => this.createSession(owner));
    this.starting.set(ownerKey, started);
    try {
      return await started;
    } finally {
      if (this.starting.get(ownerKey) === started) this.starting.delete(ownerKey);
    }
  }

  private async createSession(owner: SessionOwner): Promise<CommittedState> {
    const live = (await this.guard(this.store.listByOwner(owner))).filter((state) => state.status === 'active').length;
    if (live >= this.settings.sessionsPerUser) {
      this.metrics.limited('sessions');
      throw new DomainError(
        'RATE_LIMITED',
        `You already have ${live} open sessions, the most allowed. End one (DELETE /v1/sessions/:id) or let one expire.`,
      );
    }
    const state = newConversationState(randomUUID(), owner, this.clock.now());
    await this.guard(this.store.create(state, { ttlMs: this.settings.activeTtlMs }));
    this.metrics.sessionStarted();
    return state;
  }

  /** The owner's session; 404 for a missing or foreign one, 410 for an expired one. */
  async getSession(owner: SessionOwner, sessionId: string): Promise<CommittedState> {
    const state = await this.findOwned(owner, sessionId);
    if (state.status === 'expired') throw new DomainError('SESSION_EXPIRED', 'This session expired after a period of inactivity.');
    return state;
  }

  /** The owner's live sessions, newest first. */
  async listSessions(owner: SessionOwner): Promise<CommittedState[]> {
    const states = await this.guard(this.store.listByOwner(owner));
    return states.filter((state) => state.status === 'active');
  }

  async endSession(owner: SessionOwner, sessionId: string): Promise<void> {
    await this.findOwned(owner, sessionId);
    await this.guard(this.store.delete(sessionId));
    // Then stops a turn of it on any replica: deleted first, so the stopped turn finds its session gone and
    // answers SESSION_NOT_FOUND (best effort: the delete alone fences the turn's commit).
    await this.stops.requestStop(sessionId).catch(() => false);
    this.metrics.sessionEnded('deleted');
  }

  /**
   * One turn. The stream fails before its first event with 404/409/410/429-coded errors (nothing started);
   * once it started it always ends with `done`, after an `error` when the turn failed (then nothing changed).
   * Only a turn that really runs counts against the per-user turn limit (a replay does not): it is
   * counted in the store step that takes the turn's lease.
   */
  processMessage(owner: SessionOwner, sessionId: string, input: TurnInput, options: MessageOptions = {}): Observable<ChatResponse> {
    const { signal, multitask } = options;
    const start: StartTurn = ({ beforeCommit }) => this.turns.open(owner, sessionId, input, { signal, beforeCommit, multitask });
    return options.idempotencyKey
      ? this.idempotent.run(owner, sessionId, options.idempotencyKey, input, start, multitaskWaitMs(multitask ?? 'reject', this.settings))
      : start({ beforeCommit: async () => undefined });
  }

  /** Completes a connection from the provider's redirect and resumes the conversation (events go to `/events`). */
  async completeOauth(callback: OauthCallback, signal?: AbortSignal): Promise<OauthCallbackResult> {
    try {
      const result = await this.guard(this.oauthCompletion.complete(callback, signal));
      this.metrics.oauthCallback(result.outcome);
      return result;
    } catch (error) {
      this.metrics.oauthCallback(error instanceof DomainError && error.code === 'OAUTH_STATE_INVALID' ? 'invalid_state' : 'error');
      throw error;
    }
  }

  /** Warns and expires idle sessions (the scheduled job calls this). */
  expireIdleSessions(): Promise<SweepResult> {
    return this.expirer.sweep();
  }

  /**
   * The owner's session's durable events after `afterSeq`, then live ones (see `SessionEventStream`).
   * Rejects with 404 for a missing or foreign session before anything is subscribed.
   */
  async followEvents(
    owner: SessionOwner,
    sessionId: string,
    afterSeq: number,
    options: { checkEveryMs?: number } = {},
  ): Promise<Observable<ChatResponse>> {
    await this.findOwned(owner, sessionId);
    return this.eventStream.follow(sessionId, afterSeq, options);
  }

  /** Aborts the session's turn in flight, on whichever replica runs it (the stop button). */
  async stopTurn(owner: SessionOwner, sessionId: string): Promise<void> {
    await this.getSession(owner, sessionId);
    if (!(await this.guard(this.stops.requestStop(sessionId)))) throw new DomainError('NO_TURN_IN_FLIGHT', 'No turn of this session is running.');
  }

  /** Throws the owner-scoped "not found" for anything missing or foreign; expired tombstones are returned. */
  async findOwned(owner: SessionOwner, sessionId: string): Promise<CommittedState> {
    const state = await this.guard(this.store.get(sessionId));
    if (!state || state.userId !== owner.userId || state.tenantId !== owner.tenantId) {
      throw new DomainError('SESSION_NOT_FOUND', 'No such session.');
    }
    return state;
  }

  /** Maps store failures (unreachable, conflict) to the API's codes. */
  private async guard<T>(operation: Promise<T>): Promise<T> {
    try {
      return await operation;
    } catch (error) {
      if (error instanceof StoreUnavailableError) this.metrics.storeUnavailable('session');
      throw storeError(error);
    }
  }
}

