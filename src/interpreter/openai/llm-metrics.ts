import type { CircuitState } from './circuit-breaker.js';
import type { ResponseMode } from './prompts.js';

import type { TokenUsage } from '../interpreter.js';

/** Token counts as the endpoint reported them (`stream_options.include_usage`). */
export type { TokenUsage } from '../interpreter.js';

/** One HTTP call to the model: the first one of a turn, or the repair request after an invalid answer. */
export type LlmCallKind = 'initial' | 'repair';

/** Why a turn was answered by the fallback interpreter. */
export type FallbackReason = 'circuit_open' | 'llm_error' | 'invalid_output' | 'content_filter';

/** A call that failed outright (after the SDK's own retries). */
export type LlmFailureKind =
  | 'timeout'
  | 'connection'
  | 'rate_limited'
  | 'server_error'
  | 'auth'
  | 'bad_request'
  | 'stream_stalled'
  | 'unknown';

/** Why an answer was rejected (and a repair requested, or the fallback used). */
export type InvalidOutputKind = 'empty' | 'not_json' | 'schema' | 'length' | 'interrupted';

/** How a turn ended. `fallback` turns carry the reason. */
export interface LlmTurnReport {
  outcome: 'llm' | 'repaired' | 'fallback' | 'aborted';
  fallbackReason?: FallbackReason;
  model: string;
  /** Sum over the turn's calls. */
  usage: TokenUsage;
  calls: number;
  durationMs: number;
}

/**
 * Hooks the OpenAI interpreter reports through. All optional; the metrics module can implement them with
 * prom-client counters, or read {@link LlmMetrics.snapshot} in a collect callback.
 */
export interface LlmObserver {
  /** Every call that reported usage. */
  onUsage?(usage: TokenUsage & { kind: LlmCallKind; model: string }): void;
  /** Every finished or aborted turn. */
  onTurn?(report: LlmTurnReport): void;
  onFailure?(kind: LlmFailureKind): void;
  onInvalidOutput?(kind: InvalidOutputKind): void;
  onFallback?(reason: FallbackReason): void;
  onCircuitState?(state: CircuitState): void;
  /** The endpoint rejected `json_schema`; from now on `json_object` is used. */
  onResponseMode?(mode: ResponseMode): void;
  /** The text streamed as deltas differs from the final reply (after a repair or a duplicate key). */
  onReplyMismatch?(): void;
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** How many sessions' token totals {@link LlmMetrics} keeps (least recently used ones are dropped first). */
export const SESSION_USAGE_CAP = 10_000;

/** In-memory counters of everything the interpreter reports; the default observer. */
export class LlmMetrics implements LlmObserver {
  /** Token totals per session in this process, most recently used last (a `Map` keeps insertion order). */
  private readonly sessions = new Map<string, TokenUsage & { turns: number }>();

  promptTokens = 0;
  completionTokens = 0;
  calls = 0;
  readonly turns = zeroes(['llm', 'repaired', 'fallback', 'aborted'] as const);
  readonly failures = zeroes<LlmFailureKind>([
    'timeout',
    'connection',
    'rate_limited',
    'server_error',
    'auth',
    'bad_request',
    'stream_stalled',
    'unknown',
  ]);
  readonly invalidOutputs = zeroes<InvalidOutputKind>(['empty', 'not_json', 'schema', 'length', 'interrupted']);
  readonly fallbacks = zeroes<FallbackReason>(['circuit_open', 'llm_error', 'invalid_output', 'content_filter']);
  circuitState: CircuitState = 'closed';
  circuitOpenings = 0;
  responseMode: ResponseMode = 'json_schema';
  replyMismatches = 0;

  onUsage(usage: TokenUsage): void {
    this.promptTokens += usage.promptTokens;
    this.completionTokens += usage.completionTokens;
  }

  onTurn(report: LlmTurnReport): void {
    this.turns[report.outcome]++;
    this.calls += report.calls;
  }

  onFailure(kind: LlmFailureKind): void {
    this.failures[kind]++;
  }

  onInvalidOutput(kind: InvalidOutputKind): void {
    this.invalidOutputs[kind]++;
  }

  onFallback(reason: FallbackReason): void {
    this.fallbacks[reason]++;
  }

  onCircuitState(state: CircuitState): void {
    if (state === 'open') this.circuitOpenings++;
    this.circuitState = state;
  }

  onResponseMode(mode: ResponseMode): void {
    this.responseMode = mode;
  }

  onReplyMismatch(): void {
    this.replyMismatches++;
  }

  /**
   * Adds one turn's usage to its session's total and returns the new total. Kept for at most
   * {@link SESSION_USAGE_CAP} sessions; a session the cap evicted starts again from this turn.
   */
  addSessionUsage(sessionId: string, usage: TokenUsage): TokenUsage & { turns: number } {
    const previous = this.sessions.get(sessionId);
    const total = {
      promptTokens: (previous?.promptTokens ?? 0) + usage.promptTokens,
      completionTokens: (previous?.completionTokens ?? 0) + usage.completionTokens,
      turns: (previous?.turns ?? 0) + 1,
    };
    this.sessions.delete(sessionId);
    this.sessions.set(sessionId, total);
    if (this.sessions.size > SESSION_USAGE_CAP) this.sessions.delete(this.sessions.keys().next().value!);
    return total;
  }

  /** The session's token total so far in this process (turns that called a model), if any. */
  sessionUsage(sessionId: string): (TokenUsage & { turns: number }) | undefined {
    const total = this.sessions.get(sessionId);
    return total && { ...total };
  }

  /** A plain copy of every counter. */
  snapshot() {
    return {
      promptTokens: this.promptTokens,
      completionTokens: this.completionTokens,
      calls: this.calls,
      turns: { ...this.turns },
      failures: { ...this.failures },
      invalidOutputs: { ...this.invalidOutputs },
      fallbacks: { ...this.fallbacks },
      circuitState: this.circuitState,
      circuitOpenings: this.circuitOpenings,
      responseMode: this.responseMode,
      replyMismatches: this.replyMismatches,
      sessionsWithUsage: this.sessions.size,
    };
  }
}
