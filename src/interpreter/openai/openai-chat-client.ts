import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type {
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';

import type { DeltaStream } from './delta-stream.js';
import { interpretationSchema } from './interpretation.schema.js';
import type { LlmCallKind, LlmFailureKind, LlmObserver, TokenUsage } from './llm-metrics.js';
import type { ResponseMode } from './prompts.js';
import { ReplyExtractor } from './reply-extractor.js';
import { toStrictJsonSchema } from './strict-json-schema.js';

export interface ChatClientSettings {
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
}

/** What the interpreter logs through; Nest's `Logger` fits. Never receives user text or model output. */
export interface LlmLogger {
  log(message: string): unknown;
  warn(message: string): unknown;
}

/** What one streamed call produced: refused by the endpoint's filter, or an answer to judge. */
export type CallResult =
  | { filtered: true }
  | {
      filtered: false;
      content: string;
      /** `null` when the stream ended without one (cut mid-answer). */
      finishReason: string | null;
    };

/** A call that failed outright (after the SDK's retries); `kind` says how. */
export class LlmCallFailure extends Error {
  constructor(readonly kind: LlmFailureKind) {
    super(`LLM call failed: ${kind}`);
  }
}

/** How a failed call is counted. */
export function failureKind(error: unknown): LlmFailureKind {
  if (error instanceof LlmCallFailure) return error.kind;
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

/** The signal's reason when it is an error (a `DOMException` named `AbortError` by default), else an `AbortError`. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  // Duck-typed: under Jest the DOMException may come from another realm than this module's `Error`.
  if (typeof reason === 'object' && reason !== null && 'name' in reason && 'message' in reason) return reason as Error;
  return new DOMException('The interpretation was aborted', 'AbortError');
}

const DEFAULT_MAX_OUTPUT_TOKENS = 800;
const JSON_SCHEMA = toStrictJsonSchema(interpretationSchema);

/**
 * The transport: one streamed chat completion per call, the reply fed to a {@link DeltaStream} as it
 * arrives. Remembers, for the process, what the endpoint accepts: `json_object` once it rejected
 * `json_schema` (HTTP 400 naming response_format/json_schema, and only that), and which output-cap
 * parameter. Rejects with {@link LlmCallFailure} or an SDK error on failure, with the abort reason on abort.
 */
export class OpenAiChatClient {
  private readonly client: OpenAI;
  private mode: ResponseMode = 'json_schema';
  private tokenLimitParam: 'max_completion_tokens' | 'max_tokens';

  constructor(
    private readonly settings: ChatClientSettings,
    private readonly logger: LlmLogger,
    private readonly observer: LlmObserver,
  ) {
    this.client = new OpenAI({
      apiKey: settings.apiKey,
      // Explicit, so the SDK does not read OPENAI_BASE_URL itself (config is the only reader of the env).
      baseURL: settings.baseURL ?? 'https://api.openai.com/v1',
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries,
    });
    this.tokenLimitParam = settings.tokenLimitParam ?? (settings.baseURL ? 'max_tokens' : 'max_completion_tokens');
  }

  get responseMode(): ResponseMode {
    return this.mode;
  }

  /**
   * One call; `messages` is asked again for the mode in use, as a `json_object` prompt differs. Adapts to
   * (and retries after) at most two "unsupported" 400s. `onUsage` receives the call's tokens.
   */
  async complete(
    messages: (mode: ResponseMode) => ChatCompletionMessageParam[],
    kind: LlmCallKind,
    deltas: DeltaStream,
    signal: AbortSignal | undefined,
    onUsage: (usage: TokenUsage) => void,
  ): Promise<CallResult> {
    for (let adaptations = 0; ; adaptations++) {
      try {
        return await this.streamOnce(messages(this.mode), kind, deltas, signal, onUsage);
      } catch (error) {
        if (signal?.aborted) throw abortError(signal);
        if (adaptations >= 2 || !this.adaptTo(error)) throw error;
      }
    }
  }

  private async streamOnce(
    messages: ChatCompletionMessageParam[],
    kind: LlmCallKind,
    deltas: DeltaStream,
    signal: AbortSignal | undefined,
    onUsage: (usage: TokenUsage) => void,
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
    let refused = false;
    try {
      const stream = await this.client.chat.completions.create(this.body(messages), { signal: controller.signal });
      rearm();
      try {
        for await (const chunk of stream) {
          rearm();
          if (chunk.usage) {
            const usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
            this.observer.onUsage?.({ ...usage, kind, model: this.settings.model });
            onUsage(usage);
          }
          const choice = chunk.choices[0];
          if (!choice) continue;
          const piece = choice.delta?.content;
          if (piece) {
            content += piece;
            extractor.push(piece);
            if (extractor.complete) attempt.end();
          }
          if (choice.delta?.refusal) refused = true;
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
    if (refused || finishReason === 'content_filter') return { filtered: true };
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
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
