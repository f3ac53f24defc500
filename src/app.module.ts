import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import type { DestinationStream } from 'pino';
import type { Clock } from './common/clock.js';
import { DomainExceptionFilter } from './common/domain-exception.filter.js';
import { AppConfig } from './config/app-config.js';
import { ChatModule } from './chat/chat.module.js';
import { ConversationModule } from './conversation/conversation.module.js';
import { CoreModule } from './core/core.module.js';
import { HealthModule } from './health/health.module.js';
import { HttpHardeningModule } from './http/http-hardening.module.js';
import { ApiValidationPipe } from './http/validation/api-validation.pipe.js';
import { loggingModule } from './logging/logging.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { DevOauthModule } from './oauth/dev-oauth.module.js';
import { WebModule } from './web/web.module.js';

export interface AppOptions {
  /** Replaces the system clock (tests). */
  clock?: Clock;
  /** Where log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
}

/** The whole service, built from validated configuration. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, { clock: options.clock }),
        loggingModule({ destination: options.logDestination }),
        MetricsModule,
        HttpHardeningModule,
        ScheduleModule.forRoot(),
        ConversationModule,
        ChatModule,
        HealthModule,
        // The development OAuth provider never exists in production.
        ...(config.isProduction ? [] : [DevOauthModule]),
        WebModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
        { provide: APP_PIPE, useClass: ApiValidationPipe },
      ],
    };
  }
}
