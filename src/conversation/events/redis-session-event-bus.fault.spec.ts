import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Subscription } from 'rxjs';
import type { ChatResponse } from '../chat-response.js';
import { RedisKeys } from '../../redis/keyspace.js';
import { StoreUnavailableError } from '../store/session-store.js';
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

  it('after Redis comes back, ends the live subscriptions that may have missed events; new ones work', async () => {
    const quiet = { onError: () => undefined };
    const command = createRedisClient(server.url, { role: 'command', ...quiet });
    const subscriber = createRedisClient(server.url, { role: 'subscriber', ...quiet });
    const bus = createRedisSessionEventBus({ command, subscriber }, { keyPrefix: 'fault:', durableEventsPublishedByStore: false });
    const received: ChatResponse[] = [];
    let ended: unknown;
    const subscription = bus.subscribe('s1').subscribe({ next: (event) => received.push(event), error: (error) => (ended = error) });
    let again: Subscription | undefined;
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
      // A client that met the dead server fails fast ('unreachable') until it has reconnected on its own.
      await reconnected(subscriber);
      await reconnected(command);
      await sleep(100);

      // Whatever was published while it was down reached nobody: the stream ends, its client replays the log.
      expect(ended).toBeInstanceOf(StoreUnavailableError);
      expect(bus.subscribedSessions).toBe(0);
      const channel = new RedisKeys('fault:').liveChannel('s1');
      expect(await command.pubsub('NUMSUB', channel)).toEqual([channel, 0]);

      const resumed: ChatResponse[] = [];
      again = bus.subscribe('s1').subscribe((event) => resumed.push(event));
      await sleep(100);
      await bus.publish('s1', [chatEvent('s1', 2)]);
      await sleep(100);
      expect(resumed.map((event) => event.seq)).toEqual([2]);
      expect(received.map((event) => event.seq)).toEqual([1]);
    } finally {
      subscription.unsubscribe();
      again?.unsubscribe();
      await Promise.all([closeRedisClient(command), closeRedisClient(subscriber)]);
    }
  });
});

/** Waits (up to 5 s) for a client's own reconnect: `untilReady` refuses at once while it is marked unreachable. */
async function reconnected(client: Parameters<typeof untilReady>[0]): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      return await untilReady(client, Math.max(1, deadline - Date.now()));
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await sleep(50);
    }
  }
}
