import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * An OpenAI-compatible chat-completions server on loopback for tests: `POST /v1/chat/completions` answers
 * with JSON or, when the request asks for `stream: true`, with `text/event-stream` chunks
 * (`data: {chat.completion.chunk}` … `data: [DONE]`), exactly as the real API frames them. Each request
 * takes the next scripted step; every request is recorded (body, headers, whether the client hung up).
 * The real SDK talks to it; nothing of the SDK is mocked.
 */

export type FinishReason = 'stop' | 'length' | 'content_filter';

/** One scripted answer. */
export type FakeStep =
  | {
      type: 'completion';
      /** The assistant content, streamed in `chunks` (or pieces of `chunkSize` characters). */
      content: string;
      chunks?: readonly string[];
      chunkSize?: number;
      /** Pause before each chunk after the first. */
      delayMs?: number;
      /** Pause before the first content chunk (the response headers go out at once). */
      firstChunkDelayMs?: number;
      finishReason?: FinishReason;
      /** Streamed as a `refusal` delta instead of content (structured-outputs refusal). */
      refusal?: string;
      usage?: { promptTokens: number; completionTokens: number };
      /** Destroy the socket after this many content chunks (a connection cut mid-answer). */
      cutAfterChunks?: number;
      /** Stop sending after this many content chunks and keep the connection open (a stalled stream). */
      stallAfterChunks?: number;
    }
  | { type: 'error'; status: number; message: string; headers?: Record<string, string>; param?: string | null }
  /** Accept the request and never answer. */
  | { type: 'hang' };

/** A chat-completions request body as the SDK sends it: the fields tests read, typed; the rest open. */
export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: string }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: {
    type: string;
    json_schema?: { name: string; strict?: boolean; schema: { properties: Record<string, unknown> } };
  };
  max_tokens?: number;
  max_completion_tokens?: number;
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  /** The parsed JSON body (an empty object if it was not JSON). */
  body: ChatRequestBody;
  receivedAt: number;
  /** `performance.now()` when each content chunk was written. */
  chunkTimes: number[];
  /** Set when the client closed the connection before the response was complete. */
  clientClosed: boolean;
  /** Resolves once the connection of this request has closed, telling whether the client hung up early. */
  closed: Promise<boolean>;
}

const DEFAULT_CHUNK = 6;

/**
 * Answers a request when nothing is queued: a scripted model that looks at what it was asked (see
 * {@link userMessageOf}, {@link phaseOf}, {@link isRepairRequest}). `undefined` defers to `otherwise`.
 */
export type Responder = (request: RecordedRequest) => FakeStep | undefined;

/** Builders for the common steps. */
export const step = {
  /** A complete answer: `value` is sent as JSON text (a string is sent as is). */
  answer(value: unknown, options: Omit<Extract<FakeStep, { type: 'completion' }>, 'type' | 'content'> = {}): FakeStep {
    return { type: 'completion', content: typeof value === 'string' ? value : JSON.stringify(value), ...options };
  },
  rateLimited(retryAfterSeconds: number): FakeStep {
    return {
      type: 'error',
      status: 429,
      message: 'Rate limit reached for requests',
      headers: { 'retry-after': String(retryAfterSeconds) },
    };
  },
  serverError(retryAfterMs = 5): FakeStep {
    return { type: 'error', status: 500, message: 'The server had an error', headers: { 'retry-after-ms': String(retryAfterMs) } };
  },
  /** What OpenAI answers for a model without structured outputs. */
  jsonSchemaUnsupported(): FakeStep {
    return {
      type: 'error',
      status: 400,
      param: 'response_format',
      message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
    };
  },
  badRequest(message: string): FakeStep {
    return { type: 'error', status: 400, message };
  },
  hang(): FakeStep {
    return { type: 'hang' };
  },
};

