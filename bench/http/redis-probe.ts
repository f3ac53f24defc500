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
    this.client ??= new Redis(this.url, { lazyConnect: false, maxRetriesPerRequest: 1 });
    return this.client;
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
