import type { Redis } from 'ioredis';
import { guarded } from '../../conversation/store/redis-errors.js';
import type { IdempotencyRecord, IdempotencyStore } from './idempotency-store.js';
import { RedisKeys } from '../../redis/keyspace.js';

/**
 * Replaces (or with an empty record, deletes) the key only while the given attempt holds it.
 * KEYS[1] the key; ARGV[1] attempt, ARGV[2] new record JSON or '', ARGV[3] TTL ms.
 */
const REPLACE_IF_ATTEMPT = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
if cjson.decode(current)['attempt'] ~= ARGV[1] then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
return 1
`;

interface IdempotencyCommands {
  idempotencyReplace(key: string, attempt: string, json: string, ttlMs: number): Promise<number>;
}

/**
 * Idempotency keys shared by every replica (`SESSION_STORE=redis`): one JSON string per key under
 * `<prefix>idem:`, always with a TTL. Failures to reach Redis surface as `StoreUnavailableError`.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly redis: Redis & IdempotencyCommands;

  private readonly keys: RedisKeys;

  constructor(
    client: Redis,
    prefix: string,
  ) {
    this.keys = new RedisKeys(prefix);
    if (!('idempotencyReplace' in client)) client.defineCommand('idempotencyReplace', { numberOfKeys: 1, lua: REPLACE_IF_ATTEMPT });
    this.redis = client as Redis & IdempotencyCommands;
  }

  async claim(key: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean> {
    const set = await guarded(this.redis, () => this.redis.set(this.key(key), JSON.stringify(record), 'PX', ttl(ttlMs), 'NX'));
    return set === 'OK';
  }

  async get(key: string): Promise<IdempotencyRecord | null> {
    const json = await guarded(this.redis, () => this.redis.get(this.key(key)));
    return json === null ? null : (JSON.parse(json) as IdempotencyRecord);
  }

  async replace(key: string, attempt: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean> {
    const replaced = await guarded(this.redis, () =>
      this.redis.idempotencyReplace(this.key(key), attempt, JSON.stringify(record), ttl(ttlMs)),
    );
    return replaced === 1;
  }

  async release(key: string, attempt: string): Promise<void> {
    await guarded(this.redis, () => this.redis.idempotencyReplace(this.key(key), attempt, '', 1));
  }

  private key(key: string): string {
    return this.keys.idempotency(key);
  }
}

const ttl = (ttlMs: number): number => Math.max(1, Math.ceil(ttlMs));
