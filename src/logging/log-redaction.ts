/**
 * What never reaches a log line: credentials in headers, OAuth `code` / `state` / PKCE verifiers,
 * tokens and secrets, wherever a caller might put them in a logged object.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'code',
  'state',
  'token',
  'accessToken',
  'refreshToken',
  'codeVerifier',
  'clientSecret',
  '*.code',
  '*.state',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.id_token',
  '*.codeVerifier',
  '*.code_verifier',
  '*.clientSecret',
  '*.client_secret',
  '*.password',
];

/** Query parameters whose values are safe to log; every other value becomes `[redacted]`. */
const SAFE_QUERY = new Set(['sessionId', 'lastEventId', 'connected', 'error']);

/**
 * The path of a URL with the values of its query parameters hidden, except a few harmless ones:
 * the OAuth callback carries `code` and `state`, which must never be logged.
 */
export function loggableUrl(url: string | undefined): string {
  if (!url) return '';
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = new URLSearchParams(url.slice(at + 1));
  const shown = [...query.keys()].map((name) =>
    SAFE_QUERY.has(name) ? `${encodeURIComponent(name)}=${encodeURIComponent(query.get(name) ?? '')}` : `${encodeURIComponent(name)}=[redacted]`,
  );
  return `${url.slice(0, at)}?${[...new Set(shown)].join('&')}`;
}

/** The session a request is about, from its path (`/v1/sessions/:id/...`). */
export function sessionIdOf(url: string | undefined): string | undefined {
  const match = /^\/v1\/sessions\/([A-Za-z0-9-]{1,64})(?:[/?]|$)/.exec(url ?? '');
  return match?.[1];
}
