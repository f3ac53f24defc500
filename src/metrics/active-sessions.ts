import { Inject, Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { AppConfig } from '../config/app-config.js';
import { RedisKeys } from '../redis/keyspace.js';
import { SessionStore } from '../conversation/store/session-store.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { METRIC_PREFIX, MetricsRegistry } from './metrics-registry.js';

/** The memory store is counted by listing; past this many the gauge stops counting. */
const MEMORY_COUNT_CAP = 1_000_000;

/**
 * `abc_sessions_active`: active sessions in the store, read at scrape time, so every replica reports
 * the same total (take `max`, not `sum`, across replicas). With Redis it is the size of the idle
 * index (one `ZCARD`); in memory, the store's own count.
 */
@Injectable()
export class ActiveSessionsGauge {
  private readonly logger = new Logger(ActiveSessionsGauge.name);

  constructor(
    metrics: MetricsRegistry,
    config: AppConfig,
    @Inject(SessionStore) store: SessionStore,
    connections: RedisConnections,
  ) {
    const env = config.env;
    const count =
      env.SESSION_STORE === 'redis'
        ? async () => {
            // One ZCARD per idle bucket (each its own slot on a cluster).
            const buckets = new RedisKeys(env.REDIS_KEY_PREFIX).idleBuckets();
            const counts = await Promise.all(buckets.map((bucket) => connections.command.zcard(bucket)));
            return counts.reduce((sum, n) => sum + n, 0);
          }
        : async () => (await store.findIdle(Number.MAX_SAFE_INTEGER, MEMORY_COUNT_CAP)).length;
    const logger = this.logger;
    new Gauge({
      name: `${METRIC_PREFIX}sessions_active`,
      help: 'Active (not expired) sessions in the session store; the same on every replica.',
      registers: [metrics.registry],
      async collect() {
        try {
          this.set(await count());
        } catch (error) {
          // The scrape still answers; the gauge keeps its last value. Debug: the outage itself is logged by the Redis client.
          logger.debug(`Could not count active sessions: ${(error as Error).message}`);
        }
      },
    });
  }
}
