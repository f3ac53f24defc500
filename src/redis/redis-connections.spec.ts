import { describe, expect, it } from '@jest/globals';
import { AppConfig } from '../config/app-config.js';
import { describeWithRedis } from '../../test/contracts/redis-test-env.js';
import { closeRedisClient, createRedisClient, untilReady } from './redis-client.js';
import { RedisConnections } from './redis-connections.js';

describe(RedisConnections.name, () => {
  it('opens nothing until asked, and refuses to open without REDIS_URL', async () => {
    const connections = new RedisConnections(new AppConfig({}));
    expect(() => connections.command).toThrow(/REDIS_URL/);
    await expect(connections.onApplicationShutdown()).resolves.toBeUndefined();
  });
});

describeWithRedis(`${RedisConnections.name} on Redis`, (url) => {
  it('opens one command and one subscriber connection and closes both at shutdown', async () => {
    const connections = new RedisConnections(new AppConfig({ REDIS_URL: url }));
    const { command, subscriber } = connections;
    expect(connections.command).toBe(command);
    expect(subscriber).not.toBe(command);
    await untilReady(command, 5000);
    expect(await command.ping()).toBe('PONG');
    await subscriber.subscribe('redis-connections-spec');

    await connections.onApplicationShutdown();

    expect(command.status).toBe('end');
    expect(subscriber.status).toBe('end');
  });
});

describeWithRedis('untilReady', (url) => {
  it('lets any number of callers wait through a connect on one set of listeners, each with its own deadline', async () => {
    const client = createRedisClient(url, { role: 'command', connectionName: 'until-ready-spec', overrides: { lazyConnect: true } });
    const listeners = (): number[] => ['ready', 'error', 'end'].map((event) => client.listenerCount(event));
    const before = listeners();
    try {
      const waiting = Array.from({ length: 50 }, () => untilReady(client, 5000));
      const impatient = untilReady(client, 1);
      expect(listeners()).toEqual(before.map((count) => count + 1));
      await expect(impatient).rejects.toThrow('Redis not ready within 1 ms');
      void client.connect();
      await Promise.all(waiting);
      expect(listeners()).toEqual(before);
      expect(client.status).toBe('ready');
    } finally {
      await closeRedisClient(client);
    }
  });
});
