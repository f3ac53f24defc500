import helmet from 'helmet';

/**
 * helmet's headers on every response: HSTS, nosniff, frame and referrer policies, COOP/CORP and a
 * restrictive default Content-Security-Policy (`default-src 'self'`, scripts only from this origin).
 *
 * Routes that serve pages set their own CSP (the chat page at `/`, the development consent page at
 * `/dev/oauth/*`): they call `setHeader` after this middleware ran, so theirs replaces helmet's.
 * `upgrade-insecure-requests` is left out: it would break the docs page over plain http on localhost.
 * COOP `same-origin` is safe for the OAuth popup: the page talks to it over a BroadcastChannel, never
 * through `window.opener`.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { 'upgrade-insecure-requests': null },
    },
  });
}
