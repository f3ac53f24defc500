import type { NextFunction, Request, Response } from 'express';
import { sendError } from '../common/domain-exception.filter.js';
import type { RateLimits } from './rate-limits.js';

/** Probes and scrapes are never limited: a busy client must not make a replica look dead. */
export function isExemptFromRateLimit(path: string): boolean {
  return path === '/metrics' || path === '/health' || path.startsWith('/health/');
}

/**
 * Express middleware counting every request against its client IP (`req.ip`, which honours
 * `TRUST_PROXY`). It runs before body parsing, so a flood costs as little as possible; refused
 * requests get the API's error body and `Retry-After`.
 */
export function ipRateLimit(limits: RateLimits) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isExemptFromRateLimit(req.path)) return next();
    limits.consumeRequest(req.ip ?? req.socket.remoteAddress ?? 'unknown').then(
      () => next(),
      (error: unknown) => sendError(res, error),
    );
  };
}
