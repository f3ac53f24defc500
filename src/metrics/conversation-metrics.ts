import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { ChatResponse } from '../conversation/chat-response.js';
import { METRIC_PREFIX, MetricsRegistry } from './metrics-registry.js';

/** How a session stopped being active. */
export type SessionEndReason = 'cancelled' | 'deleted' | 'expired';

/** What a rate limit refused. */
export type RateLimitScope = 'ip' | 'turns' | 'sessions';

/** How an OAuth callback ended: the connection outcome, or a refused `state`. */
export type OauthOutcomeLabel = 'connected' | 'denied' | 'failed' | 'expired' | 'invalid_state' | 'error';

/** Seconds; turns run from a millisecond (rule-based) to tens of seconds (a slow model). */
const TURN_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];

/**
 * The conversation's Prometheus series. The service and the turn engine call these methods where the
 * thing happens; nothing is derived from logs. Labels take values from closed sets (phases, error
 * codes, outcomes), never ids or text.
 */
@Injectable()
export class ConversationMetrics {
  private readonly turns: Counter<'phase' | 'outcome'>;
  private readonly turnDuration: Histogram<'outcome'>;
  private readonly transitions: Counter<'from' | 'to'>;
  private readonly sessionsStarted: Counter;
  private readonly sessionsEnded: Counter<'reason'>;
  private readonly oauth: Counter<'outcome'>;
  private readonly expiries: Counter<'kind'>;
  private readonly storeErrors: Counter<'operation'>;
  private readonly streams: Gauge;
  private readonly turnsInFlight: Gauge;
  private readonly rateLimited: Counter<'scope'>;
  private readonly replays: Counter;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.turns = new Counter({
      name: `${METRIC_PREFIX}turns_total`,
      help: 'Turns by the phase they started in and how they ended (ok, or the error code in lower case).',
      labelNames: ['phase', 'outcome'],
      registers,
    });
    this.turnDuration = new Histogram({
      name: `${METRIC_PREFIX}turn_duration_seconds`,
      help: 'Time from accepting a turn to its last event.',
      labelNames: ['outcome'],
      buckets: TURN_BUCKETS,
      registers,
    });
    this.transitions = new Counter({
      name: `${METRIC_PREFIX}phase_transitions_total`,
      help: 'Committed phase changes (turns, OAuth completions).',
      labelNames: ['from', 'to'],
      registers,
    });
    this.sessionsStarted = new Counter({ name: `${METRIC_PREFIX}sessions_started_total`, help: 'Sessions started.', registers });
    this.sessionsEnded = new Counter({
      name: `${METRIC_PREFIX}sessions_ended_total`,
      help: 'Sessions ended: cancelled in a turn, deleted by the client, or expired.',
      labelNames: ['reason'],
      registers,
    });
    this.oauth = new Counter({
      name: `${METRIC_PREFIX}oauth_callbacks_total`,
      help: 'OAuth callbacks by outcome (connected, denied, failed, expired, invalid_state, error).',
      labelNames: ['outcome'],
      registers,
    });
    this.expiries = new Counter({
      name: `${METRIC_PREFIX}session_expiries_total`,
      help: 'Sessions the expiry job warned (expiring) or expired.',
      labelNames: ['kind'],
      registers,
    });
    this.storeErrors = new Counter({
      name: `${METRIC_PREFIX}store_errors_total`,
      help: 'Session store operations that failed because the store was unreachable.',
      labelNames: ['operation'],
      registers,
    });
    this.streams = new Gauge({ name: `${METRIC_PREFIX}event_streams_open`, help: 'Open /events streams on this replica.', registers });
    this.turnsInFlight = new Gauge({ name: `${METRIC_PREFIX}turns_in_flight`, help: 'Turns running on this replica.', registers });
    this.rateLimited = new Counter({
      name: `${METRIC_PREFIX}rate_limited_total`,
      help: 'Requests refused with 429 RATE_LIMITED, by limit (ip, turns, sessions).',
      labelNames: ['scope'],
      registers,
    });
    this.replays = new Counter({
      name: `${METRIC_PREFIX}idempotent_replays_total`,
      help: 'Turns answered from an earlier attempt with the same Idempotency-Key.',
      registers,
    });
    // Zero series up front, so dashboards and alerts see them before the first event.
    for (const kind of ['expired', 'warned']) this.expiries.inc({ kind }, 0);
    for (const scope of ['ip', 'turns', 'sessions']) this.rateLimited.inc({ scope }, 0);
    for (const operation of ['session', 'commit']) this.storeErrors.inc({ operation }, 0);
  }

  /** A turn ended (or was refused): `phase` it started in, `outcome` `ok` or its error code. */
  turnFinished(phase: string, outcome: string, durationMs: number): void {
    const label = outcome.toLowerCase();
    this.turns.inc({ phase, outcome: label });
    this.turnDuration.observe({ outcome: label }, durationMs / 1000);
  }

  turnStarted(): () => void {
    this.turnsInFlight.inc();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.turnsInFlight.dec();
    };
  }

  /** Counts what committed events tell: phase changes, expiry warnings and expiries (from any replica's job). */
  committed(events: readonly ChatResponse[]): void {
    for (const event of events) {
      if (event.type === 'phase') this.transitions.inc({ from: String(event.data?.['from']), to: String(event.data?.['to']) });
      else if (event.type === 'expiring') this.expiries.inc({ kind: 'warned' });
      else if (event.type === 'expired') {
        this.expiries.inc({ kind: 'expired' });
        this.sessionEnded('expired');
      }
    }
  }

  /** `count` sessions expired at once by the sweep's batch path (one update, not one per session). */
  expiredBatch(count: number): void {
    if (count === 0) return;
    this.expiries.inc({ kind: 'expired' }, count);
    this.sessionEnded('expired', count);
  }

  sessionStarted(): void {
    this.sessionsStarted.inc();
  }

  sessionEnded(reason: SessionEndReason, count = 1): void {
    if (count > 0) this.sessionsEnded.inc({ reason }, count);
  }

  oauthCallback(outcome: OauthOutcomeLabel): void {
    this.oauth.inc({ outcome });
  }

  storeUnavailable(operation: string): void {
    this.storeErrors.inc({ operation });
  }

  /** An `/events` stream opened; call the returned function once when it closes. */
  streamOpened(): () => void {
    this.streams.inc();
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      this.streams.dec();
    };
  }

  limited(scope: RateLimitScope): void {
    this.rateLimited.inc({ scope });
  }

  replayed(): void {
    this.replays.inc();
  }
}
