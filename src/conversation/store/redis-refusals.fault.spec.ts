import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, untilReady } from '../../redis/redis-client.js';
import { describeWithRedisServer, PrivateRedisServer } from '../../../test/contracts/private-redis-server.js';
import { nextEvents, nextState, sessionState } from '../../../test/contracts/session-fixtures.js';
import { storeError } from '../turn/store-errors.js';
import { isRedisRefusal } from './redis-refusals.js';
import { createRedisSessionStore } from './redis-session-store.js';
import { StoreUnavailableError } from './session-store.js';

const TTL = { ttlMs: 60_000 };

describe(isRedisRefusal.name, () => {
  const reply = (message: string): Error => Object.assign(new Error(message), { name: 'ReplyError' });

  it.each(['OOM command not allowed', 'READONLY You can\'t write', 'MISCONF Redis is configured to save RDB', 'LOADING Redis is loading', 'BUSY Redis is busy', 'CLUSTERDOWN The cluster is down', 'EXECABORT Transaction discarded'])(
    'is a refusal: %s',
    (message) => expect(isRedisRefusal(reply(message))).toBe(true),
  );

  it('sees a refusal inside a script error, and nothing else', () => {
    expect(isRedisRefusal(reply("ERR Error running script (call to f_1): @user_script:1: -OOM command not allowed when used memory > 'maxmemory'."))).toBe(true);
    expect(isRedisRefusal(reply('ERR wrong number of arguments'))).toBe(false);
    expect(isRedisRefusal(reply('WRONGTYPE Operation against a key holding the wrong kind of value'))).toBe(false);
    expect(isRedisRefusal(new Error('OOM'))).toBe(false);
  });
});

/** Issue 14, fault 3: a full Redis (`maxmemory` reached under `noeviction`) answered 500 INTERNAL_ERROR. */
describeWithRedisServer('A full Redis (private redis-server)', () => {
  let server: PrivateRedisServer;
  let client: Redis;

  beforeAll(async () => {
    server = await PrivateRedisServer.start();
    client = createRedisClient(server.url, { role: 'command', onError: () => undefined });
    await untilReady(client, 5000);
  });
  afterAll(async () => {
    await closeRedisClient(client);
    await server.kill();
  });

  it('fails every write with StoreUnavailableError (503 STORE_UNAVAILABLE with Retry-After), reads still work', async () => {
    const store = createRedisSessionStore(client, { keyPrefix: 'full:', eventLogCap: 10 });
    const created = sessionState('s1', Date.now());
    await store.create(created, TTL);
    await client.config('SET', 'maxmemory-policy', 'noeviction');
    await client.config('SET', 'maxmemory', '1');
    try {
      await expect(store.create(sessionState('s2', Date.now()), TTL)).rejects.toBeInstanceOf(StoreUnavailableError);
      const events = nextEvents(created, 2);
      const failure = await store.save(nextState(created, events), 0, events, TTL).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect(storeError(failure)).toMatchObject({ code: 'STORE_UNAVAILABLE', status: 503, details: { retryAfterSeconds: 1 } });
      expect(await store.get('s1')).toMatchObject({ version: 0 });
    } finally {
      await client.config('SET', 'maxmemory', '0');
    }
    await store.create(sessionState('s2', Date.now()), TTL);
  });
});
