import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { deleteKeysUnder, describeWithRedis, keysWithoutTtl, sleep, testKeyPrefix } from '../../../test/contracts/redis-test-env.js';
import { FakeClock } from '../../common/clock.js';
import type { IdempotencyRecord, IdempotencyStore } from './idempotency-store.js';
import { MemoryIdempotencyStore } from './memory-idempotency-store.js';
import { RedisIdempotencyStore } from './redis-idempotency-store.js';

/** One backend under the shared scenarios: how to make it, let time pass, and clean up. */
interface Initializer {
  name: string;
  create(): Promise<IdempotencyStore>;
  /** Lets `ms` pass for the store's TTLs. */
  advance(ms: number): Promise<void>;
  cleanup?(): Promise<void>;
}

const running = (attempt: string, fingerprint = 'f1'): IdempotencyRecord => ({ state: 'running', attempt, fingerprint, until: 1 });
const completed = (attempt: string): IdempotencyRecord => ({
  state: 'completed',
  attempt,
  fingerprint: 'f1',
  events: [{ sessionId: 's', seq: 3, type: 'done', phase: 'IDLE' as never, content: null, actions: [], oauthUrl: null, data: null }],
});

function idempotencyStoreContract(init: Initializer): void {
  let store: IdempotencyStore;
  beforeEach(async () => {
    store = await init.create();
  });

  it(`${init.name}#claim stores a key once`, async () => {
    expect(await store.claim('k', running('a1'), 60_000)).toBe(true);
    expect(await store.claim('k', running('a2'), 60_000)).toBe(false);
    expect(await store.get('k')).toEqual(running('a1'));
    expect(await store.get('other')).toBeNull();
  });

  it(`${init.name}#replace only while the attempt holds the key`, async () => {
    await store.claim('k', running('a1'), 60_000);
    expect(await store.replace('k', 'a2', completed('a2'), 60_000)).toBe(false);
    expect(await store.replace('k', 'a1', completed('a1'), 60_000)).toBe(true);
    expect(await store.get('k')).toEqual(completed('a1'));
    expect(await store.replace('missing', 'a1', completed('a1'), 60_000)).toBe(false);
    expect(await store.get('missing')).toBeNull();
  });

  it(`${init.name}#release only by the attempt holding the key`, async () => {
    await store.claim('k', running('a1'), 60_000);
    await store.release('k', 'a2');
    expect(await store.get('k')).not.toBeNull();
    await store.release('k', 'a1');
    expect(await store.get('k')).toBeNull();
    expect(await store.claim('k', running('a3'), 60_000)).toBe(true);
  });

  it(`${init.name}#keys expire after their TTL, and a replace starts it again`, async () => {
    await store.claim('short', running('a1'), 200);
    await store.claim('renewed', running('a1'), 200);
    await init.advance(120);
    expect(await store.replace('renewed', 'a1', completed('a1'), 60_000)).toBe(true);
    await init.advance(150);
    expect(await store.get('short')).toBeNull();
    expect(await store.claim('short', running('a2'), 60_000)).toBe(true);
    expect(await store.get('renewed')).toEqual(completed('a1'));
  });
}

describe(MemoryIdempotencyStore.name, () => {
  const clock = new FakeClock();
  idempotencyStoreContract({
    name: 'memory',
    create: async () => new MemoryIdempotencyStore(clock),
    advance: async (ms) => clock.advance(ms),
  });

  it('keeps at most maxKeys keys, dropping the oldest', async () => {
    const store = new MemoryIdempotencyStore(clock, 3);
    for (const key of ['a', 'b', 'c', 'd']) await store.claim(key, running(key), 60_000);
    expect(store.size).toBe(3);
    expect(await store.get('a')).toBeNull();
    expect(await store.get('d')).not.toBeNull();
  });

  it('hands out copies', async () => {
    const store = new MemoryIdempotencyStore(clock);
    const record = completed('a1');
    await store.claim('k', record, 60_000);
    (record as { events: unknown[] }).events.length = 0;
    const read = (await store.get('k')) as { events: unknown[] };
    read.events.length = 0;
    expect(await store.get('k')).toEqual(completed('a1'));
  });
});

describeWithRedis(RedisIdempotencyStore.name, (url) => {
  let client: Redis;
  const prefix = testKeyPrefix();
  beforeAll(() => {
    client = new Redis(url, { lazyConnect: false });
  });
  afterAll(async () => {
    await deleteKeysUnder(client, prefix);
    client.disconnect();
  });

  idempotencyStoreContract({
    name: 'redis',
    create: async () => new RedisIdempotencyStore(client, `${prefix}${Math.random().toString(36).slice(2, 8)}:`),
    advance: (ms) => sleep(ms),
  });

  it('writes every key with a TTL', async () => {
    const store = new RedisIdempotencyStore(client, `${prefix}ttl:`);
    await store.claim('k', running('a1'), 60_000);
    await store.replace('k', 'a1', completed('a1'), 60_000);
    expect(await keysWithoutTtl(client, prefix)).toEqual([]);
  });
});
