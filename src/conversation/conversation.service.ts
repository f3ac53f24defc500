import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Observable } from 'rxjs';
import { SessionEventStream } from './events/session-event-stream.js';
import { SessionExpirer, type SweepResult } from './expiry/session-expirer.js';
import { type OauthCallback, type OauthCallbackResult, OauthCompletion } from './oauth-completion.js';
import { Clock } from '../common/clock.js';
import { DomainError, toDomainError } from '../common/errors.js';
import { Interpreter, type Interpretation, type TokenUsage } from '../interpreter/interpreter.js';
import { LlmMetrics } from '../interpreter/openai/llm-metrics.js';
import { ConversationMetrics } from '../metrics/conversation-metrics.js';
import { type ChatResponse, LIVE_ONLY } from './chat-response.js';
import { ConversationSettings } from './conversation.settings.js';
import { backTarget } from './machine/transitions.js';
import { PhaseHandlerRegistry } from './phases/phase-handler.registry.js';
import type { Turn, TurnInput } from './phases/turn.js';
import { hasEdits } from './phases/requirement-edits.js';
import { ConversationPhase, type ConversationState, newConversationState, type SessionOwner } from './state.js';
import { SessionStore, StoreUnavailableError } from './store/session-store.js';
import { storeError, TurnEngine } from './turn-engine.js';

/** What a turn's commit is about to write: the base it started from and how many events it appends. */
export interface CommitBase {
  /** The session's version the turn started from (the commit writes `version + 1`). */
  version: number;
  /** The last durable seq before the turn (its events follow it). */
  lastEventSeq: number;
  /** How many events the commit appends, `done` included. */
  events: number;
}

export interface TurnOptions {
  /** Fires when the client goes away; the turn is abandoned and nothing is saved. */
  signal?: AbortSignal;
  /**
   * Awaited right before the turn's commit (idempotency keys record it, so that a commit whose outcome
   * is unknown can be checked later). When it throws, the turn fails and nothing is saved.
   */
  beforeCommit?: (base: CommitBase) => Promise<void>;
}

