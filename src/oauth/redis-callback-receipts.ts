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

  async claim(state: string, receipt: CallbackReceipt, ttlMs: number): Promise<CallbackReceipt | null> {
    const key = this.key(state);
    const value = JSON.stringify(receipt);
    // SET NX GET (Redis 7): sets only when absent and answers what was there, in one step. A full Redis
    // refuses it (OOM) before anything changed.
    const previous = await guarded(this.redis, () => this.redis.set(key, value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX', 'GET'));
    return previous === null ? null : (JSON.parse(previous) as CallbackReceipt);
  }

  async release(state: string): Promise<void> {
    const key = this.key(state);
    await guarded(this.redis, () => this.redis.del(key));
  }

  private key(state: string): string {
    return this.keys.callbackReceipt(receiptKey(state));
  }
}
