import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What a caller may choose as a request id: short, no spaces or separators that confuse log tools. */
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the caller's `X-Request-Id` when it is sane, a fresh UUID otherwise. */
export function requestIdOf(req: Request): string {
  const given = req.headers['x-request-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value && ACCEPTED.test(value) ? value : randomUUID();
}

/** Gives every request an id (`req.id`, echoed as `X-Request-Id`) before anything else runs. */
export function requestId() {
  return (req: Request & { id?: string }, res: Response, next: NextFunction): void => {
    req.id = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, req.id);
    next();
  };
}
