import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { firstValueFrom, type Subscription, take, toArray } from 'rxjs';
import type { ChatResponse } from '../chat-response.js';
import { closeRedisClient, createRedisClient, untilReady } from '../../redis/redis-client.js';
import { chatEvent, nextEvents, nextState, sessionState } from '../../../test/contracts/session-fixtures.js';
import { deleteKeysUnder, describeWithRedis, sleep, testKeyPrefix } from '../../../test/contracts/redis-test-env.js';
import { RedisKeys } from '../../redis/keyspace.js';
import { createRedisSessionStore } from '../store/redis-session-store.js';
import { createRedisSessionEventBus, RedisSessionEventBus } from './redis-session-event-bus.js';

describeWithRedis(RedisSessionEventBus.name, (url) => {
  const keyPrefix = testKeyPrefix();
  const keys = new RedisKeys(keyPrefix);
  const ttl = { ttlMs: 60_000 };
  let command: Redis;
  const subscribers: Redis[] = [];
  const subscriptions: Subscription[] = [];

  /** A replica's bus: its own subscriber connection, the shared command connection to publish. */
  const replicaBus = (durableEventsPublishedByStore = true): RedisSessionEventBus => {
    const subscriber = createRedisClient(url, { role: 'subscriber', connectionName: 'event-bus-spec' });
    subscribers.push(subscriber);
    return createRedisSessionEventBus({ command, subscriber }, { keyPrefix, durableEventsPublishedByStore });
  };

  /** Waits until Redis counts `count` subscriptions to the session's channel. */
  const subscribedOnRedis = async (sessionId: string, count: number): Promise<void> => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const [, subscribed] = (await command.pubsub('SHARDNUMSUB', keys.liveChannel(sessionId))) as [string, number];
      if (subscribed === count) return;
      await sleep(10);
    }
    throw new Error(`Channel of ${sessionId} never reached ${count} subscriptions`);
  };

  const collect = (bus: RedisSessionEventBus, sessionId: string): ChatResponse[] => {
    const received: ChatResponse[] = [];
    subscriptions.push(bus.subscribe(sessionId).subscribe((event) => received.push(event)));
    return received;
  };

  beforeAll(async () => {
    command = createRedisClient(url, { role: 'command', connectionName: 'event-bus-spec' });
    await untilReady(command, 5000);
  });
  afterEach(async () => {
    subscriptions.splice(0).forEach((subscription) => subscription.unsubscribe());
    await Promise.all(subscribers.splice(0).map((client) => closeRedisClient(client)));
  });
  afterAll(async () => {
    await deleteKeysUnder(command, keyPrefix);
    await closeRedisClient(command);
  });

  it('delivers events committed by the store on one replica to a subscriber on another, in order', async () => {
    const replicaA = createRedisSessionStore(command, { keyPrefix, eventLogCap: 50 });
    const busB = replicaBus();
    const created = sessionState('cross-1', Date.now());
    await replicaA.create(created, ttl);
    const delivered = firstValueFrom(busB.subscribe('cross-1').pipe(take(5), toArray()));
    await subscribedOnRedis('cross-1', 1);

    const first = nextEvents(created, 3);
    const saved = nextState(created, first);
    await replicaA.save(saved, 0, first, ttl);
    const second = nextEvents(saved, 2);
    await replicaA.save(nextState(saved, second), 1, second, ttl);

    expect(await delivered).toEqual([...first, ...second]);
  });

  it('publishes only non-durable events itself when the store publishes the durable ones', async () => {
    const bus = replicaBus(true);
    const received = collect(bus, 'deltas-1');
    await subscribedOnRedis('deltas-1', 1);

    await bus.publish('deltas-1', [chatEvent('deltas-1', 1)]);
    await bus.publish('deltas-1', [chatEvent('deltas-1', 1, 'delta'), chatEvent('deltas-1', 2)]);
    await sleep(100);

    expect(received).toEqual([chatEvent('deltas-1', 1, 'delta')]);
  });

  it('delivers a durable event once even when it is published twice', async () => {
    const store = createRedisSessionStore(command, { keyPrefix, eventLogCap: 50 });
    const bus = replicaBus(false);
    const created = sessionState('twice-1', Date.now());
    await store.create(created, ttl);
    const received = collect(bus, 'twice-1');
    await subscribedOnRedis('twice-1', 1);

    const events = nextEvents(created, 2);
    await store.save(nextState(created, events), 0, events, ttl);
    await bus.publish('twice-1', events);
    await bus.publish('twice-1', [chatEvent('twice-1', 3)]);
    await sleep(100);

    expect(received.map((event) => event.seq)).toEqual([1, 2, 3]);
  });

  it('subscribes once per session however many local subscribers, and unsubscribes with the last', async () => {
    const bus = replicaBus(false);
    const first = collect(bus, 'shared-1');
    const second = collect(bus, 'shared-1');
    const other = collect(bus, 'other-1');
    await subscribedOnRedis('shared-1', 1);
    expect(bus.subscribedSessions).toBe(2);

    await bus.publish('shared-1', [chatEvent('shared-1', 1)]);
    await sleep(50);
    subscriptions[0]!.unsubscribe();
    await bus.publish('shared-1', [chatEvent('shared-1', 2)]);
    await sleep(50);

    expect(first.map((event) => event.seq)).toEqual([1]);
    expect(second.map((event) => event.seq)).toEqual([1, 2]);
    expect(other).toEqual([]);
    await subscribedOnRedis('shared-1', 1);

    subscriptions[1]!.unsubscribe();
    await subscribedOnRedis('shared-1', 0);
    expect(bus.subscribedSessions).toBe(1);

    // A new subscriber after the last one left subscribes again.
    const again = collect(bus, 'shared-1');
    await subscribedOnRedis('shared-1', 1);
    await bus.publish('shared-1', [chatEvent('shared-1', 3)]);
    await sleep(50);
    expect(again.map((event) => event.seq)).toEqual([3]);
  });
});
