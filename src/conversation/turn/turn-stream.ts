import { Inject, Injectable, Logger } from '@nestjs/common';
import { Observable } from 'rxjs';
import { DomainError, toDomainError } from '../../common/errors.js';
import { ConversationMetrics } from '../../metrics/conversation-metrics.js';
import { ConversationSettings } from '../conversation.settings.js';
import { type ChatResponse, LIVE_ONLY } from '../chat-response.js';
import type { TurnInput } from '../phases/turn.js';
import { ConversationPhase, type SessionOwner } from '../state.js';
import { type CommittedState, SessionStore } from '../store/session-store.js';
import { explainWhenGone } from '../turn-stop/session-gone.js';
import { TurnStops } from '../turn-stop/turn-stops.js';
import type { CommitMark } from './commit-mark.js';
import { storeError } from './store-errors.js';
import { type Multitask, multitaskWaitMs } from './multitask.js';
import { inProgress, stopped, TurnRunner } from './turn-runner.js';
import { UserTurn } from './user-turn.js';

export interface TurnStreamOptions {
  /** Fires when the client goes away; the turn is abandoned and nothing is saved. */
  signal?: AbortSignal;
  /** Awaited right before the commit (see `TurnJob.beforeCommit`). */
  beforeCommit?: (mark: CommitMark) => Promise<void>;
  /** When another turn of the session runs (default `reject`); see `Multitask`. */
  multitask?: Multitask;
}

/**
 * A user's turn as a stream of events: streamed model text (`delta`) while it runs, then its committed
 * events. It fails before its first event with 404/409/410/503-coded refusals (nothing started); once
 * started it always ends with `done`, after a live-only `error` when the turn failed (nothing changed).
 */
@Injectable()
export class TurnStream {
  private readonly logger = new Logger(TurnStream.name);

  constructor(
    private readonly runner: TurnRunner,
    private readonly userTurn: UserTurn,
    private readonly stops: TurnStops,
    @Inject(SessionStore) private readonly store: SessionStore,
    private readonly metrics: ConversationMetrics,
    private readonly settings: ConversationSettings,
  ) {}

  open(owner: SessionOwner, sessionId: string, input: TurnInput, options: TurnStreamOptions = {}): Observable<ChatResponse> {
    return new Observable<ChatResponse>((subscriber) => {
      const controller = new AbortController();
      const onClientGone = (): void => controller.abort();
      options.signal?.addEventListener('abort', onClientGone, { once: true });
      const at = { seq: 0, phase: ConversationPhase.IDLE as ConversationPhase, started: false, startPhase: 'none' };
      const startedAt = performance.now();
      const endInFlight = this.metrics.turnStarted();
      const emit = (event: ChatResponse): void => {
        at.started = true;
        subscriber.next(event);
      };
      let leave = (): void => undefined;
      const multitask = options.multitask ?? 'reject';

      const run = this.runner.run({
        sessionId,
        quota: { owner, points: this.settings.turnsPerMinute, windowMs: 60_000 },
        waitMs: multitaskWaitMs(multitask, this.settings),
        onWait: async (original) => {
          const state = admit(owner, original);
          // A wait that fails (cancelled, too long) reports its error at the session's place as read here.
          [at.seq, at.phase, at.startPhase] = [state.lastEventSeq, state.phase, state.phase];
          if (multitask === 'interrupt') await this.stops.requestStop(sessionId);
          else emit(live(sessionId, at.seq, at.phase, 'queued', null, { multitask }));
          // Watched only after its own stop was sent: the stop route (or a later interrupt) cancels a waiting turn too.
          leave = this.stops.watch(sessionId, () => controller.abort());
        },
        whenBusy: async (state) => {
          // A missing, foreign or expired session answers 404/410 before anyone learns it is busy.
          admit(owner, state);
          throw inProgress();
        },
        play: async (original, newTurn) => {
          const state = admit(owner, original);
          leave();
          leave = this.stops.watch(sessionId, () => controller.abort());
          [at.seq, at.phase, at.startPhase] = [state.lastEventSeq, state.phase, state.phase];
          const onDelta = (text: string): void => emit(live(sessionId, at.seq, at.phase, 'delta', text));
          return this.userTurn.play(state, input, newTurn, { signal: controller.signal, onDelta });
        },
        done: true,
        beforeCommit: options.beforeCommit,
        signal: controller.signal,
      });

      let settled = false;
      const finish = (outcome: string): void => {
        settled = true;
        leave();
        options.signal?.removeEventListener('abort', onClientGone);
        endInFlight();
        this.metrics.turnFinished(at.startPhase, outcome, performance.now() - startedAt);
      };
      run.then(
        (outcome) => {
          finish('ok');
          for (const event of outcome?.events ?? []) emit(event);
          subscriber.complete();
        },
        async (error: unknown) => {
          const raw = controller.signal.aborted && !(error instanceof DomainError) ? stopped() : toDomainError(storeError(error));
          // A turn whose session was deleted under it (any replica, FLUSHALL) is not a retryable conflict.
          const failure = await explainWhenGone(this.store, sessionId, raw);
          if (failure.code === 'INTERNAL_ERROR') this.logger.error(`Turn failed in session ${sessionId}`, error as Error);
          finish(failure.code);
          if (!at.started && isRefusal(failure)) return subscriber.error(failure);
          // A failed turn changed nothing: its error and done are live only, numbered after the last durable event.
          emit(live(sessionId, at.seq, at.phase, 'error', null, { code: failure.code, message: failure.message, retryable: failure.retryable }));
          emit(live(sessionId, at.seq, at.phase, 'done', null));
          subscriber.complete();
        },
      );
      // Only a turn still running is abandoned: abort() builds a DOMException with a stack trace, which
      // cost about 5 % of every turn when it ran on each completed one too (bench section 3 profile).
      return () => {
        if (!settled) controller.abort();
      };
    });
  }
}

/** The owner's active session; 404 for a missing or foreign one, 410 for an expired one. */
export function admit(owner: SessionOwner, state: CommittedState | null): CommittedState {
  if (!state || state.userId !== owner.userId || state.tenantId !== owner.tenantId) {
    throw new DomainError('SESSION_NOT_FOUND', 'No such session.');
  }
  if (state.status === 'expired') throw new DomainError('SESSION_EXPIRED', 'This session expired after a period of inactivity.');
  return state;
}

/** Errors answered as an HTTP status instead of a stream (nothing had started). */
function isRefusal(error: DomainError): boolean {
  return ['SESSION_NOT_FOUND', 'SESSION_EXPIRED', 'TURN_IN_PROGRESS', 'RATE_LIMITED', 'STORE_UNAVAILABLE', 'VALIDATION_FAILED'].includes(error.code);
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
