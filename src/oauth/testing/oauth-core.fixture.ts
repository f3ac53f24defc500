import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { Clock, FakeClock } from '../../common/clock.js';
import { InMemorySessionStore } from '../../conversation/store/in-memory-session-store.js';
import { SessionStore } from '../../conversation/store/session-store.js';
import { RedisConnections } from '../../redis/redis-connections.js';

@Module({})
class OauthCoreFixtureModule {}

/**
 * What `OauthModule` expects from the application, as a global module for specs: `AppConfig`
 * from `env`, a `FakeClock`, an in-memory `SessionStore` on that clock and `RedisConnections`
 * (which connects only when a Redis backend is configured and used).
 */
export function oauthCoreFixture(env: Record<string, string>, clock: FakeClock = new FakeClock()): DynamicModule {
  return {
    module: OauthCoreFixtureModule,
    global: true,
    providers: [
      { provide: AppConfig, useValue: new AppConfig(env) },
      { provide: Clock, useValue: clock },
      { provide: SessionStore, useValue: new InMemorySessionStore(clock, { eventLogCap: 50 }) },
      RedisConnections,
    ],
    exports: [AppConfig, Clock, SessionStore, RedisConnections],
  };
}
