import { randomUUID } from 'node:crypto';
import { describe, it } from '@jest/globals';
import type { Redis } from 'ioredis';

/**
 * How the Redis suites find Redis: `REDIS_URL` (e.g. redis://127.0.0.1:6379). Without it they are
 * skipped with a message, unless `REQUIRE_REDIS=1` (CI), where a skip is a failure.
 */
export function describeWithRedis(name: string, body: (url: string) => void): void {
  const url = process.env.REDIS_URL;
  if (url) {
    describe(name, () => body(url));
    return;
  }
  if (process.env.REQUIRE_REDIS === '1') {
    describe(name, () => {
      throw new Error(`${name}: REQUIRE_REDIS=1 but REDIS_URL is not set`);
    });
    return;
  }
  console.warn(`${name}: SKIPPED, no Redis. Set REDIS_URL=redis://127.0.0.1:6379 to run it.`);
  describe.skip(`${name} (skipped: REDIS_URL is not set)`, () => {
    it('needs Redis', () => undefined);
  });
}

/** A prefix no other test run shares: `test:<run>:`; suites add their own part after it. */
export function testKeyPrefix(): string {
  return `test:${randomUUID().slice(0, 8)}:`;
}

/** Keys under `prefix`, found with SCAN (never KEYS on a shared server). */
export async function keysUnder(client: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

/** Keys under `prefix` that would live forever (PTTL -1). */
export async function keysWithoutTtl(client: Redis, prefix: string): Promise<string[]> {
  const keys = await keysUnder(client, prefix);
  const ttls = await Promise.all(keys.map((key) => client.pttl(key)));
  return keys.filter((_, i) => ttls[i] === -1);
}

export async function deleteKeysUnder(client: Redis, prefix: string): Promise<void> {
  const keys = await keysUnder(client, prefix);
  if (keys.length > 0) await client.unlink(...keys);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
