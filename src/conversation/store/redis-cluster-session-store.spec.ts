import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { SystemClock } from '../../common/clock.js';
import { closeRedisClient } from '../../redis/redis-client.js';
import { RedisKeys } from '../../redis/keyspace.js';
import { PrivateRedisCluster } from '../../../test/contracts/private-redis-cluster.js';
import { describeWithRedisServer } from '../../../test/contracts/private-redis-server.js';
import {
  clusterCommandClient,
  clusterDeleteKeysUnder,
  clusterKeysUnder,
  clusterKeysWithoutTtl,
} from '../../../test/contracts/redis-cluster-test-env.js';
import { sleep, testKeyPrefix } from '../../../test/contracts/redis-test-env.js';
import { sessionStoreContract } from '../../../test/contracts/session-store.contract.js';
import { nextEvents, nextState, sessionState } from '../../../test/contracts/session-fixtures.js';
import { createRedisSessionStore, RedisSessionStore } from './redis-session-store.js';

/** The store contract, unchanged, on a Redis Cluster of the test's own (3 masters, 3 replicas). */
describeWithRedisServer(`${RedisSessionStore.name} on Redis Cluster`, () => {
  const runPrefix = testKeyPrefix();
  let cluster: PrivateRedisCluster;
  let client: Redis;
  let stores = 0;

  beforeAll(async () => {
    cluster = await PrivateRedisCluster.start();
    client = await clusterCommandClient(cluster, 'cluster-store-spec');
  }, 60_000);

  afterAll(async () => {
    if (client) await closeRedisClient(client);
    await cluster?.stop();
  }, 30_000);

  sessionStoreContract({
    name: `${RedisSessionStore.name}(cluster)`,
    async create({ eventLogCap }) {
      const keyPrefix = `${runPrefix}${++stores}:`;
      return {
        // WAIT answers as soon as the replica acknowledges; the long timeout only keeps a replica process the
        // busy test machine scheduled late from failing a contract test (CI's second run saw 500 ms pass once).
        store: createRedisSessionStore(client, { keyPrefix, eventLogCap, commitReplicas: 1, commitReplicaTimeoutMs: 3_000 }),
        clock: new SystemClock(),
        advance: sleep,
        async cleanup() {
          const forever = await clusterKeysWithoutTtl(client, keyPrefix);
          await clusterDeleteKeysUnder(client, keyPrefix);
          if (forever.length > 0) throw new Error(`Keys without a TTL: ${forever.join(', ')}`);
        },
      };
    },
  });

  describe('slots', () => {
    it('keeps every key of a session in its slot, and spreads sessions over the masters', async () => {
      const keyPrefix = `${runPrefix}slots:`;
      const keys = new RedisKeys(keyPrefix);
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const ttl = { ttlMs: 60_000 };
      const ids = Array.from({ length: 12 }, (_, i) => `spread-${i}`);
      for (const id of ids) {
        const created = sessionState(id, Date.now());
        await store.create(created, ttl);
        const events = nextEvents(created, 1);
        await store.save(nextState(created, events), 0, events, ttl);
      }
      const masters = new Set<number>();
      for (const id of ids) {
        const master = await cluster.masterOf(keys.session(id));
        masters.add(master);
        for (const key of [keys.events(id), keys.lease(id), keys.liveChannel(id)]) expect(await cluster.masterOf(key)).toBe(master);
      }
      expect(masters.size).toBeGreaterThan(1);
      expect((await clusterKeysUnder(client, keyPrefix)).length).toBeGreaterThan(ids.length * 2);
      await clusterDeleteKeysUnder(client, keyPrefix);
    });
  });
});
