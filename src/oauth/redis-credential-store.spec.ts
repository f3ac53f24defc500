import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { deleteKeysUnder, describeWithRedis, keysUnder, testKeyPrefix } from '../../test/contracts/redis-test-env.js';
import { closeRedisClient, createRedisClient, untilReady } from '../redis/redis-client.js';
import { CredentialCipher } from './credential-cipher.js';
import { RedisCredentialStore } from './redis-credential-store.js';
import { credentialStoreContract } from './testing/credential-store.contract.js';

describeWithRedis(RedisCredentialStore.name, (url) => {
  const runPrefix = testKeyPrefix();
  let client: Redis;
  let stores = 0;

  beforeAll(async () => {
    client = createRedisClient(url, { role: 'command', connectionName: 'credential-store-spec' });
    await untilReady(client, 5000);
  });

  afterAll(async () => {
    try {
      await deleteKeysUnder(client, runPrefix);
    } finally {
      await closeRedisClient(client);
    }
  });

  credentialStoreContract({
    name: RedisCredentialStore.name,
    async create(cipher) {
      const keyPrefix = `${runPrefix}${++stores}:`;
      const store = new RedisCredentialStore(client, cipher, keyPrefix);
      return {
        store,
        readRaw: async (key) => (await client.get(store.key(key))) ?? undefined,
        writeRaw: async (key, value) => void (await client.set(store.key(key), value)),
        twin: (other) => new RedisCredentialStore(client, other, keyPrefix),
      };
    },
  });

  it('keeps one key per credential under the prefix, named without any secret', async () => {
    const keyPrefix = `${runPrefix}layout:`;
    const store = new RedisCredentialStore(client, CredentialCipher.ephemeral(), keyPrefix);
    await store.put({ tenantId: 't/1', userId: 'u 1', provider: 'slack' }, { accessToken: 'xoxp-secret', tokenType: 'user', obtainedAt: 1 });
    expect(await keysUnder(client, keyPrefix)).toEqual([`${keyPrefix}cred:t%2F1:u%201:slack`]);
    expect(await client.pttl(`${keyPrefix}cred:t%2F1:u%201:slack`)).toBe(-1);
  });
});
