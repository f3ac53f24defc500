import { Inject, Injectable, type LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { currentLogger } from './request-context.js';
import { ROOT_LOGGER } from './root-logger.js';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's logger (`app.useLogger`) over pino: every `new Logger(Context)` call becomes one JSON line with
 * its `context`, and, while a request is being handled, that request's `req`, `requestId` and
 * `sessionId` (`request-context.ts`). Lines are shaped as nestjs-pino's `Logger` shaped them: an object
 * message is merged into the line, an `Error` goes under `err` (pino's serializer writes its type,
 * message and stack), and further arguments are pino's format arguments.
 */
@Injectable()
export class AppLogger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly root: Logger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.call('trace', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.call('debug', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.call('info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.call('warn', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.call('error', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.call('fatal', message, params);
  }

  private call(level: Level, message: unknown, optionalParams: unknown[]): void {
    const logger = currentLogger(this.root);
    if (!logger.isLevelEnabled(level)) return;
    const log = logger[level].bind(logger) as (obj: object, msg?: string, ...args: unknown[]) => void;
    // Nest passes the context (the `Logger`'s name) as the last argument.
    const fields: Record<string, unknown> = {};
    let params: unknown[] = [];
    if (optionalParams.length > 0) {
      fields['context'] = optionalParams[optionalParams.length - 1];
      params = optionalParams.slice(0, -1);
    }
    if (typeof message === 'object') {
      if (message instanceof Error) fields['err'] = message;
      else Object.assign(fields, message);
      log(fields, ...(params as [string?]));
    } else if (isExceptionHandlerContract(level, message, params)) {
      // Nest's exception handlers call `error(message, stack)`: keep the stack as the error's.
      const err = new Error(message as string);
      err.stack = params[0] as string;
      log({ ...fields, err });
    } else {
      log(fields, message as string, ...params);
    }
  }
}

function isExceptionHandlerContract(level: Level, message: unknown, params: unknown[]): boolean {
  return level === 'error' && typeof message === 'string' && params.length === 1 && typeof params[0] === 'string' && /\n\s*at /.test(params[0]);
}
