import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Clock, SystemClock } from '../common/clock.js';
import { DraftRepository, InMemoryDraftRepository } from '../agent-generator/draft-repository.js';
import { RedisDraftRepository } from '../agent-generator/redis-draft-repository.js';
import { SessionEventBus } from '../conversation/events/session-event-bus.js';
import { InMemorySessionEventBus } from '../conversation/events/in-memory-session-event-bus.js';
import { createRedisSessionEventBus } from '../conversation/events/redis-session-event-bus.js';
import { SessionStore } from '../conversation/store/session-store.js';
import { InMemorySessionStore } from '../conversation/store/in-memory-session-store.js';
import { createRedisSessionStore } from '../conversation/store/redis-session-store.js';
import { RedisConnections } from '../redis/redis-connections.js';

/**
 * The shared infrastructure every module injects: configuration, time, and the backends chosen by
 * `SESSION_STORE` (memory by default). The one place that picks implementations.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, overrides: { clock?: Clock } = {}): DynamicModule {
    const env = config.env;
    const redis = env.SESSION_STORE === 'redis';
    const providers: Provider[] = [
      { provide: AppConfig, useValue: config },
      { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
      // Opens no connection until used, so it is harmless in memory mode; closes them at shutdown.
      RedisConnections,
      {
        provide: SessionStore,
        inject: [Clock, RedisConnections],
        useFactory: (clock: Clock, connections: RedisConnections): SessionStore =>
          redis
            ? createRedisSessionStore(connections.command, {
                keyPrefix: env.REDIS_KEY_PREFIX,
                eventLogCap: env.EVENT_LOG_CAP,
                commitReplicas: env.REDIS_COMMIT_REPLICAS,
                commitReplicaTimeoutMs: env.REDIS_COMMIT_REPLICA_TIMEOUT_MS,
              })
            : new InMemorySessionStore(clock, { eventLogCap: env.EVENT_LOG_CAP }),
      },
      {
        provide: SessionEventBus,
        inject: [RedisConnections],
        useFactory: (connections: RedisConnections): SessionEventBus =>
          // The store's save script publishes committed events itself; the bus only subscribes.
          redis
            ? createRedisSessionEventBus(connections, { keyPrefix: env.REDIS_KEY_PREFIX, durableEventsPublishedByStore: true })
            : new InMemorySessionEventBus(),
      },
      {
        provide: DraftRepository,
        inject: [RedisConnections],
        useFactory: (connections: RedisConnections): DraftRepository =>
          redis ? new RedisDraftRepository(connections.command, env.REDIS_KEY_PREFIX) : new InMemoryDraftRepository(),
      },
    ];
    return {
      module: CoreModule,
      providers,
      exports: [AppConfig, Clock, RedisConnections, SessionStore, SessionEventBus, DraftRepository],
    };
  }
}
