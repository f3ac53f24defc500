import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { isExemptFromRateLimit } from '../http/ip-rate-limit.js';
import { requestIdOf } from '../http/request-id.js';
import { loggableUrl, sessionIdOf } from './log-redaction.js';
import { writeTrustedLine } from './root-logger.js';
import { type RequestBindings, RequestLogContext, runInRequestContext } from './request-context.js';

/**
 * One line per request, when its response closes (finished, or cut by the client):
 * `req {id, method, url}`, `requestId`, `sessionId` when the path names a session, `res {statusCode}`,
 * `responseTime` in ms; level `error` for a 5xx (with an `err` naming the status), `info` otherwise.
 * Probes and scrapes (the routes exempt from the rate limit) get no line. The rest of the request is
 * handled in its logging context, so `Logger` calls made meanwhile carry the same bindings.
 *
 * Written by hand rather than through pino-http, which serialised the whole request (headers, query,
 * params) into a child logger on every request and ran the redaction pass on every line: about a tenth
 * of a turn's time.
 */
export function requestLogging(root: Logger) {
  return (req: Request & { id?: string }, res: Response, next: NextFunction): void => {
    // `requestId()` already gave the request its id (caller's X-Request-Id or a UUID).
    const id = (req.id ??= requestIdOf(req));
    const url = req.originalUrl ?? req.url;
    const sessionId = sessionIdOf(url);
    const bindings: RequestBindings = { req: { id, method: req.method, url: loggableUrl(url) }, requestId: id };
    if (sessionId) bindings.sessionId = sessionId;

    if (!isExemptFromRateLimit(url.split('?')[0] ?? '')) {
      const started = Date.now();
      const completed = (error?: Error): void => {
        res.off('close', completed);
        res.off('error', completed);
        logCompletion(root, bindings, res.statusCode, Date.now() - started, error);
      };
      res.on('close', completed);
      res.on('error', completed);
    }
    runInRequestContext(new RequestLogContext(root, bindings), next);
  };
}

function logCompletion(root: Logger, bindings: RequestBindings, statusCode: number, responseTime: number, error: Error | undefined): void {
  // Rare: through pino, whose serializer writes the error's type, message and stack.
  if (error || statusCode >= 500) {
    const err = error ?? new Error(`failed with status code ${statusCode}`);
    root.error({ ...bindings, res: { statusCode }, err, responseTime }, 'request errored');
    return;
  }
  // Every field is built above from the id, method, redacted URL and status: nothing to redact.
  writeTrustedLine(root, 'info', { ...bindings, res: { statusCode }, responseTime }, 'request completed');
}
