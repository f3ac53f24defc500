import { Redis } from 'ioredis';

/**
 * The orchestrator's own Redis connection: a unique key prefix for the benchmark's service, the
 * server-side command count (`INFO commandstats`), and the removal of every key under the prefix.
 */
export class RedisProbe {
  readonly prefix = `bench-${process.pid}-${Date.now().toString(36)}:`;
  private client: Redis | null = null;

  constructor(private readonly url: string) {}

  private get redis(): Redis {
    this.client ??= new Redis(this.url, { maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: (attempt) => (attempt > 3 ? null : 200) });
    return this.client;
  }

  /** Whether the server answers a PING within two seconds. */
  async reachable(): Promise<boolean> {
    const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2000).unref());
    return Promise.race([this.redis.ping().then(() => true, () => false), timeout]);
  }

  /** Total calls of every command since the server started (calls made inside scripts included). */
  async commandCalls(): Promise<number> {
    const info = await this.redis.info('commandstats');
    let total = 0;
    for (const match of info.matchAll(/calls=(\d+)/g)) total += Number(match[1]);
    return total;
  }

  /** Deletes every key under the prefix, then disconnects. */
  async cleanup(): Promise<number> {
    if (this.client && this.client.status !== 'ready') {
      this.client.disconnect();
      this.client = null;
      return 0;
    }
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await this.redis.unlink(...keys);
    } while (cursor !== '0');
    await this.redis.quit();
    this.client = null;
    return deleted;
  }
}
