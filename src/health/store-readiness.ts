import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config.js';
import { guarded } from '../conversation/store/redis-errors.js';
import { SessionStore } from '../conversation/store/session-store.js';
import { RedisKeys } from '../redis/keyspace.js';
import { untilReady } from '../redis/redis-client.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { assertNoEviction, EvictingRedisError } from '../redis/redis-memory-policy.js';

/** How long the readiness probe's key lives: it needs no cleaning, and one per replica exists at most. */
const PROBE_TTL_MS = 10_000;
/** How long start-up waits for Redis to answer the policy check before leaving it to readiness. */
const STARTUP_CHECK_MS = 3_000;

/**
 * Whether the session store can take writes now. A PING passed while a full Redis refused every write
 * (issue 14, fault 3), so on Redis readiness writes a tiny key with a TTL, and checks that the server
 * does not evict keys (fault 6). Start-up refuses an evicting Redis; one unreachable at start-up is
 * left to readiness (the service starts and reports 503 until Redis answers).
 */
@Injectable()
export class StoreReadiness implements OnApplicationBootstrap {
  private readonly logger = new Logger(StoreReadiness.name);
  private readonly probeKey: string;

  constructor(
    private readonly config: AppConfig,
    @Inject(SessionStore) private readonly store: SessionStore,
    private readonly redis: RedisConnections,
  ) {
    this.probeKey = new RedisKeys(config.env.REDIS_KEY_PREFIX).readyProbe(randomUUID());
  }

  private get onRedis(): boolean {
    return this.config.env.SESSION_STORE === 'redis';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.onRedis) return;
    const client = this.redis.command;
    try {
      await untilReady(client, STARTUP_CHECK_MS);
      await assertNoEviction(client);
    } catch (error) {
      if (error instanceof EvictingRedisError) throw error;
      this.logger.warn(`Could not check Redis at start-up (${(error as Error).message}); readiness checks it again`);
    }
  }

  /** Resolves when the store takes a write; rejects (the readiness probe answers 503) when it cannot. */
  async check(): Promise<void> {
    if (!this.onRedis) return this.store.ping();
    const client = this.redis.command;
    await guarded(client, () => client.set(this.probeKey, String(Date.now()), 'PX', PROBE_TTL_MS));
    await guarded(client, () => assertNoEviction(client));
  }
}
