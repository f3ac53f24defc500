import { Global, Module, type Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Clock, SystemClock } from '../common/clock.js';
import { DraftRepository, InMemoryDraftRepository } from '../agent-generator/draft-repository.js';
import { SessionEventBus } from '../conversation/events/session-event-bus.js';
import { InMemorySessionEventBus } from '../conversation/events/in-memory-session-event-bus.js';
import { SessionStore } from '../conversation/store/session-store.js';
import { InMemorySessionStore } from '../conversation/store/in-memory-session-store.js';

/**
 * The shared infrastructure every module injects: configuration, time, and the backends chosen by
 * configuration (memory by default). The one place that picks implementations.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, overrides: { clock?: Clock } = {}): import('@nestjs/common').DynamicModule {
    const providers: Provider[] = [
      { provide: AppConfig, useValue: config },
      { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
      {
        provide: SessionStore,
        inject: [Clock],
        useFactory: (clock: Clock): SessionStore => new InMemorySessionStore(clock, { eventLogCap: config.env.EVENT_LOG_CAP }),
      },
      { provide: SessionEventBus, useFactory: (): SessionEventBus => new InMemorySessionEventBus() },
      { provide: DraftRepository, useFactory: (): DraftRepository => new InMemoryDraftRepository() },
    ];
    return { module: CoreModule, providers, exports: providers.map((provider) => (provider as { provide: unknown }).provide as never) };
  }
}
