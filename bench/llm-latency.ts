import type { INestApplication } from '@nestjs/common';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createApp } from '../src/bootstrap.js';
import { AppConfig } from '../src/config/app-config.js';
import { LlmMetrics } from '../src/interpreter/openai/llm-metrics.js';
import { FakeOpenAiServer, step, type FakeStep } from '../test/support/fake-openai-server.js';

/**
 * The LLM path's own costs, on loopback with the fake OpenAI-compatible endpoint of the tests (the real
 * SDK talks to it): how long the first streamed token takes to reach the client as a `delta`, and how
 * often turns fall back to the rule-based interpreter when the endpoint fails. Run alone with
 * `npm run build && node dist/bench/llm-latency.js`, or import the two functions.
 */

export interface FirstDeltaLatency {
  /** Time from the fake model writing its first content chunk to the first `delta` byte at the client. */
  p50Ms: number;
  p99Ms: number;
  samples: number;
  minMs: number;
  maxMs: number;
}

export interface FallbackRate {
  turns: number;
  /** Share of model requests answered with a 500. */
  failureRate: number;
  /** `LLM_MAX_RETRIES`: the SDK retries a 500 this many times. */
  maxRetries: number;
  modelRequests: number;
  failedRequests: number;
  /** Turns the rule-based interpreter answered. */
  fallbacks: number;
  fallbackRate: number;
  /**
   * `failureRate ^ (maxRetries + 1)`: what independent failures predict while the circuit stays closed
   * (once 5 turns in a row fail it opens for 30 s, and every turn falls back without calling).
   */
  expectedFallbackRate: number;
  /** Turns that failed outright (must be 0: a fallback turn still succeeds). */
  turnErrors: number;
  circuitOpenings: number;
  turnP50Ms: number;
}

const REPLY_CHUNKS = ['{"reply":"Okay', ', what would you like to automate?"', ',"intent":"unclear","patch":null}'];
const ANSWER: FakeStep = step.answer(REPLY_CHUNKS.join(''), { chunks: REPLY_CHUNKS, firstChunkDelayMs: 2 });

interface Stack {
  model: FakeOpenAiServer;
  app: INestApplication;
  port: number;
  agent: Agent;
  metrics: LlmMetrics;
  close(): Promise<void>;
}

async function startStack(env: Record<string, string>): Promise<Stack> {
  const model = await new FakeOpenAiServer().start();
  const config = new AppConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_TURNS_PER_MINUTE: '1000000',
    RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '0',
    OPENAI_API_KEY: 'sk-bench-000000000000000000000000',
    OPENAI_BASE_URL: model.baseURL,
    OPENAI_MODEL: 'bench-model',
    LLM_TIMEOUT_MS: '5000',
    ...env,
  });
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  return {
    model,
    app,
    port,
    agent,
    metrics: app.get(LlmMetrics),
    close: async () => {
      agent.destroy();
      await app.close();
      await model.stop();
    },
  };
}

const HEADERS = { 'x-user-id': 'bench-llm', 'x-tenant-id': 'bench', 'content-type': 'application/json' };

