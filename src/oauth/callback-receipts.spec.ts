import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { deleteKeysUnder, describeWithRedis, keysUnder, sleep, testKeyPrefix } from '../../test/contracts/redis-test-env.js';
import { FakeClock } from '../common/clock.js';
import { closeRedisClient, createRedisClient, untilReady } from '../redis/redis-client.js';
import { type CallbackReceipt, type CallbackReceipts, InMemoryCallbackReceipts } from './callback-receipts.js';
import { RedisCallbackReceipts } from './redis-callback-receipts.js';
import { createOauthState } from './state.js';

interface ReceiptsInitializer {
  name: string;
  create(): { receipts: CallbackReceipts; advance(ms: number): Promise<void> };
}

const receipt: CallbackReceipt = { sessionId: 's-1', integration: 'gmail', provider: 'google', status: 'exchanging' };

/** The `CallbackReceipts` contract, run against each backend. */
function receiptsContract(init: ReceiptsInitializer): void {
  describe(init.name, () => {
    it(`${init.name}#put keeps a receipt per state and replaces it`, async () => {
      const { receipts } = init.create();
      const state = createOauthState();
      expect(await receipts.get(state)).toBeNull();
      await receipts.put(state, receipt, 60_000);
      expect(await receipts.get(state)).toEqual(receipt);
      expect(await receipts.get(createOauthState())).toBeNull();
      await receipts.put(state, { ...receipt, status: 'connected' }, 60_000);
      expect(await receipts.get(state)).toEqual({ ...receipt, status: 'connected' });
    });

    it(`${init.name}#get forgets a receipt after its TTL`, async () => {
      const { receipts, advance } = init.create();
      const state = createOauthState();
      await receipts.put(state, receipt, 50);
      await advance(120);
      expect(await receipts.get(state)).toBeNull();
    });
  });
}

receiptsContract({
  name: InMemoryCallbackReceipts.name,
  create() {
    const clock = new FakeClock();
    return { receipts: new InMemoryCallbackReceipts(clock), advance: async (ms) => clock.advance(ms) };
  },
});

describeWithRedis(RedisCallbackReceipts.name, (url) => {
  const runPrefix = testKeyPrefix();
  let client: Redis;

  beforeAll(async () => {
    client = createRedisClient(url, { role: 'command', connectionName: 'callback-receipts-spec' });
    await untilReady(client, 5000);
  });
  afterAll(async () => {
    try {
      await deleteKeysUnder(client, runPrefix);
    } finally {
      await closeRedisClient(client);
    }
  });

  receiptsContract({
    name: RedisCallbackReceipts.name,
    create: () => ({ receipts: new RedisCallbackReceipts(client, runPrefix), advance: sleep }),
  });

  it('keys receipts by a hash of the state, never the state itself, each with a TTL', async () => {
    const prefix = `${runPrefix}layout:`;
    const state = createOauthState();
    await new RedisCallbackReceipts(client, prefix).put(state, receipt, 60_000);
    const keys = await keysUnder(client, prefix);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain(state);
    expect(await client.pttl(keys[0]!)).toBeGreaterThan(0);
  });
});
