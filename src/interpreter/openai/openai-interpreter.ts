import { Logger } from '@nestjs/common';

import type { Clock } from '../../common/clock.js';
import type { Interpretation, InterpretOptions, InterpretRequest, Interpreter } from '../interpreter.js';
import { CircuitBreaker, DEFAULT_CIRCUIT, type CircuitBreakerOptions, type CircuitPermit } from './circuit-breaker.js';
import { DeltaStream } from './delta-stream.js';
import {
  LlmMetrics,
  type FallbackReason,
  type InvalidOutputKind,
  type LlmCallKind,
  type LlmFailureKind,
  type LlmObserver,
  type LlmTurnReport,
  type TokenUsage,
} from './llm-metrics.js';
import { parseModelOutput } from './model-output.js';
import {
  abortError,
  failureKind,
  OpenAiChatClient,
  type CallResult,
  type ChatClientSettings,
  type LlmLogger,
} from './openai-chat-client.js';
import { buildMessages, PROMPT_VERSION, repairMessages, type ResponseMode } from './prompts.js';

export type { LlmLogger } from './openai-chat-client.js';

export interface OpenAiInterpreterSettings extends ChatClientSettings {
  circuit?: CircuitBreakerOptions;
}

type Checked = { ok: true; interpretation: Interpretation } | { ok: false; kind: InvalidOutputKind; error: string };

interface Turn {
  started: number;
  calls: number;
  usage: TokenUsage;
}

/**
 * Interprets messages with an OpenAI-compatible chat-completions endpoint (one streamed call with a strict
 * JSON-schema response format whose first property is the reply) and falls back to another interpreter
 * whenever the model cannot give a valid answer.
 *
 * - The reply streams: `ReplyExtractor` reads it out of the partial JSON as chunks arrive and
 *   `onDelta` receives each piece (sanitized) at once. The validated `reply` equals their concatenation.
 * - What fails validation never leaves: one repair call (the invalid answer + the problem), then the
 *   fallback for this turn. `finish_reason: length` and a stream cut mid-answer count as invalid;
 *   `content_filter` or a refusal go straight to the fallback.
 * - Hard failures (after the SDK's own retries of 429/5xx/connection errors, and the timeout) fall back for
 *   this turn and count toward the circuit breaker, as do answers still invalid after the repair. While the
 *   circuit is open the fallback answers without any call.
 * - An endpoint that rejects `json_schema` is switched to `json_object` mode for the rest of the process
 *   (see {@link OpenAiChatClient}); the prompt then spells out the JSON shape.
 * - A client abort (`signal`) aborts the HTTP request and rejects with the signal's reason (an
 *   `AbortError` by default); it never falls back and never counts as a failure.
 */
export class OpenAiInterpreter implements Interpreter {
  private readonly client: OpenAiChatClient;
  private readonly circuit: CircuitBreaker;

  constructor(
    private readonly settings: OpenAiInterpreterSettings,
    private readonly fallback: Interpreter,
    clock: Clock,
    private readonly logger: LlmLogger = new Logger(OpenAiInterpreter.name),
    private readonly observer: LlmObserver = new LlmMetrics(),
  ) {
    this.client = new OpenAiChatClient(settings, logger, observer);
    this.circuit = new CircuitBreaker(clock, settings.circuit ?? DEFAULT_CIRCUIT, (state) => {
      this.observer.onCircuitState?.(state);
      this.logger.warn(`LLM circuit ${state} (model ${settings.model})`);
    });
  }

  /** The response format in use: `json_object` once the endpoint has rejected `json_schema`. */
  get responseMode(): ResponseMode {
    return this.client.responseMode;
  }

  async interpret(request: InterpretRequest, options: InterpretOptions = {}): Promise<Interpretation> {
    const { signal } = options;
    if (signal?.aborted) throw abortError(signal);
    const turn: Turn = { started: performance.now(), calls: 0, usage: { promptTokens: 0, completionTokens: 0 } };
    const permit = this.circuit.acquire();
    if (!permit) return this.fallBack('circuit_open', request, options, turn, '');
    const deltas = new DeltaStream(options.onDelta, () => this.logger.warn('onDelta listener threw; streaming stopped'));
    try {
      const first = await this.call(request, [], 'initial', deltas, signal, turn);
      if (first.filtered) return this.filtered(permit, request, options, turn, deltas);
      const checked = check(first);
      if (checked.ok) return this.succeed(permit, checked.interpretation, 'llm', options, turn, deltas);

      this.invalid(checked.kind);
      const second = await this.call(request, repairMessages(first.content, checked.error), 'repair', deltas, signal, turn);
      if (second.filtered) return this.filtered(permit, request, options, turn, deltas);
      const repaired = check(second);
      if (repaired.ok) return this.succeed(permit, repaired.interpretation, 'repaired', options, turn, deltas);

      this.invalid(repaired.kind);
      this.circuit.failure(permit);
      return this.fallBack('invalid_output', request, options, turn, deltas.emitted);
    } catch (error) {
      if (signal?.aborted) {
        this.circuit.release(permit);
        this.report(turn, { outcome: 'aborted' }, options);
        throw abortError(signal);
      }
      const kind = failureKind(error);
      this.observer.onFailure?.(kind);
      this.circuit.failure(permit);
      return this.fallBack('llm_error', request, options, turn, deltas.emitted, kind);
    }
  }

