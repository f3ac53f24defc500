import { Logger } from '@nestjs/common';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type {
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';

import type { Clock } from '../../common/clock.js';
import type { Interpretation, InterpretOptions, InterpretRequest, Interpreter } from '../interpreter.js';
import { CircuitBreaker, DEFAULT_CIRCUIT, type CircuitBreakerOptions, type CircuitPermit } from './circuit-breaker.js';
import { DeltaStream } from './delta-stream.js';
import { interpretationSchema } from './interpretation.schema.js';
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
import { buildMessages, PROMPT_VERSION, repairMessages, type ResponseMode } from './prompts.js';
import { ReplyExtractor } from './reply-extractor.js';
import { toStrictJsonSchema } from './strict-json-schema.js';

export interface OpenAiInterpreterSettings {
  apiKey: string;
  /** An OpenAI-compatible endpoint (Azure, vLLM, Ollama, LM Studio …); OpenAI itself when absent. */
  baseURL?: string | undefined;
  model: string;
  /** Per HTTP attempt until the response starts (the SDK's `timeout`), and the longest silence inside a stream. */
  timeoutMs: number;
  /** Retries of 408/409/429/5xx and connection errors, done by the SDK with backoff honouring Retry-After. */
  maxRetries: number;
  /** Cap on generated tokens per call (default 800). */
  maxOutputTokens?: number;
  /** Default: `max_completion_tokens` for OpenAI itself, `max_tokens` for other endpoints (what most accept). */
  tokenLimitParam?: 'max_completion_tokens' | 'max_tokens';
  circuit?: CircuitBreakerOptions;
}

/** What the interpreter logs through; Nest's `Logger` fits. Never receives user text or model output. */
export interface LlmLogger {
  log(message: string): unknown;
  warn(message: string): unknown;
}

/** `InterpretOptions` plus an optional per-turn usage callback (for per-session accounting by the caller). */
export interface OpenAiInterpretOptions extends InterpretOptions {
  onUsage?: (usage: TokenUsage) => void;
}

const DEFAULT_MAX_OUTPUT_TOKENS = 800;
const JSON_SCHEMA = toStrictJsonSchema(interpretationSchema);

/** A call that failed outright; `kind` says how. */
class LlmCallFailure extends Error {
  constructor(readonly kind: LlmFailureKind) {
    super(`LLM call failed: ${kind}`);
  }
}

/** What one streamed call produced. */
type CallResult = { filtered: true } | { filtered: false; content: string; finishReason: string | null };

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
 * - The reply streams: {@link ReplyExtractor} reads it out of the partial JSON as chunks arrive and
 *   `onDelta` receives each piece (sanitized) at once. The validated `reply` equals their concatenation.
 * - What fails validation never leaves: one repair call (the invalid answer + the problem), then the
 *   fallback for this turn. `finish_reason: length` and a stream cut mid-answer count as invalid;
 *   `content_filter` or a refusal go straight to the fallback.
 * - Hard failures (after the SDK's own retries of 429/5xx/connection errors, and the timeout) fall back for
 *   this turn and count toward the circuit breaker, as do answers still invalid after the repair. While the
 *   circuit is open the fallback answers without any call.
 * - An endpoint that rejects `json_schema` (HTTP 400 naming response_format/json_schema) is switched to
 *   `json_object` mode for the rest of the process; the prompt then spells out the JSON shape.
 * - A client abort (`signal`) aborts the HTTP request and rejects with the signal's reason (an
 *   `AbortError` by default); it never falls back and never counts as a failure.
 */
export class OpenAiInterpreter implements Interpreter {
  private readonly client: OpenAI;
  private readonly circuit: CircuitBreaker;
  private mode: ResponseMode = 'json_schema';
  private tokenLimitParam: 'max_completion_tokens' | 'max_tokens';

  constructor(
    private readonly settings: OpenAiInterpreterSettings,
    private readonly fallback: Interpreter,
    clock: Clock,
    private readonly logger: LlmLogger = new Logger(OpenAiInterpreter.name),
    private readonly observer: LlmObserver = new LlmMetrics(),
  ) {
    this.client = new OpenAI({
      apiKey: settings.apiKey,
      // Explicit, so the SDK does not read OPENAI_BASE_URL itself (config is the only reader of the env).
      baseURL: settings.baseURL ?? 'https://api.openai.com/v1',
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries,
    });
    this.tokenLimitParam = settings.tokenLimitParam ?? (settings.baseURL ? 'max_tokens' : 'max_completion_tokens');
    this.circuit = new CircuitBreaker(clock, settings.circuit ?? DEFAULT_CIRCUIT, (state) => {
      this.observer.onCircuitState?.(state);
      this.logger.warn(`LLM circuit ${state} (model ${settings.model})`);
    });
  }

  /** The response format in use: `json_object` once the endpoint has rejected `json_schema`. */
  get responseMode(): ResponseMode {
    return this.mode;
  }

  async interpret(request: InterpretRequest, options: OpenAiInterpretOptions = {}): Promise<Interpretation> {
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
      const kind = error instanceof LlmCallFailure ? error.kind : failureKind(error);
      this.observer.onFailure?.(kind);
      this.circuit.failure(permit);
      return this.fallBack('llm_error', request, options, turn, deltas.emitted, kind);
    }
  }

  /** One call, adapting once to an endpoint that rejects `json_schema` or the output-cap parameter. */
  private async call(
    request: InterpretRequest,
    followUp: ChatCompletionMessageParam[],
    kind: LlmCallKind,
    deltas: DeltaStream,
    signal: AbortSignal | undefined,
    turn: Turn,
  ): Promise<CallResult> {
    for (let adaptations = 0; ; adaptations++) {
      try {
        const messages = [...buildMessages(request, this.mode), ...followUp];
        return await this.streamOnce(messages, kind, deltas, signal, turn);
      } catch (error) {
        if (signal?.aborted || adaptations >= 2 || !this.adaptTo(error)) throw error;
      }
    }
  }

  private async streamOnce(
    messages: ChatCompletionMessageParam[],
    kind: LlmCallKind,
    deltas: DeltaStream,
    signal: AbortSignal | undefined,
    turn: Turn,
  ): Promise<CallResult> {
    // Our own controller: the caller's signal aborts it, and so does a stream that goes silent (the SDK's
    // timeout only covers the wait for the response headers, not the body of a stream).
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let stalled = false;
    let idle: NodeJS.Timeout | undefined;
    const rearm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        stalled = true;
        controller.abort();
      }, this.settings.timeoutMs);
    };
    const attempt = deltas.beginAttempt();
    const extractor = new ReplyExtractor((text) => attempt.push(text));
    let content = '';
    let finishReason: string | null = null;
    let filtered = false;
    turn.calls++;
    try {
      const stream = await this.client.chat.completions.create(this.body(messages), { signal: controller.signal });
      rearm();
      try {
        for await (const chunk of stream) {
          rearm();
          if (chunk.usage) this.recordUsage(chunk.usage, kind, turn);
          const choice = chunk.choices[0];
          if (!choice) continue;
          const piece = choice.delta?.content;
          if (piece) {
            content += piece;
            extractor.push(piece);
            if (extractor.complete) attempt.end();
          }
          if (choice.delta?.refusal) filtered = true;
          if (choice.finish_reason) finishReason = choice.finish_reason;
        }
      } catch (error) {
        // A stream cut mid-answer: what arrived is judged like any other answer (finishReason stays null).
        if (!signal?.aborted && !stalled) this.logger.warn(`LLM stream interrupted: ${errorName(error)}`);
      }
      // The SDK ends a stream silently when its request is aborted, so look at why it ended.
      if (signal?.aborted) throw abortError(signal);
      if (stalled) throw new LlmCallFailure('stream_stalled');
    } finally {
      clearTimeout(idle);
      signal?.removeEventListener('abort', onAbort);
    }
    if (filtered || finishReason === 'content_filter') return { filtered: true };
    return { filtered: false, content, finishReason };
  }

  private body(messages: ChatCompletionMessageParam[]): ChatCompletionCreateParamsStreaming {
    const body: ChatCompletionCreateParamsStreaming = {
      model: this.settings.model,
      messages,
      stream: true,
      stream_options: { include_usage: true },
      response_format:
        this.mode === 'json_schema'
          ? { type: 'json_schema', json_schema: { name: 'interpretation', strict: true, schema: JSON_SCHEMA } }
          : { type: 'json_object' },
    };
    body[this.tokenLimitParam] = this.settings.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
    return body;
  }

  /** Switches to what the endpoint accepts after a 400 that names the unsupported feature; true if it did. */
  private adaptTo(error: unknown): boolean {
    if (!(error instanceof APIError) || error.status !== 400) return false;
    const message = error.message;
    if (this.mode === 'json_schema' && /response_format|json_schema/i.test(message)) {
      this.mode = 'json_object';
      this.observer.onResponseMode?.('json_object');
      this.logger.warn(`LLM endpoint rejected json_schema; using json_object mode from now on (model ${this.settings.model})`);
      return true;
    }
    const sent = this.tokenLimitParam;
    if (message.includes(sent) && /unsupported|not supported|unrecognized|unknown|not allowed|extra/i.test(message)) {
      this.tokenLimitParam = sent === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens';
      this.logger.warn(`LLM endpoint rejected ${sent}; using ${this.tokenLimitParam} from now on`);
      return true;
    }
    return false;
  }

  private recordUsage(usage: OpenAI.CompletionUsage, kind: LlmCallKind, turn: Turn): void {
    const tokens = { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens };
    turn.usage.promptTokens += tokens.promptTokens;
    turn.usage.completionTokens += tokens.completionTokens;
    this.observer.onUsage?.({ ...tokens, kind, model: this.settings.model });
  }

  private invalid(kind: InvalidOutputKind): void {
    this.observer.onInvalidOutput?.(kind);
    this.logger.warn(`LLM answer rejected (${kind}; model ${this.settings.model}, prompt ${PROMPT_VERSION})`);
  }

  private succeed(
    permit: CircuitPermit,
    interpretation: Interpretation,
    outcome: 'llm' | 'repaired',
    options: OpenAiInterpretOptions,
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
    options: OpenAiInterpretOptions,
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
    options: OpenAiInterpretOptions,
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
    options: OpenAiInterpretOptions,
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
        `LLM turn ${result.outcome}: ${turn.calls} call(s), ${turn.usage.promptTokens} prompt + ${turn.usage.completionTokens} completion tokens, ${report.durationMs} ms (model ${this.settings.model}, prompt ${PROMPT_VERSION}, ${this.mode})`,
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

function failureKind(error: unknown): LlmFailureKind {
  if (error instanceof APIConnectionTimeoutError) return 'timeout';
  if (error instanceof APIConnectionError) return 'connection';
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    if (status === 429) return 'rate_limited';
    if (status === 401 || status === 403) return 'auth';
    if (status >= 500) return 'server_error';
    if (status >= 400) return 'bad_request';
  }
  return 'unknown';
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** The signal's reason when it is an error (a `DOMException` named `AbortError` by default), else an `AbortError`. */
function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  // Duck-typed: under Jest the DOMException may come from another realm than this module's `Error`.
  if (typeof reason === 'object' && reason !== null && 'name' in reason && 'message' in reason) return reason as Error;
  return new DOMException('The interpretation was aborted', 'AbortError');
}