function post(stack: Stack, path: string, body: unknown, onData?: (chunk: string, at: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port: stack.port, path, method: 'POST', agent: stack.agent, headers: { ...HEADERS, 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        res.setEncoding('utf8');
        let text = '';
        res.on('data', (chunk: string) => {
          onData?.(chunk, performance.now());
          text += chunk;
        });
        res.on('end', () => resolve(text));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function newSession(stack: Stack): Promise<string> {
  return (JSON.parse(await post(stack, '/v1/sessions', {})) as { sessionId: string }).sessionId;
}

/** One turn; resolves with when the first `delta` frame reached the client (or null) and the whole body. */
async function turn(stack: Stack, sessionId: string, text: string): Promise<{ firstDeltaAt: number | null; body: string }> {
  let seen = '';
  let firstDeltaAt: number | null = null;
  const body = await post(stack, `/v1/sessions/${sessionId}/messages`, { message: text }, (chunk, at) => {
    if (firstDeltaAt !== null) return;
    seen += chunk;
    if (seen.includes('event: delta\n')) firstDeltaAt = at;
  });
  return { firstDeltaAt, body };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * Time from the model's first streamed token (the fake endpoint's timestamp just before it writes the
 * first content chunk) to the first `delta` byte read by an HTTP client of the service, one turn at a
 * time over loopback. Model, service and client share one process and one clock (`performance.now()`).
 */
export async function measureFirstDeltaLatency(options: { samples?: number; warmup?: number } = {}): Promise<FirstDeltaLatency> {
  const samples = options.samples ?? 300;
  const warmup = options.warmup ?? 30;
  const stack = await startStack({ LLM_MAX_RETRIES: '0' });
  try {
    stack.model.respondWith(() => ANSWER);
    const sessionId = await newSession(stack);
    const latencies: number[] = [];
    for (let index = 0; index < warmup + samples; index++) {
      const before = stack.model.requests.length;
      const { firstDeltaAt } = await turn(stack, sessionId, 'banana');
      const firstToken = stack.model.requests[before]?.chunkTimes[0];
      if (firstDeltaAt === null || firstToken === undefined) throw new Error('the turn streamed no delta');
      if (index >= warmup) latencies.push(firstDeltaAt - firstToken);
      stack.model.requests.length = 0;
    }
    latencies.sort((a, b) => a - b);
    return {
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      samples: latencies.length,
      minMs: round(latencies[0]!),
      maxMs: round(latencies.at(-1)!),
    };
  } finally {
    await stack.close();
  }
}

/** A small deterministic PRNG (mulberry32), so runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Turns answered by the rule-based fallback while the endpoint fails `failureRate` of its requests with a
 * 500 (independently, seeded), with the SDK retrying each call `maxRetries` times. Every turn must still
 * succeed; the fallback rate should sit near `failureRate ^ (maxRetries + 1)`.
 */
export async function measureFallbackRate(
  options: { turns?: number; failureRate?: number; maxRetries?: number; seed?: number } = {},
): Promise<FallbackRate> {
  const turns = options.turns ?? 400;
  const failureRate = options.failureRate ?? 0.5;
  const maxRetries = options.maxRetries ?? 2;
  const stack = await startStack({ LLM_MAX_RETRIES: String(maxRetries) });
  try {
    const draw = random(options.seed ?? 42);
    let failedRequests = 0;
    stack.model.respondWith(() => {
      if (draw() >= failureRate) return ANSWER;
      failedRequests++;
      return step.serverError(1);
    });
    const start = stack.metrics.snapshot();
    const sessionId = await newSession(stack);
    let turnErrors = 0;
    const durations: number[] = [];
    for (let index = 0; index < turns; index++) {
      const began = performance.now();
      const { body } = await turn(stack, sessionId, 'banana');
      durations.push(performance.now() - began);
      if (body.includes('event: error\n') || !body.includes('event: done\n')) turnErrors++;
    }
    const end = stack.metrics.snapshot();
    const fallbacks = end.turns.fallback - start.turns.fallback;
    durations.sort((a, b) => a - b);
    return {
      turns,
      failureRate,
      maxRetries,
      modelRequests: stack.model.requests.length,
      failedRequests,
      fallbacks,
      fallbackRate: round(fallbacks / turns),
      expectedFallbackRate: round(failureRate ** (maxRetries + 1)),
      turnErrors,
      circuitOpenings: end.circuitOpenings - start.circuitOpenings,
      turnP50Ms: round(percentile(durations, 50)),
    };
  } finally {
    await stack.close();
  }
}

async function main(): Promise<void> {
  const latency = await measureFirstDeltaLatency();
  console.log(
    `first token → first delta byte at the client: p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms (${latency.samples} turns; min ${latency.minMs}, max ${latency.maxMs}; target p50 < 5 ms)`,
  );
  const fallbacks: FallbackRate[] = [];
  for (const maxRetries of [2, 0]) {
    const fallback = await measureFallbackRate({ maxRetries });
    fallbacks.push(fallback);
    console.log(
      `fallback under ${fallback.failureRate * 100}% 500s, ${maxRetries} retries: ${fallback.fallbacks}/${fallback.turns} turns = ${fallback.fallbackRate} (≈ ${fallback.expectedFallbackRate} while the circuit is closed; it opened ${fallback.circuitOpenings}×); ${fallback.failedRequests}/${fallback.modelRequests} requests failed; ${fallback.turnErrors} failed turns; turn p50 ${fallback.turnP50Ms} ms`,
    );
  }
  console.log(JSON.stringify({ firstDeltaLatency: latency, fallback: fallbacks }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
