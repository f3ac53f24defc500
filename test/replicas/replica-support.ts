import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { expect } from '@jest/globals';
import { Redis } from 'ioredis';
import { freePort } from '../contracts/private-redis-server.js';
import { keysUnder, keysWithoutTtl } from '../contracts/redis-test-env.js';
import { LoopbackHttpServer } from '../support/loopback-http-server.js';
import { clusterDeleteKeysUnder, clusterKeysUnder, clusterKeysWithoutTtl } from '../contracts/redis-cluster-test-env.js';
import { createRedisClusterClient } from '../../src/redis/redis-cluster-client.js';
import { closeRedisClient, untilReady } from '../../src/redis/redis-client.js';
import { readSse, type SseEvent } from '../support/sse.js';

/** One key for every replica: what one encrypts, another must read (any 32 bytes, as hex). */
export const SHARED_CREDENTIALS_KEY = '7'.repeat(64);

/**
 * The environment of a replica on Redis: the shared store, a generous event log (the concurrency test
 * commits many turns) and rate limit, and one credentials key for all. With `REDIS_CLUSTER_NODES` set in
 * the test's environment the replicas run on that Redis Cluster instead (the same checks, unchanged).
 */
export function replicaEnv(redisUrl: string, keyPrefix: string, extra: Record<string, string> = {}): Record<string, string> {
  const seeds = process.env['REDIS_CLUSTER_NODES'];
  return {
    SESSION_STORE: 'redis',
    ...(seeds ? { REDIS_CLUSTER_NODES: seeds } : { REDIS_URL: redisUrl }),
    REDIS_KEY_PREFIX: keyPrefix,
    CREDENTIALS_KEY: SHARED_CREDENTIALS_KEY,
    EVENT_LOG_CAP: '1000',
    RATE_LIMIT_TURNS_PER_MINUTE: '100000',
    ...extra,
  };
}

/** Runs `call` and says how long it took (ms). */
export async function timed<T>(call: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await call();
  return { value, ms: Date.now() - started };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every `everyMs` until it returns true; fails after `timeoutMs` naming `what`. */
export async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`Not ${what} within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

/** The HTTP status of `GET url` (0 when nothing answers within 3 s). */
export function statusOf(url: string): Promise<number> {
  return fetch(url, { signal: AbortSignal.timeout(3000) }).then(
    (response) => response.body?.cancel().then(() => response.status) ?? response.status,
    () => 0,
  );
}

/**
 * An OpenAI-compatible endpoint that never gives a usable answer: in `hang` mode it takes the request
 * and never responds (a turn stays in the model call, holding its lease, until LLM_TIMEOUT_MS); in
 * `fail` mode it answers 500 after `delayMs` (the interpreter falls back to the rule-based one, without
 * having streamed anything). A plain node:http server: the app under test is another process.
 */
export class StubLlmServer extends LoopbackHttpServer {
  /** `hang`: never answers; `fail`: a 500 after `delayMs`; `hold`: kept until `releaseHeld` fails them. */
  mode: 'hang' | 'fail' | 'hold' = 'hang';
  delayMs = 0;
  requests = 0;
  private waiters: (() => void)[] = [];
  private held: ServerResponse[] = [];

  /** Answers every held request with the `fail` mode's 500 (the interpreter then falls back to its rules). */
  releaseHeld(): void {
    for (const response of this.held.splice(0)) if (!response.destroyed) this.fail(response);
  }

  get baseUrl(): string {
    return `${this.origin}/v1`;
  }

  /** Resolves at the next request that arrives. */
  nextRequest(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  protected handle(request: IncomingMessage, response: ServerResponse): void {
    this.requests++;
    request.resume();
    this.waiters.splice(0).forEach((wake) => wake());
    if (this.mode === 'hang') return;
    if (this.mode === 'hold') return void this.held.push(response);
    setTimeout(() => {
      if (!response.destroyed) this.fail(response);
    }, this.delayMs);
  }

  private fail(response: ServerResponse): void {
    response.writeHead(500, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { message: 'stub failure', type: 'server_error', param: null, code: null } }));
  }
}

/**
 * A redis-server of the test's own: optionally persistent (`--appendonly yes --appendfsync always` in
 * `dir`, so a kill loses nothing that was acknowledged and a restart finds it again). Only the process
 * started here is ever signalled, by its pid.
 */
export class RedisServerProcess {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly dir: string | undefined,
  ) {}

  static async start(options: { port?: number; dir?: string } = {}): Promise<RedisServerProcess> {
    const server = new RedisServerProcess(options.port ?? (await freePort()), options.dir);
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const persistence = this.dir
      ? ['--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--dir', this.dir]
      : ['--appendonly', 'no', '--save', ''];
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', ...persistence], { stdio: 'ignore' });
    this.child = child;
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    const started = Date.now();
    while (!(await this.answersPing())) {
      if (Date.now() - started > 5000) throw new Error(`redis-server on ${this.port} did not start`);
      await sleep(50);
    }
  }

  /** SIGKILL, as in a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const exited = once(child, 'exit');
    process.kill(child.pid, 'SIGKILL');
    await exited;
    this.child = undefined;
  }

  /** `CLIENT PAUSE ms ALL`: the server holds every client's commands for `ms`. */
  async pause(ms: number): Promise<void> {
    const admin = new Redis(this.url, { maxRetriesPerRequest: 0, lazyConnect: true });
    try {
      await admin.connect();
      await admin.call('CLIENT', 'PAUSE', String(ms), 'ALL');
    } finally {
      admin.disconnect();
    }
  }

  private answersPing(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = new Socket();
      const done = (ok: boolean): void => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(500, () => done(false));
      socket.once('error', () => done(false));
      socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
      socket.connect(this.port, '127.0.0.1', () => socket.write('PING\r\n'));
    });
  }
}

/** A client following a session's `/events` stream, as the chat page does. */
export class EventFollower {
  readonly events: SseEvent[] = [];
  private readonly listeners = new Set<() => void>();

  private done: Promise<void> = Promise.resolve();

  private constructor(
    private readonly abort: AbortController,
    readonly status: number,
  ) {}

  static async open(baseUrl: string, sessionId: string, headers: Record<string, string>, lastEventId?: number): Promise<EventFollower> {
    const abort = new AbortController();
    const response = await fetch(`${baseUrl}/v1/sessions/${sessionId}/events`, {
      headers: { ...headers, ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }) },
      signal: abort.signal,
    });
    const follower = new EventFollower(abort, response.status);
    follower.done = readSse(response, (event) => {
      follower.events.push(event);
      follower.listeners.forEach((wake) => wake());
    }).catch(() => undefined);
    return follower;
  }

  /** Resolves with the first event (seen so far or later) that `match` accepts; fails after `timeoutMs`. */
  waitFor(match: (event: SseEvent) => boolean, timeoutMs = 5000): Promise<SseEvent> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.events.find(match);
        if (!found) return false;
        clearTimeout(timer);
        this.listeners.delete(wake);
        resolve(found);
        return true;
      };
      const wake = (): void => void check();
      const timer = setTimeout(() => {
        this.listeners.delete(wake);
        reject(new Error(`No matching event within ${timeoutMs} ms; got ${this.events.map((event) => event.event).join(', ')}`));
      }, timeoutMs);
      if (!check()) this.listeners.add(wake);
    });
  }

  /** Resolves when the server ends the stream; fails after `timeoutMs`. */
  async ended(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`The event stream was still open after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.done, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}

