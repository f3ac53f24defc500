import type { Provider } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import { RedisConnections } from '../../redis/redis-connections.js';
import { IdempotencyStore } from './idempotency-store.js';
import { MemoryIdempotencyStore } from './memory-idempotency-store.js';
import { RedisIdempotencyStore } from './redis-idempotency-store.js';

/** The idempotency store follows `SESSION_STORE`: in process by default, Redis when sessions are shared. */
export const idempotencyStoreProvider: Provider = {
  provide: IdempotencyStore,
  inject: [AppConfig, Clock, RedisConnections],
  useFactory: (config: AppConfig, clock: Clock, connections: RedisConnections): IdempotencyStore =>
    config.env.SESSION_STORE === 'redis'
      ? new RedisIdempotencyStore(connections.command, config.env.REDIS_KEY_PREFIX)
      : new MemoryIdempotencyStore(clock),
};