export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: FakeStep[] = [];
  private fallbackStep: FakeStep | null = null;
  private responder: Responder | null = null;
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private server: Server | null = null;
  private port = 0;

  /** Base URL for the SDK: `http://127.0.0.1:PORT/v1`. */
  get baseURL(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** Scripts the next answers, in order. */
  enqueue(...steps: FakeStep[]): this {
    this.queue.push(...steps);
    return this;
  }

  /** The answer once the queue is empty (default: a 500 the SDK does not retry, saying nothing was scripted). */
  otherwise(fallback: FakeStep | null): this {
    this.fallbackStep = fallback;
    return this;
  }

  /** Answers with `responder` whenever the queue is empty (before `otherwise`). */
  respondWith(responder: Responder | null): this {
    this.responder = responder;
    return this;
  }

  /** Resolves once `count` requests in total have arrived (at once if they already have). */
  waitForRequests(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** Forgets the script, the responder and the recorded requests. */
  reset(): void {
    this.queue.length = 0;
    this.requests.length = 0;
    this.fallbackStep = null;
    this.responder = null;
  }

  get pending(): number {
    return this.queue.length;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parts: Buffer[] = [];
    for await (const part of request) parts.push(part as Buffer);
    const raw = Buffer.concat(parts).toString('utf8');
    let body: ChatRequestBody;
    try {
      body = JSON.parse(raw) as ChatRequestBody;
    } catch {
      body = {};
    }
    let resolveClosed: (early: boolean) => void = () => undefined;
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      raw,
      body,
      receivedAt: performance.now(),
      chunkTimes: [],
      clientClosed: false,
      closed: new Promise<boolean>((resolve) => (resolveClosed = resolve)),
    };
    this.requests.push(recorded);
    for (const waiter of this.waiters.filter((entry) => this.requests.length >= entry.count)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    response.on('close', () => {
      recorded.clientClosed = !response.writableFinished;
      resolveClosed(recorded.clientClosed);
    });

    if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
      return this.sendError(response, { type: 'error', status: 404, message: `fake: no route ${request.url}` });
    }
    const next = this.queue.shift() ?? this.responder?.(recorded) ?? this.fallbackStep;
    if (!next) {
      return this.sendError(response, {
        type: 'error',
        status: 500,
        message: 'fake: no scripted response',
        headers: { 'x-should-retry': 'false' },
      });
    }
    if (next.type === 'hang') return;
    if (next.type === 'error') return this.sendError(response, next);
    const wantsStream = (body as { stream?: unknown } | undefined)?.stream === true;
    if (wantsStream) return this.stream(response, next, body, recorded);
    return this.sendJson(response, next, body);
  }

  private sendError(response: ServerResponse, error: Extract<FakeStep, { type: 'error' }>): void {
    response.writeHead(error.status, { 'content-type': 'application/json', ...error.headers });
    response.end(
      JSON.stringify({
        error: { message: error.message, type: 'invalid_request_error', param: error.param ?? null, code: null },
      }),
    );
  }

  private sendJson(response: ServerResponse, answer: Extract<FakeStep, { type: 'completion' }>, body: unknown): void {
    const usage = answer.usage ?? { promptTokens: 100, completionTokens: 20 };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: modelOf(body),
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: answer.content, refusal: answer.refusal ?? null },
            finish_reason: answer.finishReason ?? 'stop',
            logprobs: null,
          },
        ],
        usage: {
          prompt_tokens: usage.promptTokens,
          completion_tokens: usage.completionTokens,
          total_tokens: usage.promptTokens + usage.completionTokens,
        },
      }),
    );
  }

  private async stream(
    response: ServerResponse,
    answer: Extract<FakeStep, { type: 'completion' }>,
    body: unknown,
    recorded: RecordedRequest,
  ): Promise<void> {
    const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: modelOf(body) };
    const send = (payload: unknown) => {
      if (!response.destroyed) response.write(`data: ${JSON.stringify(payload)}\n\n`);
    };
    const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
      send({ ...base, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] });

    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    chunk({ role: 'assistant', content: '' });
    const pieces = answer.chunks ?? split(answer.content, answer.chunkSize ?? DEFAULT_CHUNK);
    for (const [index, piece] of pieces.entries()) {
      const pause = index === 0 ? answer.firstChunkDelayMs : answer.delayMs;
      if (pause) await sleep(pause);
      if (response.destroyed) return;
      if (index === answer.cutAfterChunks) return cut(response);
      if (index === answer.stallAfterChunks) return;
      recorded.chunkTimes.push(performance.now());
      chunk(answer.refusal !== undefined ? { refusal: piece } : { content: piece });
    }
    if (answer.cutAfterChunks !== undefined && answer.cutAfterChunks >= pieces.length) return cut(response);
    chunk({}, answer.finishReason ?? 'stop');
    const includeUsage = (body as { stream_options?: { include_usage?: boolean } }).stream_options?.include_usage;
    if (includeUsage) {
      const usage = answer.usage ?? { promptTokens: 100, completionTokens: 20 };
      send({
        ...base,
        choices: [],
        usage: {
          prompt_tokens: usage.promptTokens,
          completion_tokens: usage.completionTokens,
          total_tokens: usage.promptTokens + usage.completionTokens,
        },
      });
    }
    if (!response.destroyed) response.end('data: [DONE]\n\n');
  }
}

type PromptMessage = { role?: unknown; content?: unknown };

function promptMessages(body: unknown): PromptMessage[] {
  const messages = (body as { messages?: unknown } | undefined)?.messages;
  return Array.isArray(messages) ? (messages as PromptMessage[]) : [];
}

/**
 * The person's text as the model received it: what stands between `<user_message>` and `</user_message>`
 * in the request's user message (after the interpreter's cleaning: invisible characters stripped, secrets
 * redacted, our delimiters escaped). `undefined` when the request has none.
 */
export function userMessageOf(body: unknown): string | undefined {
  for (const message of promptMessages(body)) {
    if (message.role !== 'user' || typeof message.content !== 'string') continue;
    const match = /<user_message>\n([\s\S]*?)\n<\/user_message>/.exec(message.content);
    if (match) return match[1];
  }
  return undefined;
}

/** The phase the system prompt names ("Current phase: X."). */
export function phaseOf(body: unknown): string | undefined {
  const system = promptMessages(body).find((message) => message.role === 'system');
  return typeof system?.content === 'string' ? /Current phase: ([A-Z_]+)\./.exec(system.content)?.[1] : undefined;
}

/** A repair request: the first call's messages followed by the invalid answer and the problem. */
export function isRepairRequest(body: unknown): boolean {
  return promptMessages(body).some((message) => message.role === 'assistant');
}

function split(text: string, size: number): string[] {
  const pieces: string[] = [];
  const chars = [...text];
  for (let index = 0; index < chars.length; index += size) pieces.push(chars.slice(index, index + size).join(''));
  return pieces;
}

function modelOf(body: unknown): string {
  const model = (body as { model?: unknown } | undefined)?.model;
  return typeof model === 'string' ? model : 'fake-model';
}

/** Cuts the connection once what was written has left (so the client sees part of an answer, then the cut). */
async function cut(response: ServerResponse): Promise<void> {
  await new Promise<void>((resolve) => response.write('', () => resolve()));
  response.socket?.destroy();
}

/** Unref'd: a long scripted pause must not keep the test process alive after the server stopped. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
