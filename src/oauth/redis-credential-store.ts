import type { Redis } from 'ioredis';
import { guarded } from '../conversation/store/redis-errors.js';
import { type CredentialCipher, openCredential, sealCredential } from './credential-cipher.js';
import type { CredentialKey, CredentialStore, StoredCredential } from './credential-store.js';
import { RedisKeys } from '../redis/keyspace.js';

/**
 * Credentials in Redis, shared by every replica: one string per tenant, user and provider at
 * `<prefix>cred:<tenant>:<user>:<provider>` (each part URI-encoded, so no part can forge another's
 * key), holding only the sealed value. No TTL: a connection lasts until it is removed. Every replica
 * must share `CREDENTIALS_KEY`, or values sealed by one do not open on another.
 */
export class RedisCredentialStore implements CredentialStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    private readonly cipher: CredentialCipher,
    keyPrefix: string,
  ) {
    this.keys = new RedisKeys(keyPrefix);
  }

  async put(key: CredentialKey, credential: StoredCredential): Promise<void> {
    const sealed = sealCredential(this.cipher, key, credential);
    await guarded(this.redis, () => this.redis.set(this.key(key), sealed));
  }

  async get(key: CredentialKey): Promise<StoredCredential | null> {
    const sealed = await guarded(this.redis, () => this.redis.get(this.key(key)));
    return sealed === null ? null : openCredential(this.cipher, key, sealed);
  }

  async has(key: CredentialKey): Promise<boolean> {
    return (await guarded(this.redis, () => this.redis.exists(this.key(key)))) === 1;
  }

  async delete(key: CredentialKey): Promise<void> {
    await guarded(this.redis, () => this.redis.del(this.key(key)));
  }

  /** The Redis key of a credential (exposed for tests that look at what is stored). */
  key(key: CredentialKey): string {
    return this.keys.credential(key);
  }
}
