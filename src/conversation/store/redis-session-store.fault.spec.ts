import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient } from '../../redis/redis-client.js';
import { describeWithRedisServer, freePort, PrivateRedisServer } from '../../../test/contracts/private-redis-server.js';
import { nextEvents, nextState, sessionState } from '../../../test/contracts/session-fixtures.js';
import { sleep } from '../../../test/contracts/redis-test-env.js';
import { createRedisSessionStore, RedisSessionStore } from './redis-session-store.js';
import { StoreUnavailableError } from './session-store.js';

const TTL = { ttlMs: 60_000 };
const quiet = { onError: () => undefined };

/** Runs `call`, expecting a StoreUnavailableError; returns how long the failure took (ms). */
async function timeToUnavailable(call: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await expect(call()).rejects.toBeInstanceOf(StoreUnavailableError);
  return Date.now() - started;
}

/** Polls `call` until it succeeds; returns how long that took (ms), failing after `limitMs`. */
async function timeToRecovery(call: () => Promise<unknown>, limitMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await call();
      return Date.now() - started;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      if (Date.now() - started > limitMs) throw new Error(`Still unavailable after ${limitMs} ms`, { cause: error });
      await sleep(100);
    }
  }
}

describeWithRedisServer(`${RedisSessionStore.name} faults (private redis-server)`, () => {
  let server: PrivateRedisServer;
  const clients: Redis[] = [];

  const storeOn = (url: string) => {
    const client = createRedisClient(url, { role: 'command', ...quiet });
    clients.push(client);
    return createRedisSessionStore(client, { keyPrefix: 'fault:', eventLogCap: 10 });
  };

  beforeAll(async () => {
    server = await PrivateRedisServer.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => closeRedisClient(client)));
    await server.start();
  });
  afterAll(async () => {
    await server.kill();
  });

  it('fails fast with StoreUnavailableError when Redis is killed mid-turn, and recovers by itself', async () => {
    const store = storeOn(server.url);
    const created = sessionState('s1', Date.now());
    await store.create(created, TTL);
    const token = await store.acquireLease('s1', 60_000);
    const state = await store.get('s1');

    await server.kill();

    const events = nextEvents(state!, 2);
    expect(await timeToUnavailable(() => store.save(nextState(state!, events), 0, events, TTL))).toBeLessThan(2000);
    expect(await timeToUnavailable(() => store.get('s1'))).toBeLessThan(2000);
    expect(await timeToUnavailable(() => store.releaseLease('s1', token!))).toBeLessThan(2000);
    expect(await timeToUnavailable(() => store.ping())).toBeLessThan(2000);

    await server.start();
    expect(await timeToRecovery(() => store.ping(), 4000)).toBeLessThan(4000);
    // This server keeps nothing on disk: the session is gone, and the store says so (no error).
    expect(await store.get('s1')).toBeNull();
    await store.create(created, TTL);
    expect(await store.get('s1')).toEqual(created);
  });

  it('fails a call in flight when Redis dies under it, without waiting for the command timeout', async () => {
    const store = storeOn(server.url);
    const created = sessionState('in-flight-1', Date.now());
    await store.create(created, TTL);
    const admin = new Redis(server.url, { maxRetriesPerRequest: 0 });
    clients.push(admin);
    await admin.call('CLIENT', 'PAUSE', '5000', 'ALL');

    const events = nextEvents(created, 1);
    const save = store.save(nextState(created, events), 0, events, TTL);
    const outcome = save.then(
      () => 'committed',
      (error: unknown) => error,
    );
    await sleep(100);
    const killedAt = Date.now();
    await server.kill();

    expect(await outcome).toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - killedAt).toBeLessThan(500);
  });

  it('answers within a bounded time while Redis is paused (CLIENT PAUSE), then works again', async () => {
    const store = storeOn(server.url);
    await store.create(sessionState('paused-1', Date.now()), TTL);
    const admin = new Redis(server.url, { maxRetriesPerRequest: 0 });
    clients.push(admin);
    await admin.call('CLIENT', 'PAUSE', '2500', 'ALL');

    expect(await timeToUnavailable(() => store.get('paused-1'))).toBeLessThan(1800);
    expect(await timeToUnavailable(() => store.acquireLease('paused-1', 1000))).toBeLessThan(1800);

    expect(await timeToRecovery(() => store.get('paused-1'), 4000)).toBeLessThan(4000);
    expect((await store.get('paused-1'))?.sessionId).toBe('paused-1');
  });

  it('a save that timed out on a paused Redis does not commit when the pause ends (the connection is dropped)', async () => {
    const store = storeOn(server.url);
    const created = sessionState('paused-save', Date.now());
    await store.create(created, TTL);
    const admin = new Redis(server.url, { maxRetriesPerRequest: 0 });
    clients.push(admin);
    await admin.call('CLIENT', 'PAUSE', '1800', 'ALL');

    const events = nextEvents(created, 1);
    expect(await timeToUnavailable(() => store.save(nextState(created, events), 0, events, TTL))).toBeLessThan(1500);

    await timeToRecovery(() => store.ping(), 4000);
    await sleep(100);
    expect(await store.get('paused-save')).toEqual(created);
    expect(await store.readEvents('paused-save', 0, 10)).toEqual([]);
  });

  it('retries a lease release that failed while Redis was unreachable, as soon as it answers again', async () => {
    const store = storeOn(server.url);
    const token = await store.acquireLease('release-1', 60_000);
    const admin = new Redis(server.url, { maxRetriesPerRequest: 0 });
    clients.push(admin);
    await admin.call('CLIENT', 'PAUSE', '1500', 'ALL');

    expect(await timeToUnavailable(() => store.releaseLease('release-1', token!))).toBeLessThan(1500);
    expect(store.pendingLeaseReleases).toBe(1);

    // Released within moments of the pause's end, not when the 60 s lease runs out.
    const released = await timeToRecovery(async () => {
      if (await store.isLeased('release-1')) throw new StoreUnavailableError('still leased');
    }, 4000);
    expect(released).toBeLessThan(3000);
    expect(store.pendingLeaseReleases).toBe(0);
    // A late release deletes only its own lease.
    const next = await store.acquireLease('release-1', 60_000);
    expect(next).not.toBeNull();
  });

  it('is unavailable while Redis is down at boot, and ready once it comes up', async () => {
    const port = await freePort();
    const store = storeOn(`redis://127.0.0.1:${port}`);
    expect(await timeToUnavailable(() => store.ping())).toBeLessThan(2000);
    expect(await timeToUnavailable(() => store.get('s1'))).toBeLessThan(2000);

    const late = await PrivateRedisServer.start(port);
    try {
      expect(await timeToRecovery(() => store.ping(), 4000)).toBeLessThan(4000);
      expect(await store.get('s1')).toBeNull();
    } finally {
      await late.kill();
    }
  });
});
