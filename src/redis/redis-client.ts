import { Logger } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { coalesceWrites } from './coalesced-writes.js';

/** What a connection is for: commands must fail fast; a subscriber must outlast outages. */
export type RedisConnectionRole = 'command' | 'subscriber';

/** Reconnect quickly and forever: 100 ms, 200 ms, … capped at 1 s, so recovery takes about a second. */
export const cappedRetryStrategy = (attempt: number): number => Math.min(attempt * 100, 1000);

/**
 * Options for the connection that runs store commands. The defaults of ioredis queue commands while
 * disconnected and retry them for over a minute, which turns a dead Redis into hanging requests.
 */
export const COMMAND_CONNECTION_OPTIONS: RedisOptions = {
  // A command that gets no answer (paused or unreachable server) fails after a second.
  commandTimeout: 1000,
  connectTimeout: 2000,
  // No offline queue: while disconnected a command fails at once instead of waiting for a reconnect.
  enableOfflineQueue: false,
  // Trap: a command that was written but unanswered when the socket closed must not be sent again
  // after reconnecting: the caller has already been told it failed, so a replayed `save` would
  // commit a turn that was reported as failed. Flush it on the first close (0) and never resend.
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
  retryStrategy: cappedRetryStrategy,
};

/**
 * Options for the pub/sub connection: it waits (no command timeout, offline queue on) and
 * resubscribes its channels after a reconnect; live events published meanwhile are lost, and
 * clients catch up from the event log with `Last-Event-ID`.
 */
export const SUBSCRIBER_CONNECTION_OPTIONS: RedisOptions = {
  connectTimeout: 2000,
  enableOfflineQueue: true,
  maxRetriesPerRequest: null,
  autoResubscribe: true,
  retryStrategy: cappedRetryStrategy,
};

/** Clients whose latest connection attempt failed (cleared when they become ready again). */
const unreachable = new WeakSet<Redis>();

export interface CreateRedisClientOptions {
  role: RedisConnectionRole;
  /** Shown in `CLIENT LIST`. */
  connectionName?: string;
  /** Called once per outage with its first error; defaults to a warning in the log. */
  onError?: (error: Error) => void;
  /** Extra ioredis options (tests shorten timeouts with these). */
  overrides?: RedisOptions;
}

/**
 * Opens a connection for `url` with the options of its role. Errors are reported once per outage:
 * ioredis emits one per reconnect attempt, and an unhandled `error` event would be printed each time.
 */
export function createRedisClient(url: string, options: CreateRedisClientOptions): Redis {
  const base = options.role === 'command' ? COMMAND_CONNECTION_OPTIONS : SUBSCRIBER_CONNECTION_OPTIONS;
  const client = new Redis(url, {
    ...base,
    connectionName: options.connectionName,
    ...options.overrides,
  });
  const logger = new Logger(`Redis:${options.role}`);
  const report = options.onError ?? ((error: Error) => logger.warn(`Redis unreachable: ${error.message}`));
  let reported = false;
  client.on('error', (error: Error) => {
    if (client.status !== 'ready') unreachable.add(client);
    if (reported) return;
    reported = true;
    report(error);
  });
  client.on('ready', () => {
    unreachable.delete(client);
    reported = false;
  });
  coalesceWrites(client);
  return client;
}

/** Whether `error` is ioredis's rejection of a command that got no answer within `commandTimeout`. */
export function isCommandTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'Command timed out';
}

/**
 * Drops a connection whose command went unanswered, and lets it reconnect (after the retry strategy's
 * first delay). Trap: the timeout only rejects the promise; the command is still queued in Redis, and
 * a paused server (`CLIENT PAUSE`, as during a failover) runs it once the pause ends, so a `save`
 * reported as failed would commit after all, and a lease would be taken by nobody. Redis discards
 * what a closed connection had queued, so closing it keeps "failed" meaning "nothing was written".
 * Other commands waiting on the same connection fail with it: they were stuck just the same.
 */
export function abandonConnection(client: Redis): void {
  if (client.status === 'ready' || client.status === 'connect') client.disconnect(true);
}

/** Closes a connection politely (QUIT), or at once if Redis does not answer within `timeoutMs`. */
export async function closeRedisClient(client: Redis, timeoutMs = 1000): Promise<void> {
  if (client.status === 'end') return;
  const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([client.quit(), deadline]);
  } catch {
    // Not connected: nothing to say goodbye to.
  }
  // Drop the socket if QUIT did not (or could not), and stop reconnecting.
  client.disconnect();
  await Promise.race([ended, deadline]);
  clearTimeout(timer);
}

/** The one wait for each client that is not ready: every caller shares it (see `untilReady`). */
const readiness = new WeakMap<Redis, Promise<void>>();

/**
 * Resolves once `client` is ready; rejects when it is closed, when its connection attempt fails, or
 * after `timeoutMs`. Commands fail at once while a connection is down (no offline queue), so callers
 * wait here first: a command issued while the first connection is being made, or while a dropped
 * one is being remade, goes through instead of failing. Once an attempt has failed (Redis is down),
 * callers of a client made by `createRedisClient` fail at once until it is ready again.
 *
 * Concurrent callers share one set of listeners on the client: one set per caller put a turn's worth
 * of listeners on it for every request waiting through a reconnect, and Node warned of a leak in the
 * log (the soak test's connection kills printed 45 such warnings).
 */
export async function untilReady(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return;
  if (client.status === 'end') throw new Error('Connection is closed.');
  if (unreachable.has(client)) throw new Error('Redis is unreachable.');
  let ready = readiness.get(client);
  if (!ready) {
    ready = new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        readiness.delete(client);
        client.off('ready', onReady);
        client.off('end', onEnd);
        client.off('error', onError);
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => settle();
      const onEnd = () => settle(new Error('Connection is closed.'));
      const onError = (error: Error) => settle(error);
      client.on('ready', onReady);
      client.on('end', onEnd);
      client.on('error', onError);
    });
    // Every caller may have given up (timed out) before it settles.
    ready.catch(() => undefined);
    readiness.set(client, ready);
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis not ready within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([ready, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
