import type { OauthProvider } from './oauth-provider.registry.js';
import type { StoredCredential } from './credential-store.js';

/** The token endpoint's answer: status and parsed JSON body, or why there is none. */
export type TokenEndpointAnswer = { status: number; body: unknown } | { failure: string };

/** Larger answers are not token responses; reading stops there. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs an authorization-code grant to the provider's token endpoint, with the client
 * authentication it is configured for, bounded by `timeoutMs` (the body included).
 */
export async function requestToken(
  provider: OauthProvider,
  grant: { code: string; redirectUri: string; codeVerifier: string },
  timeoutMs: number,
  /** Cuts the request (a shutdown's grace is over). */
  signal?: AbortSignal,
): Promise<TokenEndpointAnswer> {
  const params: Record<string, string> = {
    grant_type: 'authorization_code',
    code: grant.code,
    redirect_uri: grant.redirectUri,
    code_verifier: grant.codeVerifier,
  };
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (provider.clientAuth === 'client_secret_basic' && provider.clientSecret !== undefined) {
    // RFC 6749 §2.3.1: each part is form-encoded before the two are joined and base64-encoded.
    const credentials = `${formEncode(provider.clientId)}:${formEncode(provider.clientSecret)}`;
    headers['Authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
  } else {
    params['client_id'] = provider.clientId;
    if (provider.clientAuth === 'client_secret_post' && provider.clientSecret !== undefined) {
      params['client_secret'] = provider.clientSecret;
    }
  }
  const json = provider.tokenRequestFormat === 'json';
  headers['Content-Type'] = json ? 'application/json' : 'application/x-www-form-urlencoded';

  try {
    const response = await fetch(provider.tokenUrl, {
      method: 'POST',
      headers,
      body: json ? JSON.stringify(params) : new URLSearchParams(params).toString(),
      // Following a redirect would re-send the code and the client secret to wherever it points.
      redirect: 'manual',
      signal: signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), signal]) : AbortSignal.timeout(timeoutMs),
    });
    const text = await readBounded(response);
    if (text === undefined) return { failure: 'token_response_too_large' };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body };
  } catch (error) {
    // By name, not `instanceof`: the abort is a DOMException, which need not share this realm's Error.
    const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    return { failure: timedOut ? 'token_endpoint_timeout' : 'token_endpoint_unreachable' };
  }
}

/**
 * Reads an answer into a credential: a 2xx with a JSON object carrying an `access_token` (Slack's
 * `ok: false` on a 200 is an error too). Otherwise a short reason with no token in it.
 */
export function parseTokenAnswer(
  answer: TokenEndpointAnswer,
  now: number,
): { credential: StoredCredential } | { reason: string } {
  if ('failure' in answer) return { reason: answer.failure };
  const body = isObject(answer.body) ? answer.body : undefined;
  const error = typeof body?.['error'] === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(body['error']) ? body['error'] : undefined;
  if (answer.status < 200 || answer.status >= 300) {
    return { reason: error ? `token_endpoint_rejected:${error}` : `token_endpoint_status_${answer.status}` };
  }
  if (!body) return { reason: 'token_response_malformed' };
  if (body['ok'] === false || error) return { reason: error ? `token_endpoint_rejected:${error}` : 'token_endpoint_rejected' };

  // Slack answers a user-token-only grant with the token under `authed_user`.
  const tokens = typeof body['access_token'] === 'string' ? body : isObject(body['authed_user']) ? body['authed_user'] : body;
  const accessToken = tokens['access_token'];
  if (typeof accessToken !== 'string' || accessToken.length === 0) return { reason: 'token_response_without_access_token' };

  const expiresIn = Number(tokens['expires_in']);
  const credential: StoredCredential = {
    accessToken,
    tokenType: typeof tokens['token_type'] === 'string' ? tokens['token_type'] : 'Bearer',
    obtainedAt: now,
  };
  if (typeof tokens['refresh_token'] === 'string' && tokens['refresh_token'].length > 0)
    credential.refreshToken = tokens['refresh_token'];
  if (typeof tokens['scope'] === 'string') credential.scope = tokens['scope'];
  if (Number.isFinite(expiresIn) && expiresIn > 0) credential.expiresAt = now + expiresIn * 1000;
  return { credential };
}

/** The body as text, or undefined when it is larger than a token response can be. */
async function readBounded(response: Response): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
