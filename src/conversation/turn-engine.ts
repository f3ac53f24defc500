import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors.js';
import { ConversationMetrics } from '../metrics/conversation-metrics.js';
import type { ChatResponse } from './chat-response.js';
import { ConversationSettings } from './conversation.settings.js';
import { SessionEventBus } from './events/session-event-bus.js';
import { PhaseHandlerRegistry } from './phases/phase-handler.registry.js';
import { stamp, Turn } from './phases/turn.js';
import type { ConversationState } from './state.js';
import { SessionStore, StoreUnavailableError, VersionConflictError } from './store/session-store.js';

/**
 * Runs the phase hops a turn asked for and commits a turn as one unit: one compare-and-set save that
 * also appends the turn's events, then live delivery. Nothing is written unless the whole turn succeeded.
 */
@Injectable()
export class TurnEngine {
  constructor(
    @Inject(SessionStore) private readonly store: SessionStore,
    @Inject(SessionEventBus) private readonly bus: SessionEventBus,
    @Inject(Clock) private readonly clock: Clock,
    private readonly registry: PhaseHandlerRegistry,
    private readonly settings: ConversationSettings,
    private readonly metrics: ConversationMetrics,
  ) {}

  /** Follows `goTo` requests: `enter` the new phase, or `handle` the same input there when forwarded. */
  async runHops(turn: Turn): Promise<void> {
    for (let hops = 0; ; hops++) {
      const hop = turn.takeHop();
      if (!hop) return;
      if (hops >= this.settings.maxHopsPerTurn) throw new Error(`Turn exceeded ${this.settings.maxHopsPerTurn} phase changes`);
      const handler = this.registry.get(turn.phase);
      await (hop.forward ? handler.handle(turn) : handler.enter(turn));
    }
  }

  /**
   * Saves the turn's state (version + 1) with its events (a user turn has emitted its `done` already),
   * and publishes them. `original` is the state the turn started from (its version is the expected one).
   */
  async commit(original: ConversationState, turn: Turn, options: { ttlMs: number }): Promise<ChatResponse[]> {
    const events = stamp(original.sessionId, turn.responses, original.lastEventSeq + 1);
    const state: ConversationState = {
      ...turn.state,
      version: original.version + 1,
      lastEventSeq: original.lastEventSeq + events.length,
      updatedAt: this.clock.now(),
    };
    try {
      await this.store.save(state, original.version, events, { ttlMs: options.ttlMs });
    } catch (error) {
      if (error instanceof StoreUnavailableError) this.metrics.storeUnavailable('commit');
      throw storeError(error);
    }
    this.metrics.committed(events);
    this.bus.publish(state.sessionId, events).catch(() => undefined);
    return events;
  }

  newTurn(state: ConversationState, input: Turn['input'], interpretation: Turn['interpretation'], signal?: AbortSignal): Turn {
    return new Turn(state, input, interpretation, {
      now: this.clock.now(),
      historyCap: this.settings.historyCap,
      transcriptCap: this.settings.transcriptCap,
      signal,
    });
  }
}

/** Maps store failures to the API's codes. */
export function storeError(error: unknown): unknown {
  if (error instanceof VersionConflictError) {
    return new DomainError('VERSION_CONFLICT', 'The session changed while this turn ran; nothing was changed. Try again.');
  }
  if (error instanceof StoreUnavailableError) {
    // Retry-After (issue 14): every store refusal or outage is worth retrying in a moment.
    return new DomainError('STORE_UNAVAILABLE', 'Sessions are unavailable right now; nothing was changed. Try again shortly.', {
      retryAfterSeconds: 1,
    });
  }
  return error;
}
