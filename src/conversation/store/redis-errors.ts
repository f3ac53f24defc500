import type { Redis } from 'ioredis';
import { abandonConnection, isCommandTimeout, untilReady } from '../../redis/redis-client.js';
import { StoreUnavailableError, VersionConflictError } from './session-store.js';

/** How long a call waits for a connection that is being (re)made before it fails. */
const READY_WAIT_MS = 1000;

/**
 * Reply errors that mean "the server cannot serve now", not "this command is wrong". Anything that is
 * not a reply error (connection refused or reset, `Command timed out`, a closed or unwritable stream,
 * `MaxRetriesPerRequestError`) also means the store is unavailable.
 */
const UNAVAILABLE_REPLIES = ['LOADING', 'BUSY', 'MASTERDOWN', 'READONLY', 'TRYAGAIN', 'CLUSTERDOWN', 'NOREPLICAS'];

/** Maps a failure of a Redis call to the store's errors; reply errors of our own making pass through. */
export function toStoreError(error: unknown): unknown {
  if (error instanceof VersionConflictError || error instanceof StoreUnavailableError) return error;
  if (error instanceof Error && error.name === 'ReplyError') {
    const code = error.message.split(' ', 1)[0] ?? '';
    return UNAVAILABLE_REPLIES.includes(code) ? new StoreUnavailableError(error) : error;
  }
  return new StoreUnavailableError(error);
}

/**
 * Runs one Redis call on `client` once it is ready (waiting at most a second), translating its
 * failure with `toStoreError`. Keep `call` to the Redis command itself: anything it throws is mapped.
 * A call that timed out drops the connection (see `abandonConnection`), so that what it sent cannot
 * run later.
 */
export async function guarded<T>(client: Redis, call: () => Promise<T>): Promise<T> {
  try {
    if (client.status !== 'ready') await untilReady(client, READY_WAIT_MS);
    return await call();
  } catch (error) {
    if (isCommandTimeout(error)) abandonConnection(client);
    throw toStoreError(error);
  }
}
