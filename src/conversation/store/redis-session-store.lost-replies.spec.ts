import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, untilReady } from '../../redis/redis-client.js';
import { nextEvents, nextState, sessionState } from '../../../test/contracts/session-fixtures.js';
import { deleteKeysUnder, describeWithRedis, keysWithoutTtl, testKeyPrefix } from '../../../test/contracts/redis-test-env.js';
import { OUTCOME_PROBES, OutcomeUnknownError } from './redis-errors.js';
import { createRedisSessionStore, RedisSessionStore } from './redis-session-store.js';
import { StoreUnavailableError } from './session-store.js';

const TTL = { ttlMs: 60_000 };

/** What ioredis rejects a sent command with when its connection closes before the reply. */
const connectionLost = (): Error => new Error('Connection is closed.');

type Commands = Record<string, (...args: unknown[]) => Promise<unknown>>;

/**
 * Writes whose reply is lost with the connection (Redis ran them, or did not): the store asks Redis
 * before it reports a failure, so the caller's view and Redis agree.
 */
describeWithRedis(`${RedisSessionStore.name} with lost replies`, (url) => {
  const prefix = testKeyPrefix();
  let client: Redis;
  let store: RedisSessionStore;
  let commands: Commands;

  /** Makes the next call of `name` run on the server (or not) and then fail as if the connection closed. */
  const loseNextReply = (name: string, { runs }: { runs: boolean }): void => {
    const original = commands[name]!;
    commands[name] = async (...args: unknown[]) => {
      commands[name] = original;
      if (runs) await original.apply(client, args);
      throw connectionLost();
    };
  };

  beforeAll(async () => {
    client = createRedisClient(url, { role: 'command', connectionName: 'lost-replies-spec' });
    await untilReady(client, 5000);
    store = createRedisSessionStore(client, { keyPrefix: prefix, eventLogCap: 10 });
    commands = client as unknown as Commands;
  });

  afterAll(async () => {
    try {
      expect(await keysWithoutTtl(client, prefix)).toEqual([]);
      await deleteKeysUnder(client, prefix);
    } finally {
      await closeRedisClient(client);
    }
  });

  it('a save that ran is reported as done', async () => {
    const created = sessionState('ran-save', Date.now());
    await store.create(created, TTL);
    const events = nextEvents(created, 2);
    const next = nextState(created, events);
    loseNextReply('sessionStoreSave', { runs: true });

    await expect(store.save(next, 0, events, TTL)).resolves.toBeUndefined();
    expect(await store.get('ran-save')).toEqual(next);
    expect(await store.readEvents('ran-save', 0, 10)).toEqual(events);
  });

  it('a save that did not run is reported as failed, with nothing changed', async () => {
    const created = sessionState('lost-save', Date.now());
    await store.create(created, TTL);
    const events = nextEvents(created, 1);
    loseNextReply('sessionStoreSave', { runs: false });

    await expect(store.save(nextState(created, events), 0, events, TTL)).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(await store.get('lost-save')).toEqual(created);
  });

  it('a save that ran is reported as done when the first probes find Redis unreachable too', async () => {
    const created = sessionState('ran-save-slow-probe', Date.now());
    await store.create(created, TTL);
    const events = nextEvents(created, 1);
    const next = nextState(created, events);
    loseNextReply('sessionStoreSave', { runs: true });
    // The connection is still being made again: the next OUTCOME_PROBES - 1 reads fail as well.
    const hget = commands['hget']!;
    let failing = OUTCOME_PROBES - 1;
    commands['hget'] = async (...args: unknown[]) => {
      if (failing-- > 0) throw connectionLost();
      commands['hget'] = hget;
      return hget.apply(client, args);
    };

    await expect(store.save(next, 0, events, TTL)).resolves.toBeUndefined();
    expect(failing).toBe(-1);
    expect(await store.get('ran-save-slow-probe')).toEqual(next);
  });

  it("another writer's commit is not mistaken for this one", async () => {
    const created = sessionState('other-save', Date.now());
    await store.create(created, TTL);
    const mine = nextEvents(created, 1);
    const theirs = nextEvents(created, 3);
    const original = commands['sessionStoreSave']!;
    // This save does not run; meanwhile another replica commits the same version.
    commands['sessionStoreSave'] = async () => {
      commands['sessionStoreSave'] = original;
      await store.save(nextState(created, theirs), 0, theirs, TTL);
      throw connectionLost();
    };

    await expect(store.save(nextState(created, mine), 0, mine, TTL)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.readEvents('other-save', 0, 10)).toEqual(theirs);
  });

  it('a lease SET that ran hands back the lease, which is then released as usual', async () => {
    loseNextReply('set', { runs: true });
    const token = await store.acquireLease('ran-lease', 60_000);
    expect(token).toEqual(expect.any(String));
    expect(await store.acquireLease('ran-lease', 60_000)).toBeNull();

    await store.releaseLease('ran-lease', token!);
    expect(await store.isLeased('ran-lease')).toBe(false);
  });

  it('a lease SET that did not run fails, and leaves no lease', async () => {
    loseNextReply('set', { runs: false });
    await expect(store.acquireLease('lost-lease', 60_000)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.isLeased('lost-lease')).toBe(false);
    expect(store.pendingLeaseReleases).toBe(0);
  });

  it('a lease-and-read that ran hands back the lease and the session', async () => {
    const created = sessionState('ran-lease-read', Date.now());
    await store.create(created, TTL);
    loseNextReply('sessionStoreLeaseAndGet', { runs: true });
    const { token, state } = await store.acquireLeaseAndGet('ran-lease-read', 60_000);
    expect(token).toEqual(expect.any(String));
    expect(state).toEqual(created);

    // The end of the turn: a commit-and-release whose reply is lost but which ran.
    const events = nextEvents(created, 1);
    loseNextReply('sessionStoreSave', { runs: true });
    await expect(store.saveAndRelease(nextState(created, events), 0, events, TTL, token!)).resolves.toBeUndefined();
    expect(await store.isLeased('ran-lease-read')).toBe(false);
    expect(store.pendingLeaseReleases).toBe(0);
  });

  it('a lease-and-read that did not run fails, and leaves no lease', async () => {
    loseNextReply('sessionStoreLeaseAndGet', { runs: false });
    await expect(store.acquireLeaseAndGet('lost-lease-read', 60_000)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.isLeased('lost-lease-read')).toBe(false);
  });

  it('a commit-and-release that did not run fails with the lease still held, for the caller to release', async () => {
    const created = sessionState('lost-commit-release', Date.now());
    await store.create(created, TTL);
    const { token } = await store.acquireLeaseAndGet('lost-commit-release', 60_000);
    const events = nextEvents(created, 1);
    loseNextReply('sessionStoreSave', { runs: false });
    await expect(store.saveAndRelease(nextState(created, events), 0, events, TTL, token!)).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(await store.get('lost-commit-release')).toEqual(created);
    expect(await store.isLeased('lost-commit-release')).toBe(true);
    await store.releaseLease('lost-commit-release', token!);
    expect(await store.isLeased('lost-commit-release')).toBe(false);
  });

  it('a create or a delete that ran is reported as done', async () => {
    const created = sessionState('ran-create', Date.now());
    loseNextReply('sessionStoreCreate', { runs: true });
    await expect(store.create(created, TTL)).resolves.toBeUndefined();
    expect(await store.get('ran-create')).toEqual(created);

    loseNextReply('sessionStoreDelete', { runs: true });
    await expect(store.delete('ran-create')).resolves.toBeUndefined();
    expect(await store.get('ran-create')).toBeNull();
  });

  it('a create that did not run is reported as failed', async () => {
    loseNextReply('sessionStoreCreate', { runs: false });
    await expect(store.create(sessionState('lost-create', Date.now()), TTL)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.get('lost-create')).toBeNull();
  });
});
