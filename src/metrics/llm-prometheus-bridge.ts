import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { LlmMetrics, LlmObserver } from '../interpreter/openai/llm-metrics.js';
import { METRIC_PREFIX, MetricsRegistry } from './metrics-registry.js';

const LLM_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60];
const FALLBACK_REASONS = ['circuit_open', 'llm_error', 'invalid_output', 'content_filter'] as const;

/** The `LlmObserver` hooks mirrored into Prometheus (the rest of `LlmMetrics` stays in its snapshot). */
type Mirrored = 'onTurn' | 'onFallback' | 'onFailure' | 'onUsage' | 'onCircuitState';

/**
 * Prometheus series for the OpenAI interpreter: turn latency, outcomes, fallbacks, failures, tokens
 * and the circuit breaker. The interpreter reports to the shared `LlmMetrics` instance; `attach` makes
 * that instance also call these hooks. With the rule-based interpreter alone the series stay at zero.
 */
@Injectable()
export class LlmPrometheusBridge implements Required<Pick<LlmObserver, Mirrored>> {
  private readonly latency: Histogram<'outcome'>;
  private readonly fallbacks: Counter<'reason'>;
  private readonly failures: Counter<'kind'>;
  private readonly tokens: Counter<'type'>;
  private readonly circuitOpen: Gauge;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.latency = new Histogram({
      name: `${METRIC_PREFIX}llm_turn_duration_seconds`,
      help: 'Time the model took per turn (all calls of the turn), by outcome (llm, repaired, fallback, aborted).',
      labelNames: ['outcome'],
      buckets: LLM_BUCKETS,
      registers,
    });
    this.fallbacks = new Counter({
      name: `${METRIC_PREFIX}llm_fallbacks_total`,
      help: 'Turns answered by the rule-based fallback instead of the model, by reason.',
      labelNames: ['reason'],
      registers,
    });
    this.failures = new Counter({
      name: `${METRIC_PREFIX}llm_failures_total`,
      help: 'Model calls that failed after the SDK retries, by kind.',
      labelNames: ['kind'],
      registers,
    });
    this.tokens = new Counter({
      name: `${METRIC_PREFIX}llm_tokens_total`,
      help: 'Tokens the endpoint reported, by type (prompt, completion).',
      labelNames: ['type'],
      registers,
    });
    this.circuitOpen = new Gauge({
      name: `${METRIC_PREFIX}llm_circuit_open`,
      help: '1 while the circuit breaker in front of the model is open (or half-open), else 0.',
      registers,
    });
    for (const reason of FALLBACK_REASONS) this.fallbacks.inc({ reason }, 0);
    this.circuitOpen.set(0);
  }

  /** Makes `llm` forward every mirrored hook here after updating its own counters. */
  attach(llm: LlmMetrics): void {
    const hooks: Mirrored[] = ['onTurn', 'onFallback', 'onFailure', 'onUsage', 'onCircuitState'];
    for (const hook of hooks) {
      const own = llm[hook].bind(llm) as (arg: never) => void;
      const mirror = this[hook].bind(this) as (arg: never) => void;
      (llm as unknown as Record<Mirrored, (arg: never) => void>)[hook] = (arg: never) => {
        own(arg);
        mirror(arg);
      };
    }
  }

  onTurn(report: Parameters<NonNullable<LlmObserver['onTurn']>>[0]): void {
    this.latency.observe({ outcome: report.outcome }, report.durationMs / 1000);
  }

  onFallback(reason: Parameters<NonNullable<LlmObserver['onFallback']>>[0]): void {
    this.fallbacks.inc({ reason });
  }

  onFailure(kind: Parameters<NonNullable<LlmObserver['onFailure']>>[0]): void {
    this.failures.inc({ kind });
  }

  onUsage(usage: Parameters<NonNullable<LlmObserver['onUsage']>>[0]): void {
    if (usage.promptTokens > 0) this.tokens.inc({ type: 'prompt' }, usage.promptTokens);
    if (usage.completionTokens > 0) this.tokens.inc({ type: 'completion' }, usage.completionTokens);
  }

  onCircuitState(state: Parameters<NonNullable<LlmObserver['onCircuitState']>>[0]): void {
    this.circuitOpen.set(state === 'closed' ? 0 : 1);
  }
}
