import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** A turn's stream or a session's event stream: JSON-in-SSE for scripts, never a page. */
const STREAM_ROUTE = /^\/v1\/sessions\/[^/]+\/(?:messages|events)\/?$/;

/**
 * The headers a stream answer needs, set once per answer from a fixed list: no sniffing, HTTPS only,
 * never framed, no referrer, and a CSP that allows nothing (an event stream loads nothing). The page
 * headers (COOP, CORP, Origin-Agent-Cluster, the legacy X-* ones) mean nothing on an event stream and
 * made each turn's header block four times larger (docs/benchmarks.md).
 */
const STREAM_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['Referrer-Policy', 'no-referrer'],
];

/**
 * Security headers. Turn and event streams get the short fixed list above; every other answer gets
 * helmet's: HSTS, nosniff, frame and referrer policies, COOP/CORP and a restrictive default
 * Content-Security-Policy (`default-src 'self'`, scripts only from this origin).
 *
 * Routes that serve pages set their own CSP (the chat page at `/`, the development consent page at
 * `/dev/oauth/*`): they call `setHeader` after this middleware ran, so theirs replaces helmet's.
 * `upgrade-insecure-requests` is left out: it would break the docs page over plain http on localhost.
 * COOP `same-origin` is safe for the OAuth popup: the page talks to it over a BroadcastChannel, never
 * through `window.opener`.
 */
export function securityHeaders() {
  const full = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { 'upgrade-insecure-requests': null },
    },
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!STREAM_ROUTE.test(req.path)) return void full(req, res, next);
    for (const [name, value] of STREAM_HEADERS) res.setHeader(name, value);
    next();
  };
}