/** Starts, runs and ends conversations. Every method is scoped by the owner; others' sessions look missing. */
@Injectable()
export class ConversationService {
  private readonly logger = new Logger(ConversationService.name);
  /** Turns running in this process, so the stop button can abort them. */
  private readonly inFlight = new Map<string, AbortController>();
  /** Session starts in progress per owner: the per-user limit counts, then creates, one at a time. */
  private readonly starting = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(SessionStore) private readonly store: SessionStore,
    @Inject(Interpreter) private readonly interpreter: Interpreter,
    @Inject(Clock) private readonly clock: Clock,
    private readonly registry: PhaseHandlerRegistry,
    private readonly engine: TurnEngine,
    private readonly settings: ConversationSettings,
    private readonly eventStream: SessionEventStream,
    private readonly oauthCompletion: OauthCompletion,
    private readonly expirer: SessionExpirer,
    private readonly metrics: ConversationMetrics,
    /** Per-session token totals of the LLM interpreter (absent in specs that build the service alone). */
    @Optional() private readonly llmMetrics?: LlmMetrics,
  ) {}

  /**
   * A new session in IDLE. At most `SESSIONS_PER_USER` live sessions per owner: one more is refused
   * with 429 `RATE_LIMITED` (checked one start at a time per owner in this process; starts racing on
   * different replicas may overshoot by one each).
   */
  async startSession(owner: SessionOwner): Promise<ConversationState> {
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

  private async createSession(owner: SessionOwner): Promise<ConversationState> {
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
  async getSession(owner: SessionOwner, sessionId: string): Promise<ConversationState> {
    const state = await this.findOwned(owner, sessionId);
    if (state.status === 'expired') throw new DomainError('SESSION_EXPIRED', 'This session expired after a period of inactivity.');
    return state;
  }

  /** The owner's live sessions, newest first. */
  async listSessions(owner: SessionOwner): Promise<ConversationState[]> {
    const states = await this.guard(this.store.listByOwner(owner));
    return states.filter((state) => state.status === 'active');
  }

  async endSession(owner: SessionOwner, sessionId: string): Promise<void> {
    await this.findOwned(owner, sessionId);
    this.inFlight.get(sessionId)?.abort();
    await this.guard(this.store.delete(sessionId));
    this.metrics.sessionEnded('deleted');
  }

  /**
   * One turn. The stream fails before its first event with 404/409/410-coded errors (nothing started);
   * once it started it always ends with `done`, after an `error` when the turn failed (then nothing changed).
   */
  processMessage(owner: SessionOwner, sessionId: string, input: TurnInput, options: TurnOptions = {}): Observable<ChatResponse> {
    return new Observable<ChatResponse>((subscriber) => {
      const controller = new AbortController();
      const onClientGone = (): void => controller.abort();
      options.signal?.addEventListener('abort', onClientGone, { once: true });
      let started = false;
      let lastSeq = 0;
      let phase: ConversationPhase = ConversationPhase.IDLE;
      const startedAt = performance.now();
      let startPhase = 'none';
      const endInFlight = this.metrics.turnStarted();
      const measure = (outcome: string): void => {
        endInFlight();
        this.metrics.turnFinished(startPhase, outcome, performance.now() - startedAt);
      };
      const emit = (event: ChatResponse): void => {
        started = true;
        subscriber.next(event);
      };

      const run = async (): Promise<void> => {
        // Lease first, then one read under it: a turn that committed just before cannot be overwritten, and a
        // turn costs one session read. The lease is released whatever the read finds.
        const token = await this.guard(this.store.acquireLease(sessionId, this.settings.leaseMs));
        if (!token) {
          // A missing, foreign or expired session answers 404/410 before anyone learns it is busy.
          await this.getSession(owner, sessionId);
          throw new DomainError('TURN_IN_PROGRESS', 'Another turn of this session is still running.');
        }
        try {
          const original = await this.getSession(owner, sessionId);
          this.inFlight.set(sessionId, controller);
          lastSeq = original.lastEventSeq;
          phase = original.phase;
          startPhase = original.phase;
          const interpretation = await this.interpret(original, input, controller.signal, (text) =>
            emit(live(sessionId, lastSeq, phase, 'delta', text)),
          );
          const turn = this.engine.newTurn(original, input, interpretation, controller.signal);
          if (input.text !== undefined) turn.remember('user', input.text);
          // A model's reply (LLM interpreter) is the message its streamed deltas add up to; then the phase's
          // handler says what the machine decided.
          if (interpretation?.reply) turn.say(interpretation.reply);
          turn.state = { ...turn.state, lastActivityAt: turn.settings.now, expiryWarnedAt: null };
          await this.dispatch(turn);
          if (controller.signal.aborted) throw stopped();
          if (turn.ended) {
            turn.emit({ type: 'done' });
            await this.guard(this.store.delete(sessionId));
            this.metrics.sessionEnded('cancelled');
            for (const event of turnEvents(turn, sessionId, lastSeq)) emit(event);
            return;
          }
          turn.emit({ type: 'done' });
          await options.beforeCommit?.({ version: original.version, lastEventSeq: original.lastEventSeq, events: turn.responses.length });
          const events = await this.engine.commit(original, turn, { ttlMs: this.settings.activeTtlMs });
          for (const event of events) emit(event);
        } finally {
          if (this.inFlight.get(sessionId) === controller) this.inFlight.delete(sessionId);
          await this.store.releaseLease(sessionId, token).catch(() => undefined);
        }
      };

      let settled = false;
      run()
        .finally(() => (settled = true))
        .then(() => {
          measure('ok');
          subscriber.complete();
        })
        .catch((error: unknown) => {
          const failure = controller.signal.aborted && !(error instanceof DomainError) ? stopped() : toDomainError(storeError(error));
          if (failure.code === 'INTERNAL_ERROR') this.logger.error(`Turn failed in session ${sessionId}`, error as Error);
          measure(failure.code);
          if (!started && isRefusal(failure)) {
            subscriber.error(failure);
            return;
          }
          // A failed turn changed nothing: its error and done are live only, numbered after the last durable event.
          emit(live(sessionId, lastSeq, phase, 'error', null, { code: failure.code, message: failure.message, retryable: failure.retryable }));
          emit(live(sessionId, lastSeq, phase, 'done', null));
          subscriber.complete();
        })
        .finally(() => options.signal?.removeEventListener('abort', onClientGone));

      // Only a turn still running is abandoned: abort() builds a DOMException with a stack trace, which
      // cost about 5 % of every turn when it ran on each completed one too (bench section 3 profile).
      return () => {
        if (!settled) controller.abort();
      };
    });
  }

  /** Completes a connection from the provider's redirect and resumes the conversation (events go to `/events`). */
  async completeOauth(callback: OauthCallback): Promise<OauthCallbackResult> {
    try {
      const result = await this.guard(this.oauthCompletion.complete(callback));
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
  async followEvents(owner: SessionOwner, sessionId: string, afterSeq: number): Promise<Observable<ChatResponse>> {
    await this.findOwned(owner, sessionId);
    return this.eventStream.follow(sessionId, afterSeq);
  }

  /** Aborts the turn in flight in this process (the stop button). */
  async stopTurn(owner: SessionOwner, sessionId: string): Promise<void> {
    await this.getSession(owner, sessionId);
    const controller = this.inFlight.get(sessionId);
    if (!controller) throw new DomainError('NO_TURN_IN_FLIGHT', 'No turn of this session is running.');
    controller.abort();
  }

  /** Throws the owner-scoped "not found" for anything missing or foreign; expired tombstones are returned. */
  async findOwned(owner: SessionOwner, sessionId: string): Promise<ConversationState> {
    const state = await this.guard(this.store.get(sessionId));
    if (!state || state.userId !== owner.userId || state.tenantId !== owner.tenantId) {
      throw new DomainError('SESSION_NOT_FOUND', 'No such session.');
    }
    return state;
  }

  private async interpret(
    state: ConversationState,
    input: TurnInput,
    signal: AbortSignal,
    onDelta: (text: string) => void,
  ): Promise<Interpretation | null> {
    if (input.text === undefined) return null;
    try {
      return await this.interpreter.interpret(
        { text: input.text, phase: state.phase, requirements: state.context.requirements, transcript: state.context.transcript },
        { signal, onDelta, onUsage: (usage) => this.recordUsage(state.sessionId, usage) },
      );
    } catch (error) {
      if (signal.aborted) throw stopped();
      this.logger.warn(`Interpreter failed in session ${state.sessionId}: ${(error as Error).message}`);
      throw new DomainError('INTERPRETER_FAILED', "I couldn't understand that right now; nothing was changed. Please try again.");
    }
  }

  /** Token usage per turn and per session: a log line, and the session's total in the LLM metrics. */
  private recordUsage(sessionId: string, usage: TokenUsage): void {
    const total = this.llmMetrics?.addSessionUsage(sessionId, usage);
    const session = total ? `; session ${total.promptTokens} + ${total.completionTokens} over ${total.turns} turn(s)` : '';
    this.logger.log(`LLM tokens in session ${sessionId}: turn ${usage.promptTokens} prompt + ${usage.completionTokens} completion${session}`);
  }

  /** Restart, cancel and back mean the same in every phase; everything else is the phase handler's. */
  private async dispatch(turn: Turn): Promise<void> {
    switch (turn.intent) {
      case 'cancel':
        turn.ended = true;
        turn.say('Cancelled. This session is closed.');
        return;
      case 'restart':
        turn.resetAgent();
        // "Start over: summarize my Slack instead" restarts and handles the new description right away.
        turn.goTo(ConversationPhase.DISCOVERY, 'restart', { forward: hasEdits(turn.interpretation) });
        break;
      case 'go_back': {
        const target = backTarget(turn.phase);
        if (target) turn.goTo(target, 'back');
        else turn.say("There's no earlier step to go back to.");
        break;
      }
      default:
        await this.registry.get(turn.phase).handle(turn);
    }
    await this.engine.runHops(turn);
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

/** Errors answered as an HTTP status instead of a stream (nothing had started). */
function isRefusal(error: DomainError): boolean {
  return ['SESSION_NOT_FOUND', 'SESSION_EXPIRED', 'TURN_IN_PROGRESS', 'STORE_UNAVAILABLE', 'VALIDATION_FAILED'].includes(error.code);
}

function stopped(): DomainError {
  return new DomainError('TURN_STOPPED', 'The turn was stopped; nothing was changed.');
}

function live(
  sessionId: string,
  seq: number,
  phase: ConversationPhase,
  type: ChatResponse['type'],
  content: string | null,
  data: Record<string, unknown> | null = null,
): ChatResponse {
  return { sessionId, seq, type, phase, content, actions: [], oauthUrl: null, data, ...(type === 'delta' ? {} : { [LIVE_ONLY]: true as const }) };
}

/** Events of a turn that ended the session: nothing to log them in, so they are live only. */
function turnEvents(turn: Turn, sessionId: string, lastSeq: number): ChatResponse[] {
  return turn.responses.map((response) =>
    live(sessionId, lastSeq, response.phase, response.type, response.content ?? null, response.data ?? null),
  );
}
