import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { FakeClock } from '../common/clock.js';
import { DevOauthProviderController } from './dev-oauth-provider.controller.js';
import { DEV_CODE_TTL_MS, DEV_OAUTH_CLIENT_ID } from './dev-oauth-server.js';
import { DevOauthModule } from './dev-oauth.module.js';
import { codeChallengeS256, createCodeVerifier } from './pkce.js';
import { oauthCoreFixture } from './testing/oauth-core.fixture.js';

const REDIRECT_URI = 'http://localhost:3000/v1/oauth/callback';
const ISSUER = 'http://localhost:3000/dev/oauth';
const ENV = { NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000', OAUTH_REDIRECT_URL: REDIRECT_URI };

async function startApp(env: Record<string, string>, clock = new FakeClock()): Promise<{ app: INestApplication; base: string }> {
  const moduleRef = await Test.createTestingModule({ imports: [oauthCoreFixture(env, clock), DevOauthModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false, forceCloseConnections: true });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}/dev/oauth` };
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  redirect: 'manual' as const,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe(DevOauthProviderController.name, () => {
  const clock = new FakeClock();
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    ({ app, base } = await startApp(ENV, clock));
  });
  afterAll(async () => {
    await app.close();
  });

  const verifier = createCodeVerifier();
  const request = (overrides: Record<string, string> = {}) => ({
    client_id: DEV_OAUTH_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    state: 'state-123',
    code_challenge: codeChallengeS256(verifier),
    code_challenge_method: 'S256',
    scope: 'https://www.googleapis.com/auth/gmail.modify',
    integration: 'gmail',
    ...overrides,
  });
  const authorize = (params: Record<string, string>) =>
    fetch(`${base}/authorize?${new URLSearchParams(params).toString()}`, { redirect: 'manual' });
  const decide = (decision: string, overrides: Record<string, string> = {}) =>
    fetch(`${base}/decision`, form({ ...request(overrides), decision }));
  const token = (fields: Record<string, string>) => fetch(`${base}/token`, form(fields));

  async function issueCode(): Promise<string> {
    const response = await decide('allow');
    return new URL(response.headers.get('location')!).searchParams.get('code')!;
  }
  const exchange = (code: string, overrides: Record<string, string> = {}) =>
    token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: DEV_OAUTH_CLIENT_ID,
      code_verifier: verifier,
      ...overrides,
    });

  describe('GET /dev/oauth/authorize', () => {
    it('serves a consent page naming the integration and its scopes, with Allow and Deny', async () => {
      const response = await authorize({ response_type: 'code', ...request() });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toContain('Connect Gmail to Agent Builder?');
      expect(html).toContain('<li><code>https://www.googleapis.com/auth/gmail.modify</code></li>');
      expect(html).toMatch(/<form method="post" action="decision">/);
      expect(html).toContain('<button type="submit" name="decision" value="allow">Allow</button>');
      expect(html).toContain('<button type="submit" name="decision" value="deny">Deny</button>');
      expect(html).toContain(`<input type="hidden" name="code_challenge" value="${codeChallengeS256(verifier)}">`);
    });

    it('works under a strict CSP: no script at all, the one style allowed by hash', async () => {
      const response = await authorize({ response_type: 'code', ...request() });
      const html = await response.text();
      const csp = response.headers.get('content-security-policy')!;
      expect(html).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("form-action 'self' http://localhost:3000");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('cache-control')).toBe('no-store');
    });

    it('escapes everything it renders', async () => {
      const response = await authorize({
        response_type: 'code',
        ...request({ scope: '<script>alert(1)</script> a&b', state: '"><img src=x onerror=alert(1)>' }),
      });
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('a&amp;b');
      expect(html).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    });

    it('names the account generically for an unknown integration', async () => {
      const html = await (await authorize({ response_type: 'code', ...request({ integration: '<b>x</b>' }) })).text();
      expect(html).toContain('Connect your account to Agent Builder?');
    });

    it.each([
      ['a foreign redirect_uri', { redirect_uri: 'https://evil.example/callback' }],
      ['a redirect_uri differing by a trailing slash', { redirect_uri: `${REDIRECT_URI}/` }],
      ['an unknown client', { client_id: 'someone-else' }],
      ['no PKCE challenge', { code_challenge: '' }],
      ['the plain PKCE method', { code_challenge_method: 'plain' }],
      ['no state', { state: '' }],
      ['another response type', { response_type: 'token' }],
    ])('answers 400 without redirecting for %s', async (_case, overrides) => {
      const response = await authorize({ response_type: 'code', ...request(), ...overrides });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('Invalid authorization request');
    });
  });

  describe('POST /dev/oauth/decision', () => {
    it('redirects 303 with a code, the state and the issuer when allowed', async () => {
      const response = await decide('allow');
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
      expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(location.searchParams.get('state')).toBe('state-123');
      expect(location.searchParams.get('iss')).toBe(ISSUER);
    });

    it('redirects 303 with access_denied, the state and the issuer when denied', async () => {
      const response = await decide('deny');
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get('location')!);
      expect(location.searchParams.get('error')).toBe('access_denied');
      expect(location.searchParams.get('state')).toBe('state-123');
      expect(location.searchParams.get('iss')).toBe(ISSUER);
      expect(location.searchParams.has('code')).toBe(false);
    });

    it('re-checks the request: a tampered redirect_uri gets a 400 page, not a redirect', async () => {
      const response = await decide('allow', { redirect_uri: 'https://evil.example/callback' });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    });

    it('answers 400 to anything but allow or deny', async () => {
      expect((await decide('maybe')).status).toBe(400);
    });
  });

  describe('POST /dev/oauth/token', () => {
    it('exchanges a code for tokens once', async () => {
      const response = await exchange(await issueCode());
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toEqual({
        access_token: expect.any(String),
        refresh_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'https://www.googleapis.com/auth/gmail.modify',
      });
    });

    it('refuses a reused code with invalid_grant', async () => {
      const code = await issueCode();
      expect((await exchange(code)).status).toBe(200);
      const again = await exchange(code);
      expect(again.status).toBe(400);
      expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('refuses a wrong code_verifier with invalid_grant, and the code is spent', async () => {
      const code = await issueCode();
      const wrong = await exchange(code, { code_verifier: createCodeVerifier() });
      expect(wrong.status).toBe(400);
      expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
      expect((await exchange(code)).status).toBe(400);
    });

    it('refuses a redirect_uri other than the authorization request one with invalid_grant', async () => {
      const response = await exchange(await issueCode(), { redirect_uri: 'http://localhost:3000/other' });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('refuses an expired code with invalid_grant', async () => {
      const code = await issueCode();
      clock.advance(DEV_CODE_TTL_MS);
      const response = await exchange(code);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('refuses an unknown code, another client, another grant type and a JSON body', async () => {
      const unknown = await exchange('not-a-code');
      expect(await unknown.json()).toMatchObject({ error: 'invalid_grant' });
      const client = await exchange(await issueCode(), { client_id: 'other' });
      expect(await client.json()).toMatchObject({ error: 'invalid_client' });
      const grant = await exchange(await issueCode(), { grant_type: 'client_credentials' });
      expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
      const missing = await token({ grant_type: 'authorization_code', client_id: DEV_OAUTH_CLIENT_ID });
      expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
      const json = await fetch(`${base}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'authorization_code', code: await issueCode() }),
      });
      expect(json.status).toBe(400);
      expect(await json.json()).toMatchObject({ error: 'invalid_request' });
      for (const response of [unknown, client, grant, missing]) expect(response.status).toBe(400);
    });

    it('refuses repeated parameters', async () => {
      const body = `${new URLSearchParams({ grant_type: 'authorization_code', code: await issueCode() }).toString()}&code=x`;
      const response = await fetch(`${base}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    });
  });
});

describe(`${DevOauthProviderController.name} in production`, () => {
  it('answers 404 everywhere should it be wired by mistake', async () => {
    const { app, base } = await startApp({
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'a-jwt-secret-of-at-least-32-characters',
      CREDENTIALS_KEY: 'a'.repeat(64),
      PUBLIC_URL: 'https://agents.example',
    });
    try {
      expect((await fetch(`${base}/authorize?response_type=code`)).status).toBe(404);
      expect((await fetch(`${base}/decision`, form({ decision: 'allow' }))).status).toBe(404);
      expect((await fetch(`${base}/token`, form({ grant_type: 'authorization_code' }))).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
