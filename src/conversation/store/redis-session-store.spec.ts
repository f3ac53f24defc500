import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { SystemClock } from '../../common/clock.js';
import { closeRedisClient, createRedisClient, untilReady } from '../../redis/redis-client.js';
import { sessionStoreContract } from '../../../test/contracts/session-store.contract.js';
import { chatEvent, nextEvents, nextState, oauthRecord, sessionState } from '../../../test/contracts/session-fixtures.js';
import {
  deleteKeysUnder,
  describeWithRedis,
  keysUnder,
  keysWithoutTtl,
  sleep,
  testKeyPrefix,
} from '../../../test/contracts/redis-test-env.js';
import { RedisKeys } from '../../redis/keyspace.js';
import { CommitNotReplicatedError, createRedisSessionStore, RedisSessionStore } from './redis-session-store.js';
import { StoreUnavailableError, VersionConflictError } from './session-store.js';
import type { ConversationState } from '../state.js';

describeWithRedis(RedisSessionStore.name, (url) => {
  const runPrefix = testKeyPrefix();
  let client: Redis;
  let stores = 0;

  beforeAll(async () => {
    client = createRedisClient(url, { role: 'command', connectionName: 'session-store-spec' });
    await untilReady(client, 5000);
  });

  afterAll(async () => {
    try {
      expect(await keysWithoutTtl(client, runPrefix)).toEqual([]);
      await deleteKeysUnder(client, runPrefix);
    } finally {
      await closeRedisClient(client);
    }
  });

  sessionStoreContract({
    name: RedisSessionStore.name,
    async create({ eventLogCap }) {
      const keyPrefix = `${runPrefix}${++stores}:`;
      return {
        store: createRedisSessionStore(client, { keyPrefix, eventLogCap }),
        clock: new SystemClock(),
        advance: sleep,
        async cleanup() {
          const forever = await keysWithoutTtl(client, keyPrefix);
          await deleteKeysUnder(client, keyPrefix);
          if (forever.length > 0) throw new Error(`Keys without a TTL: ${forever.join(', ')}`);
        },
      };
    },
  });

  describe('on Redis', () => {
    const keyPrefix = `${runPrefix}redis:`;
    const keys = new RedisKeys(keyPrefix);
    const ttl = { ttlMs: 60_000 };

    it('gives every key a TTL that slides with each save', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const created = sessionState('ttl-1', Date.now());
      await store.create(created, { ttlMs: 10_000 });
      const events = nextEvents(created, 2);
      await store.save(nextState(created, events), 0, events, ttl);
      await store.acquireLease('ttl-1', 30_000);
      await store.putOauthState(oauthRecord('st', 'ttl-1', Date.now() + 60_000), 30_000);

      const written = await keysUnder(client, keyPrefix);
      expect(written.sort()).toEqual(
        [
          keys.session('ttl-1'),
          keys.events('ttl-1'),
          keys.lease('ttl-1'),
          keys.oauthState('st'),
          keys.idle(created),
          keys.owner(created),
        ].sort(),
      );
      for (const key of [keys.session('ttl-1'), keys.events('ttl-1'), keys.idle(created), keys.owner(created)]) {
        expect(await client.pttl(key)).toBeGreaterThan(50_000);
      }
      expect(await keysWithoutTtl(client, keyPrefix)).toEqual([]);
    });

    it('reads a state it committed itself without its JSON sent again, and another replica\'s commit in full', async () => {
      const replicaA = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const replicaB = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const created = sessionState('near-1', Date.now());
      await replicaA.create(created, ttl);
      const turn = async (store: RedisSessionStore): Promise<ConversationState> => {
        const { token, state } = await store.acquireLeaseAndGet('near-1', 60_000);
        const events = nextEvents(state!, 1);
        const next = nextState(state!, events);
        await store.saveAndRelease(next, state!.version, events, ttl, token!);
        return next;
      };
      const byA = await turn(replicaA);
      // What the lease script answers, seen on the connection.
      const replies: Promise<unknown>[] = [];
      const send = client.sendCommand.bind(client);
      client.sendCommand = ((command: { name: string; promise: Promise<unknown> }, ...rest: unknown[]) => {
        if (command.name === 'evalsha') replies.push(command.promise);
        return (send as (...args: unknown[]) => unknown)(command, ...rest);
      }) as typeof client.sendCommand;
      try {
        const read = await replicaA.acquireLeaseAndGet('near-1', 60_000);
        expect(read.state).toEqual(byA);
        expect(await replies.at(-1)).toEqual([1, '']);
        await replicaA.releaseLease('near-1', read.token!);

        const byB = await turn(replicaB);
        replies.length = 0;
        expect((await replicaA.acquireLeaseAndGet('near-1', 60_000)).state).toEqual(byB);
        expect(await replies[0]).toEqual([1, JSON.stringify(byB), expect.any(String)]);
      } finally {
        client.sendCommand = send;
      }
    });

    it('renews the TTLs (and the indexes) once less than half is left, not on every save', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const created = sessionState('ttl-2', Date.now());
      await store.create(created, { ttlMs: 100_000 });
      const first = nextEvents(created, 1);
      let state = nextState(created, first);
      await store.save(state, 0, first, { ttlMs: 100_000 });
      // As if that save had been 60 s ago: 40 s left of the 100 s.
      for (const key of [keys.session('ttl-2'), keys.events('ttl-2')]) await client.pexpire(key, 40_000);
      await client.hset(keys.session('ttl-2'), 'x', Date.now() + 40_000);
      await client.zadd(keys.idle(created), 1, 'ttl-2');

      const save = async (): Promise<void> => {
        const events = nextEvents(state, 1);
        // Each save a second after the last: two saves in one millisecond would leave no lag to see.
        const next = nextState(state, events, { lastActivityAt: Math.max(Date.now(), state.lastActivityAt + 1_000) });
        await store.save(next, state.version, events, { ttlMs: 100_000 });
        state = next;
      };
      await save();
      expect(await client.pttl(keys.session('ttl-2'))).toBeGreaterThan(90_000);
      expect(await client.pttl(keys.events('ttl-2'))).toBeGreaterThan(90_000);
      expect(Number(await client.zscore(keys.idle(created), 'ttl-2'))).toBe(state.lastActivityAt);

      await client.pexpire(keys.session('ttl-2'), 70_000);
      await save();
      // More than half was left: the save renewed nothing, and the idle entry lags behind activity.
      expect(await client.pttl(keys.session('ttl-2'))).toBeLessThanOrEqual(70_000);
      expect(Number(await client.zscore(keys.idle(created), 'ttl-2'))).toBeLessThan(state.lastActivityAt);
      expect(await store.findIdle(state.lastActivityAt, 10)).not.toContain('ttl-2');
      expect(Number(await client.zscore(keys.idle(created), 'ttl-2'))).toBe(state.lastActivityAt);
    });

    it('stores a commit\'s events as one stream entry `<last seq>-0`, and reads back only the newest cap', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 3 });
      const created = sessionState('stream-1', Date.now());
      await store.create(created, ttl);
      const events = nextEvents(created, 2);
      const saved = nextState(created, events);
      await store.save(saved, 0, events, ttl);
      const more = nextEvents(saved, 3);
      await store.save(nextState(saved, more), 1, more, ttl);

      const entries = await client.xrange(keys.events('stream-1'), '-', '+');
      expect(entries.map(([id]) => id)).toEqual(['5-0']);
      expect(JSON.parse(entries[0]![1][1]!)).toEqual(more);
      expect((await store.readEvents('stream-1', 0, 10)).map((event) => event.seq)).toEqual([3, 4, 5]);
    });

    it('reads entries written one event each (the layout before one entry per commit)', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const created = sessionState('stream-2', Date.now());
      await store.create(created, ttl);
      const [first, second] = nextEvents(created, 2);
      await client.xadd(keys.events('stream-2'), '1-0', 'e', JSON.stringify(first));
      await client.xadd(keys.events('stream-2'), '2-0', 'e', JSON.stringify(second));
      await client.hset(keys.session('stream-2'), 'ls', 2);
      await client.pexpire(keys.events('stream-2'), 60_000);

      expect(await store.readEvents('stream-2', 1, 10)).toEqual([second]);
    });

    it('refuses events that do not follow the last seq, writing nothing', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const created = sessionState('seq-1', Date.now());
      await store.create(created, ttl);
      const first = nextEvents(created, 2);
      const saved = nextState(created, first);
      await store.save(saved, 0, first, ttl);

      const replayed = nextEvents(created, 1);
      await expect(store.save(nextState(saved, replayed), 1, replayed, ttl)).rejects.toThrow(/seq/);
      const unordered = [...nextEvents(saved, 2)].reverse();
      await expect(store.save(nextState(saved, unordered), 1, unordered, ttl)).rejects.toThrow(/seq/);
      expect(await store.get('seq-1')).toEqual(saved);
    });

    it('runs a turn (quota, lease, read, commit, release) in two commands', async () => {
      const counted = createRedisClient(url, { role: 'command', connectionName: 'round-trips' });
      try {
        await untilReady(counted, 5000);
        const store = createRedisSessionStore(counted, { keyPrefix, eventLogCap: 10 });
        const created = sessionState('rt-1', Date.now());
        await store.create(created, ttl);
        const quota = { owner: created, points: 100, windowMs: 60_000 };
        const turn = async (): Promise<void> => {
          const { token, state } = await store.acquireLeaseAndGet('rt-1', 60_000, quota);
          const events = nextEvents(state!, 3);
          await store.saveAndRelease(nextState(state!, events), state!.version, events, ttl, token!);
        };
        // Warm up: the first use of a script on a connection may send EVAL instead of EVALSHA.
        await turn();

        const sent: string[] = [];
        const send = counted.sendCommand.bind(counted);
        counted.sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
          sent.push(command.name);
          return (send as (...args: unknown[]) => unknown)(command, ...rest);
        }) as typeof counted.sendCommand;
        await turn();

        // The idle index lags behind activity (findIdle corrects it): no index write per turn.
        expect(sent).toEqual(['evalsha', 'evalsha']);
        expect(await store.isLeased('rt-1')).toBe(false);
      } finally {
        await closeRedisClient(counted);
      }
    });

    it('answers a commit no replica acknowledged as unavailable, with the commit kept on the node', async () => {
      // A single node has no replica: WAIT 1 times out with 0 acknowledgements.
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10, commitReplicas: 1, commitReplicaTimeoutMs: 20 });
      const created = sessionState('wait-1', Date.now());
      await store.create(created, ttl);
      const events = nextEvents(created, 1);
      const saved = nextState(created, events);
      const commit = store.save(saved, 0, events, ttl);
      await expect(commit).rejects.toBeInstanceOf(CommitNotReplicatedError);
      await expect(commit).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(await store.get('wait-1')).toEqual(saved);
      // A conflict is no commit: it needs no replica.
      await expect(store.save(saved, 0, [], ttl)).rejects.toBeInstanceOf(VersionConflictError);
    });

    it('lets the sweep rewrite an idle entry that lags its session (a crash between the two writes)', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const owner = { tenantId: 'lag', userId: 'me' };
      const now = Date.now();
      const created = sessionState('lagging', now, owner);
      await store.create(created, ttl);
      // The index write of a later turn never happened: the entry still says an hour ago.
      await client.zadd(keys.idle(owner), now - 3_600_000, 'lagging');

      const expired = await store.expireIdle(now - 1000, now, 10, ttl, (tombstone) => chatEvent(tombstone.sessionId, tombstone.lastEventSeq, 'expired'));
      expect(expired).toEqual([]);
      expect(Number(await client.zscore(keys.idle(owner), 'lagging'))).toBe(created.lastActivityAt);
      expect(await store.findIdle(now - 1000, 10)).toEqual([]);
    });

    it('prunes index entries of sessions whose keys are gone', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const owner = { tenantId: 'prune', userId: 'me' };
      const t = Date.now();
      await store.create(sessionState('gone', t, owner), ttl);
      await store.create(sessionState('kept', t + 1, owner), ttl);
      await client.del(keys.session('gone'));

      expect(await store.findIdle(t + 10, 10)).not.toContain('gone');
      expect((await store.listByOwner(owner)).map((state) => state.sessionId)).toEqual(['kept']);
      expect(await client.zscore(keys.idle(owner), 'gone')).toBeNull();
      expect(await client.zrange(keys.owner(owner), '0', '-1')).toEqual(['kept']);
    });
  });
});
