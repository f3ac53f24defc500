import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { AppConfig } from '../config/app-config.js';
import { AppLogger } from './app-logger.js';
import { createRootLogger, ROOT_LOGGER } from './root-logger.js';

/**
 * JSON logs through pino: one line per request (`request-logging.ts`, mounted by `configureApp`) and
 * every `Logger` call (`AppLogger`), with the request id (`X-Request-Id`, or generated) and the session
 * id on each line made while handling a request. Nothing logs request bodies, so message text never
 * reaches a line; query values, auth headers, cookies, OAuth codes and states and tokens are hidden
 * (`log-redaction.ts`). Each app has its own logger, so two apps in one process (tests) log apart.
 */
@Global()
@Module({})
export class LoggingModule {}

export function loggingModule(options: { destination?: DestinationStream } = {}): DynamicModule {
  return {
    module: LoggingModule,
    providers: [
      { provide: ROOT_LOGGER, inject: [AppConfig], useFactory: (config: AppConfig) => createRootLogger(config.env.LOG_LEVEL, options.destination) },
      AppLogger,
    ],
    exports: [ROOT_LOGGER, AppLogger],
  };
}
