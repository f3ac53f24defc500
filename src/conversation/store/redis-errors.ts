import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { abandonConnection, isCommandTimeout, untilReady } from '../../redis/redis-client.js';
import { isRedisRefusal } from './redis-refusals.js';
import { StoreUnavailableError, VersionConflictError } from './session-store.js';

/** How long a call waits for a connection that is being (re)made before it fails. */
const READY_WAIT_MS = 1000;

/** What ioredis says when it refuses to send a command (no connection and no offline queue). */
const NOT_SENT = "Stream isn't writeable";

/**
 * The store is unavailable and the command may have run all the same: it was sent, and the reply was
 * lost with the connection (`Connection is closed.`, a reconnect flushing it) or did not come in time.
 * A write that fails this way has to be checked before it is reported as not done.
 */
export class OutcomeUnknownError extends StoreUnavailableError {
  constructor(cause: unknown) {
    super(cause);
    this.name = 'OutcomeUnknownError';
  }
}

/**
 * Maps a failure of a Redis call to the store's errors: a refusal (see `isRedisRefusal`) or anything that
 * is not a reply error (connection refused or reset, `Command timed out`, a closed or unwritable
 * stream, `MaxRetriesPerRequestError`) means the store is unavailable; other reply errors pass through.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof VersionConflictError || error instanceof StoreUnavailableError) return error;
  if (error instanceof Error && error.name === 'ReplyError') return isRedisRefusal(error) ? new StoreUnavailableError(error) : error;
  return new StoreUnavailableError(error);
}

/**
 * Runs one Redis call on `client` once it is ready (waiting at most a second), translating its
 * failure with `toStoreError`; a failure after the command may have been sent is an
 * `OutcomeUnknownError`. Keep `call` to the Redis command itself: anything it throws is mapped.
 * A call that timed out drops the connection (see `abandonConnection`), so that what it sent cannot
 * run later.
 */
export async function guarded<T>(client: Redis, call: () => Promise<T>): Promise<T> {
  try {
    if (client.status !== 'ready') await untilReady(client, READY_WAIT_MS);
  } catch (error) {
    throw toStoreError(error);
  }
  try {
    return await call();
  } catch (error) {
    if (isCommandTimeout(error)) abandonConnection(client);
    const mapped = toStoreError(error);
    const maybeRan = mapped instanceof StoreUnavailableError && !(error instanceof Error && (error.name === 'ReplyError' || error.message.startsWith(NOT_SENT)));
    throw maybeRan ? new OutcomeUnknownError(error) : mapped;
  }
}

/** Probes of a write whose reply was lost, before its outcome is called unknown. */
export const OUTCOME_PROBES = 3;

/**
 * How long probes after the first may take in all. The first fails at once when the connection that
 * lost the reply is still being made again (the usual case, and worth another try); a Redis that is
 * paused or gone is not worth more of the caller's wait than this.
 */
const PROBE_RETRY_WINDOW_MS = 300;

/**
 * After a write failed with `error`: did it land all the same? `probe` asks Redis (waiting for the
 * connection like any call). `lost` when the write surely did not run or the probe says so, `unknown`
 * when Redis cannot tell yet; either way the caller reports the original error, unless `landed`.
 * A probe that fails is tried again (up to `OUTCOME_PROBES`, within `PROBE_RETRY_WINDOW_MS`): every
 * `unknown` is a turn the user is told failed although it may have committed.
 */
export async function outcomeOf(error: unknown, probe: () => Promise<boolean>): Promise<'landed' | 'lost' | 'unknown'> {
  if (!(error instanceof OutcomeUnknownError)) return 'lost';
  const deadline = Date.now() + PROBE_RETRY_WINDOW_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      const landed = attempt === 1 ? await probe() : await withDeadline(probe(), deadline);
      return landed ? 'landed' : 'lost';
    } catch (probeError) {
      const retry = attempt < OUTCOME_PROBES && Date.now() < deadline && probeError instanceof StoreUnavailableError;
      if (!retry) return 'unknown';
      await sleep(Math.min(50 * attempt, Math.max(0, deadline - Date.now())));
    }
  }
}

/** `promise`, or a StoreUnavailableError at `deadline` (the probe left behind is a read: harmless). */
async function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      promise,
      sleep(Math.max(0, deadline - Date.now()), undefined, { signal: timer.signal }).then(() => {
        throw new StoreUnavailableError(new Error('No answer to the probe in time'));
      }),
    ]);
  } finally {
    timer.abort();
  }
}
