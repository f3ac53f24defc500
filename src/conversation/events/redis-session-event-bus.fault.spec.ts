import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { ChatResponse } from '../chat-response.js';
import { closeRedisClient, createRedisClient, untilReady } from '../../redis/redis-client.js';
import { describeWithRedisServer, PrivateRedisServer } from '../../../test/contracts/private-redis-server.js';
import { sleep } from '../../../test/contracts/redis-test-env.js';
import { chatEvent } from '../../../test/contracts/session-fixtures.js';
import { createRedisSessionEventBus, RedisSessionEventBus } from './redis-session-event-bus.js';

describeWithRedisServer(`${RedisSessionEventBus.name} faults (private redis-server)`, () => {
  let server: PrivateRedisServer;

  beforeAll(async () => {
    server = await PrivateRedisServer.start();
  });
  afterAll(async () => {
    await server.kill();
  });

  it('resubscribes by itself after Redis comes back', async () => {
    const quiet = { onError: () => undefined };
    const command = createRedisClient(server.url, { role: 'command', ...quiet });
    const subscriber = createRedisClient(server.url, { role: 'subscriber', ...quiet });
    const bus = createRedisSessionEventBus({ command, subscriber }, { keyPrefix: 'fault:', durableEventsPublishedByStore: false });
    const received: ChatResponse[] = [];
    const subscription = bus.subscribe('s1').subscribe((event) => received.push(event));
    try {
      await untilReady(command, 5000);
      await untilReady(subscriber, 5000);
      await sleep(50);
      await bus.publish('s1', [chatEvent('s1', 1)]);
      // Delivered before the kill: a killed server's unread bytes may never arrive.
      await sleep(100);
      expect(received).toHaveLength(1);

      await server.kill();
      await server.start();
      await untilReady(subscriber, 5000);
      await untilReady(command, 5000);
      // The resubscription is sent when the connection is ready; give it a moment to land.
      await sleep(100);
      await bus.publish('s1', [chatEvent('s1', 2)]);
      await sleep(100);

      expect(received.map((event) => event.seq)).toEqual([1, 2]);
    } finally {
      subscription.unsubscribe();
      await Promise.all([closeRedisClient(command), closeRedisClient(subscriber)]);
    }
  });
});
