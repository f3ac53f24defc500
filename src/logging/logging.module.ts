import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { type DestinationStream, stdTimeFunctions } from 'pino';
import { AppConfig } from '../config/app-config.js';
import { isExemptFromRateLimit } from '../http/ip-rate-limit.js';
import { requestIdOf } from '../http/request-id.js';
import { loggableUrl, REDACTED_PATHS, sessionIdOf } from './log-redaction.js';

type Req = IncomingMessage & { originalUrl?: string };

/**
 * JSON logs through pino (`nestjs-pino`): one line per request and every `Logger` call, with the
 * request id (`X-Request-Id`, or generated) and the session id on each line made while handling a
 * request. Nothing logs request bodies, so message text never reaches a line; query values, auth
 * headers, cookies, OAuth codes and states and tokens are hidden (`log-redaction.ts`).
 *
 * Trap: nestjs-pino keeps one pino-http instance per process (module state), built by the first app
 * that logs; a second app in the same process (tests) shares the first one's level and destination.
 */
export function loggingModule(options: { destination?: DestinationStream } = {}): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [AppConfig],
    useFactory: (config: AppConfig): Params => {
      const http: Options = {
        level: config.env.LOG_LEVEL,
        base: { service: 'agent-builder' },
        timestamp: stdTimeFunctions.isoTime,
        formatters: { level: (label: string) => ({ level: label }) },
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        // `requestId()` already gave the request its id (caller's X-Request-Id or a UUID).
        genReqId: (req: Req) => req.id ?? requestIdOf(req as never),
        // Bound to every line logged while handling the request (and to its completion line). pino-http's
        // `quietReqLogger` would bind the id alone, without these.
        customProps: (req: Req) => {
          const sessionId = sessionIdOf(req.originalUrl ?? req.url);
          return sessionId ? { requestId: req.id, sessionId } : { requestId: req.id };
        },
        serializers: {
          req: (req: Req) => ({ id: req.id, method: req.method, url: loggableUrl(req.originalUrl ?? req.url) }),
          res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
        },
        autoLogging: { ignore: (req: Req) => isExemptFromRateLimit((req.originalUrl ?? req.url ?? '').split('?')[0] ?? '') },
        customLogLevel: (_req: Req, res: ServerResponse, error?: Error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      };
      return { pinoHttp: options.destination ? [http, options.destination] : http };
    },
  });
}