/**
 * Keys that are not session data and live on purpose without a TTL: a user's connected accounts
 * (the credential store) outlast any one conversation.
 */
export const KEYS_KEPT_WITHOUT_TTL = ['cred:'];

/**
 * The end-of-suite check of the issue: no session key the run left under `prefix` lives forever
 * (session records, event logs, indexes, leases, OAuth states, drafts: everything but
 * `KEYS_KEPT_WITHOUT_TTL`). Then removes every key under `prefix`.
 */
export async function expectEveryKeyHasTtlThenClean(redisUrl: string, prefix: string): Promise<number> {
  const seeds = process.env['REDIS_CLUSTER_NODES'];
  if (seeds) return expectEveryClusterKeyHasTtlThenClean(seeds, prefix);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const keys = await keysUnder(redis, prefix);
    const kept = (key: string): boolean => KEYS_KEPT_WITHOUT_TTL.some((part) => key.startsWith(prefix + part));
    const forever = (await keysWithoutTtl(redis, prefix)).filter((key) => !kept(key));
    if (keys.length > 0) await redis.unlink(...keys);
    expect(forever).toEqual([]);
    return keys.length;
  } finally {
    redis.disconnect();
  }
}

/** `expectEveryKeyHasTtlThenClean` on a Redis Cluster: every master is scanned. */
async function expectEveryClusterKeyHasTtlThenClean(seeds: string, prefix: string): Promise<number> {
  const redis = createRedisClusterClient(seeds, { role: 'command', connectionName: 'replica-check', onError: () => undefined });
  try {
    await untilReady(redis, 10_000);
    const keys = await clusterKeysUnder(redis, prefix);
    const kept = (key: string): boolean => KEYS_KEPT_WITHOUT_TTL.some((part) => key.startsWith(prefix + part));
    const forever = (await clusterKeysWithoutTtl(redis, prefix)).filter((key) => !kept(key));
    await clusterDeleteKeysUnder(redis, prefix);
    expect(forever).toEqual([]);
    return keys.length;
  } finally {
    await closeRedisClient(redis);
  }
}