  private call(
    request: InterpretRequest,
    followUp: ReturnType<typeof repairMessages>,
    kind: LlmCallKind,
    deltas: DeltaStream,
    signal: AbortSignal | undefined,
    turn: Turn,
  ): Promise<CallResult> {
    turn.calls++;
    const messages = (mode: ResponseMode) => [...buildMessages(request, mode), ...followUp];
    return this.client.complete(messages, kind, deltas, signal, (usage) => {
      turn.usage.promptTokens += usage.promptTokens;
      turn.usage.completionTokens += usage.completionTokens;
    });
  }

  private invalid(kind: InvalidOutputKind): void {
    this.observer.onInvalidOutput?.(kind);
    this.logger.warn(`LLM answer rejected (${kind}; model ${this.settings.model}, prompt ${PROMPT_VERSION})`);
  }

  private succeed(
    permit: CircuitPermit,
    interpretation: Interpretation,
    outcome: 'llm' | 'repaired',
    options: InterpretOptions,
    turn: Turn,
    deltas: DeltaStream,
  ): Interpretation {
    this.circuit.success(permit);
    const streamed = deltas.emitted;
    if (streamed.trim() !== '' && streamed !== (interpretation.reply ?? '')) {
      this.observer.onReplyMismatch?.();
      this.logger.warn('LLM reply differs from the streamed deltas; the final message carries the validated reply');
    }
    this.report(turn, { outcome }, options);
    return interpretation;
  }

  private filtered(
    permit: CircuitPermit,
    request: InterpretRequest,
    options: InterpretOptions,
    turn: Turn,
    deltas: DeltaStream,
  ): Promise<Interpretation> {
    // The endpoint works; it declined this content.
    this.circuit.success(permit);
    return this.fallBack('content_filter', request, options, turn, deltas.emitted);
  }

  private async fallBack(
    reason: FallbackReason,
    request: InterpretRequest,
    options: InterpretOptions,
    turn: Turn,
    streamed: string,
    failure?: LlmFailureKind,
  ): Promise<Interpretation> {
    this.observer.onFallback?.(reason);
    this.logger.warn(
      `LLM fallback to the rule-based interpreter: ${reason}${failure ? ` (${failure})` : ''}; model ${this.settings.model}`,
    );
    this.report(turn, { outcome: 'fallback', fallbackReason: reason }, options);
    // The fallback may stream only if nothing was streamed yet; its own message replaces any partial text.
    const fallbackOptions: InterpretOptions = {};
    if (options.signal) fallbackOptions.signal = options.signal;
    if (options.onDelta && streamed === '') fallbackOptions.onDelta = options.onDelta;
    return this.fallback.interpret(request, fallbackOptions);
  }

  private report(
    turn: Turn,
    result: Pick<LlmTurnReport, 'outcome' | 'fallbackReason'>,
    options: InterpretOptions,
  ): void {
    const report: LlmTurnReport = {
      ...result,
      model: this.settings.model,
      usage: turn.usage,
      calls: turn.calls,
      durationMs: Math.round(performance.now() - turn.started),
    };
    this.observer.onTurn?.(report);
    if (turn.calls > 0) options.onUsage?.(turn.usage);
    if (result.outcome === 'llm' || result.outcome === 'repaired') {
      this.logger.log(
        `LLM turn ${result.outcome}: ${turn.calls} call(s), ${turn.usage.promptTokens} prompt + ${turn.usage.completionTokens} completion tokens, ${report.durationMs} ms (model ${this.settings.model}, prompt ${PROMPT_VERSION}, ${this.client.responseMode})`,
      );
    }
  }
}

function check(result: { content: string; finishReason: string | null }): Checked {
  if (result.finishReason === 'length') {
    return {
      ok: false,
      kind: 'length',
      error: 'it was cut off because it was too long. Write a shorter reply and only the fields the message states.',
    };
  }
  if (result.finishReason === null) {
    return { ok: false, kind: 'interrupted', error: 'it was cut off before the end.' };
  }
  const parsed = parseModelOutput(result.content);
  return parsed.ok ? parsed : { ok: false, kind: parsed.problem, error: parsed.error };
}

