import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Socket } from 'node:net';
import type { Redis } from 'ioredis';
import { deleteKeysUnder, describeWithRedis, testKeyPrefix } from '../../test/contracts/redis-test-env.js';
import { closeRedisClient, createRedisClient, untilReady } from './redis-client.js';

describeWithRedis('coalesceWrites (every connection of createRedisClient)', (url) => {
  const prefix = testKeyPrefix();
  let client: Redis;

  beforeAll(async () => {
    client = createRedisClient(url, { role: 'command', connectionName: 'coalesced-writes-spec' });
    await untilReady(client, 5000);
  });

  afterAll(async () => {
    await deleteKeysUnder(client, prefix);
    await closeRedisClient(client);
  });

  /** The socket writes (syscalls asked of libuv) while `work` runs. */
  async function socketWrites(work: () => Promise<unknown>): Promise<number> {
    const socket = (client as Redis & { stream: Socket & { _write: unknown; _writev: unknown } }).stream;
    const { _write: single, _writev: several } = socket;
    let writes = 0;
    socket._write = function (this: Socket, ...args: unknown[]) {
      writes++;
      return (single as (...a: unknown[]) => unknown).apply(this, args);
    };
    socket._writev = function (this: Socket, ...args: unknown[]) {
      writes++;
      return (several as (...a: unknown[]) => unknown).apply(this, args);
    };
    try {
      await work();
    } finally {
      socket._write = single;
      socket._writev = several;
    }
    return writes;
  }

  const twenty = (): Promise<string[]> =>
    Promise.all(Array.from({ length: 20 }, async (_, i) => {
      await client.set(`${prefix}k${i}`, `v${i}`, 'PX', 60_000);
      return (await client.get(`${prefix}k${i}`))!;
    }));

  it('sends the commands of one tick in one socket write, each with its own reply', async () => {
    let values: string[] = [];
    // 20 SETs in one tick; their replies arrive together and resume 20 GETs in one run of promise jobs.
    const writes = await socketWrites(async () => {
      values = await twenty();
    });
    expect(values).toEqual(Array.from({ length: 20 }, (_, i) => `v${i}`));
    expect(writes).toBeLessThanOrEqual(4);
  });

  it('does so again on the socket of a reconnect', async () => {
    const first = (client as Redis & { stream: Socket }).stream;
    client.disconnect(true);
    await new Promise<void>((resolve) => client.once('ready', () => resolve()));
    expect((client as Redis & { stream: Socket }).stream).not.toBe(first);
    expect(await socketWrites(twenty)).toBeLessThanOrEqual(4);
  });
});
