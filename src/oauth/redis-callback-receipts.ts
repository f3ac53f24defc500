import type { Redis } from 'ioredis';
import { guarded } from '../conversation/store/redis-errors.js';
import { type CallbackReceipt, type CallbackReceipts, receiptKey } from './callback-receipts.js';
import { RedisKeys } from '../redis/keyspace.js';

/** Receipts as `<prefix>oauth-receipt:<sha256(state)>` strings with a TTL, shared by every replica. */
export class RedisCallbackReceipts implements CallbackReceipts {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
  ) {
    this.keys = new RedisKeys(keyPrefix);
  }

  async put(state: string, receipt: CallbackReceipt, ttlMs: number): Promise<void> {
    const key = this.key(state);
    const value = JSON.stringify(receipt);
    await guarded(this.redis, () => this.redis.set(key, value, 'PX', Math.max(1, Math.ceil(ttlMs))));
  }

  async get(state: string): Promise<CallbackReceipt | null> {
    const key = this.key(state);
    const json = await guarded(this.redis, () => this.redis.get(key));
    return json === null ? null : (JSON.parse(json) as CallbackReceipt);
  }

  private key(state: string): string {
    return this.keys.callbackReceipt(receiptKey(state));
  }
}
