import type { Redis } from 'ioredis';

/**
 * The one `maxmemory-policy` the service survives: `noeviction`. Under any evicting policy a full
 * Redis drops keys one by one, and every session is several keys (record, event log, owner index, idle
 * index): 400 old sessions under `volatile-lru` pressure left 72 records without their event log and
 * 69 missing from their owner's list and count (issue 14, fault 6). Under `noeviction` a full Redis
 * refuses writes instead (`OOM`), which the service answers with 503 `STORE_UNAVAILABLE`, changing
 * nothing.
 */
export const SAFE_MAXMEMORY_POLICY = 'noeviction';

/** Raised at start-up when Redis would evict the service's keys; the message names the setting. */
export class EvictingRedisError extends Error {
  constructor(readonly policy: string) {
    super(
      `Redis maxmemory-policy is "${policy}", which evicts keys and would leave partial sessions. ` +
        `Set maxmemory-policy to ${SAFE_MAXMEMORY_POLICY} (redis.conf, or CONFIG SET maxmemory-policy ${SAFE_MAXMEMORY_POLICY}); ` +
        'a full Redis then refuses writes and the service answers 503 STORE_UNAVAILABLE.',
    );
    this.name = 'EvictingRedisError';
  }
}

/**
 * The server's `maxmemory-policy`, read from `INFO memory` (which managed Redis services keep when
 * they rename or disable `CONFIG`); null when the reply does not say.
 */
export async function maxmemoryPolicyOf(client: Redis): Promise<string | null> {
  const info = await client.info('memory');
  const match = /^maxmemory_policy:(\S+)/m.exec(info);
  return match?.[1] ?? null;
}

/** Throws `EvictingRedisError` when the server's policy evicts keys. */
export async function assertNoEviction(client: Redis): Promise<void> {
  const policy = await maxmemoryPolicyOf(client);
  if (policy !== null && policy !== SAFE_MAXMEMORY_POLICY) throw new EvictingRedisError(policy);
}
