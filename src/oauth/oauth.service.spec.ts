import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError } from '../common/errors.js';
import type { OauthStateRecord } from '../conversation/store/session-store.js';
import { DEV_OAUTH_CLIENT_ID } from './dev-oauth-server.js';
import { OauthService } from './oauth.service.js';
import { codeChallengeS256, isCodeVerifier } from './pkce.js';
import { oauthServiceFixture } from './testing/oauth-service.fixture.js';

const REDIRECT_URI = 'http://localhost:3000/v1/oauth/callback';
const BASE_ENV = { NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000', OAUTH_STATE_TTL_MS: '600000' };
const owner = { tenantId: 'acme', userId: 'alice' };

/** What a loopback token endpoint received. */
interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A scriptable token endpoint on 127.0.0.1: the path picks the misbehaviour. */
async function startTokenEndpoint(): Promise<{ url: string; received: ReceivedRequest[]; close(): Promise<void> }> {
  const received: ReceivedRequest[] = [];
  const routes: Record<string, (res: ServerResponse) => void> = {
    '/ok': (res) =>
      json(res, 200, {
        access_token: 'AT-loopback-secret',
        refresh_token: 'RT-loopback-secret',
        token_type: 'Bearer',
        expires_in: '3600',
        scope: 'a b',
      }),
    '/400': (res) => json(res, 400, { error: 'invalid_grant', error_description: 'code AT-xyz was used' }),
    '/400-odd-error': (res) => json(res, 400, { error: 'looks <b>odd</b> and long and spaced' }),
    '/500': (res) => {
      res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>');
    },
    '/hang': () => undefined,
    '/hang-body': (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"access_token":');
    },
    '/malformed': (res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token": "x"');
    },
    '/array': (res) => json(res, 200, [{ access_token: 'x' }]),
    '/no-token': (res) => json(res, 200, { token_type: 'Bearer', expires_in: 3600 }),
    '/empty-token': (res) => json(res, 200, { access_token: '', token_type: 'Bearer' }),
    '/slack-not-ok': (res) => json(res, 200, { ok: false, error: 'invalid_code' }),
    '/slack-user': (res) =>
      json(res, 200, { ok: true, authed_user: { access_token: 'xoxp-user-secret', token_type: 'user', scope: 'chat:write' } }),
    '/github-error': (res) =>
      json(res, 200, { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' }),
    '/redirect': (res) => {
      res.writeHead(307, { location: '/ok' }).end();
    },
    '/huge': (res) => json(res, 200, { access_token: 'x', padding: 'y'.repeat(200_000) }),
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({ path, headers: req.headers, body });
      const route = routes[path];
      if (route) route(res);
      else json(res, 404, { error: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

describe(OauthService.name, () => {
  describe('startAuthorization', () => {
    it('stores a single-use record holding the verifier and points the development provider at itself', async () => {
      const { service, sessions, clock } = await oauthServiceFixture(BASE_ENV);
      const start = await service.startAuthorization({ sessionId: 's-1', owner, integration: 'gmail' });

      expect(start.provider).toBe('google');
      expect(start.expiresAt).toBe(clock.now() + 600_000);
      const url = new URL(start.authorizationUrl);
      expect(`${url.origin}${url.pathname}`).toBe('http://localhost:3000/dev/oauth/authorize');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        response_type: 'code',
        client_id: DEV_OAUTH_CLIENT_ID,
        redirect_uri: REDIRECT_URI,
        scope: 'https://www.googleapis.com/auth/gmail.modify',
        state: start.state,
        code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        code_challenge_method: 'S256',
        integration: 'gmail',
      });
      expect(start.authorizationUrl).not.toContain('code_verifier');

      const record = await sessions.takeOauthState(start.state);
      expect(record).toEqual({
        state: start.state,
        sessionId: 's-1',
        userId: 'alice',
        tenantId: 'acme',
        provider: 'google',
        integration: 'gmail',
        codeVerifier: expect.any(String),
        redirectUri: REDIRECT_URI,
        expiresAt: start.expiresAt,
      });
      expect(isCodeVerifier(record!.codeVerifier)).toBe(true);
      expect(codeChallengeS256(record!.codeVerifier)).toBe(url.searchParams.get('code_challenge'));
    });

    it('builds a real provider URL with its own parameters, separator and scope override', async () => {
      const { service } = await oauthServiceFixture({
        ...BASE_ENV,
        OAUTH_REDIRECT_URL: 'https://agents.example/v1/oauth/callback',
        OAUTH_GOOGLE_CLIENT_ID: 'google-client',
        OAUTH_GOOGLE_CLIENT_SECRET: 'google-secret',
        OAUTH_SLACK_CLIENT_ID: 'slack-client',
        OAUTH_SLACK_CLIENT_SECRET: 'slack-secret',
        OAUTH_SLACK_SCOPES: 'chat:write channels:read users:read',
      });
      const google = new URL(
        (await service.startAuthorization({ sessionId: 's', owner, integration: 'google_calendar' })).authorizationUrl,
      );
      expect(`${google.origin}${google.pathname}`).toBe('https://accounts.google.com/o/oauth2/v2/auth');
      expect(google.searchParams.get('client_id')).toBe('google-client');
      expect(google.searchParams.get('redirect_uri')).toBe('https://agents.example/v1/oauth/callback');
      expect(google.searchParams.get('access_type')).toBe('offline');
      expect(google.searchParams.get('prompt')).toBe('consent');
      expect(google.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/calendar.events');
      expect(google.searchParams.has('integration')).toBe(false);
      expect(google.href).not.toContain('google-secret');

      const slack = new URL((await service.startAuthorization({ sessionId: 's', owner, integration: 'slack' })).authorizationUrl);
      expect(`${slack.origin}${slack.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
      expect(slack.searchParams.get('scope')).toBe('chat:write,channels:read,users:read');
    });

    it('gives every start its own state and verifier', async () => {
      const { service, sessions } = await oauthServiceFixture(BASE_ENV);
      const starts = await Promise.all(
        Array.from({ length: 20 }, () => service.startAuthorization({ sessionId: 's', owner, integration: 'slack' })),
      );
      expect(new Set(starts.map((start) => start.state)).size).toBe(20);
      const verifiers = await Promise.all(
        starts.map(async (start) => (await sessions.takeOauthState(start.state))!.codeVerifier),
      );
      expect(new Set(verifiers).size).toBe(20);
    });

    it('refuses an unknown integration and, in production, an unconfigured provider', async () => {
      const { service } = await oauthServiceFixture(BASE_ENV);
      await expect(service.startAuthorization({ sessionId: 's', owner, integration: 'myspace' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect(() => service.providerOf('myspace')).toThrow(DomainError);

      const production = await oauthServiceFixture({
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: 'a-jwt-secret-of-at-least-32-characters',
        CREDENTIALS_KEY: 'c'.repeat(64),
        OAUTH_SLACK_CLIENT_ID: 'slack-client',
      });
      expect(production.service.isAvailable('slack')).toBe(true);
      expect(production.service.isAvailable('gmail')).toBe(false);
      await expect(production.service.startAuthorization({ sessionId: 's', owner, integration: 'gmail' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { reason: 'PROVIDER_NOT_CONFIGURED', provider: 'google' },
      });
    });
  });

  describe('takeState', () => {
    it('hands a record out once, and not after it expired', async () => {
      const { service, clock } = await oauthServiceFixture(BASE_ENV);
      const first = await service.startAuthorization({ sessionId: 's', owner, integration: 'slack' });
      expect(await service.takeState(first.state)).toMatchObject({ state: first.state, sessionId: 's' });
      expect(await service.takeState(first.state)).toBeNull();

      const second = await service.startAuthorization({ sessionId: 's', owner, integration: 'slack' });
      clock.advance(600_000);
      expect(await service.takeState(second.state)).toBeNull();
      expect(await service.takeState('not a state')).toBeNull();
      expect(await service.takeState('')).toBeNull();
    });
  });

  describe('startAuthorization for several integrations of one provider', () => {
    it('asks once for the scopes of all of them, and refuses to mix providers', async () => {
      const { service } = await oauthServiceFixture({ ...BASE_ENV, OAUTH_GOOGLE_CLIENT_ID: 'google-client' });
      const start = await service.startAuthorization({ sessionId: 's', owner, integration: 'gmail', integrations: ['gmail', 'google_drive'] });
      expect(new URL(start.authorizationUrl).searchParams.get('scope')).toBe(
        'https://www.googleapis.com/auth/gmail.modify https://www.googleapis.com/auth/drive.file',
      );
      await expect(
        service.startAuthorization({ sessionId: 's', owner, integration: 'gmail', integrations: ['gmail', 'slack'] }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });

  describe('claimCallback', () => {
    it('claims a state once; a duplicate learns what became of it; junk and unknown states are unknown', async () => {
      const { service } = await oauthServiceFixture(BASE_ENV);
      const start = await service.startAuthorization({ sessionId: 's-1', owner, integration: 'gmail' });
      const claim = await service.claimCallback(start.state);
      expect(claim).toMatchObject({ kind: 'claimed', record: { state: start.state, sessionId: 's-1', integration: 'gmail' } });
      const receipt = { sessionId: 's-1', integration: 'gmail', provider: 'google' };
      expect(await service.claimCallback(start.state)).toEqual({ kind: 'used', receipt: { ...receipt, status: 'exchanging' } });
      if (claim.kind !== 'claimed') throw new Error('unreachable');
      await service.settleCallback(claim.record, 'connected');
      expect(await service.claimCallback(start.state)).toEqual({ kind: 'used', receipt: { ...receipt, status: 'connected' } });
      expect(await service.takeState(start.state)).toBeNull();
      for (const junk of ['', 'forged', 'A'.repeat(43)]) expect(await service.claimCallback(junk)).toEqual({ kind: 'unknown' });
    });

    it('gives exactly one of many concurrent callers the record', async () => {
      const { service } = await oauthServiceFixture(BASE_ENV);
      const start = await service.startAuthorization({ sessionId: 's-1', owner, integration: 'slack' });
      const claims = await Promise.all(Array.from({ length: 8 }, () => service.claimCallback(start.state)));
      expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
      expect(claims.filter((claim) => claim.kind === 'used')).toHaveLength(7);
    });

    it('tells a state past its expiry apart from an unknown one (and spends it), until twice its lifetime', async () => {
      const { service, clock } = await oauthServiceFixture(BASE_ENV);
      const late = await service.startAuthorization({ sessionId: 's-1', owner, integration: 'gmail' });
      const forgotten = await service.startAuthorization({ sessionId: 's-1', owner, integration: 'gmail' });
      clock.advance(600_000);
      expect(await service.claimCallback(late.state)).toMatchObject({ kind: 'expired', record: { sessionId: 's-1' } });
      expect(await service.claimCallback(late.state)).toMatchObject({ kind: 'used', receipt: { status: 'expired' } });
      clock.advance(600_000);
      expect(await service.claimCallback(forgotten.state)).toEqual({ kind: 'unknown' });
    });
  });

  describe('issuerMatches', () => {
    it('accepts no iss or the provider\'s issuer, and refuses any other (RFC 9207)', async () => {
      const { service } = await oauthServiceFixture({ ...BASE_ENV, OAUTH_GOOGLE_CLIENT_ID: 'google-client' });
      const start = await service.startAuthorization({ sessionId: 's', owner, integration: 'gmail' });
      const record = (await service.takeState(start.state))!;
      expect(service.issuerMatches(record, undefined)).toBe(true);
      expect(service.issuerMatches(record, 'https://accounts.google.com')).toBe(true);
      expect(service.issuerMatches(record, 'https://attacker.example')).toBe(false);
    });
  });

  describe('exchangeCode with the development provider', () => {
    async function authorizeWithDevProvider() {
      const fixture = await oauthServiceFixture(BASE_ENV);
      const start = await fixture.service.startAuthorization({ sessionId: 's-1', owner, integration: 'gmail' });
      const checked = fixture.devServer.validateAuthorizationRequest(
        Object.fromEntries(new URL(start.authorizationUrl).searchParams),
      );
      if (!checked.ok) throw new Error(checked.message);
      const code = fixture.devServer.issueCode(checked.request);
      const record = (await fixture.service.takeState(start.state))!;
      return { ...fixture, code, record };
    }

    it('connects and keeps the tokens for the owner and provider only', async () => {
      const { service, credentials, code, record } = await authorizeWithDevProvider();
      expect(await service.isConnected(owner, 'google')).toBe(false);
      expect(await service.exchangeCode(record, code, 'http://localhost:3000/dev/oauth')).toEqual({ status: 'connected' });
      expect(await service.isConnected(owner, 'google')).toBe(true);
      expect(await service.isConnected({ ...owner, userId: 'bob' }, 'google')).toBe(false);
      expect(await service.isConnected({ ...owner, tenantId: 'other' }, 'google')).toBe(false);
      expect(await service.isConnected(owner, 'slack')).toBe(false);
      expect(await credentials.get({ ...owner, provider: 'google' })).toMatchObject({
        accessToken: expect.stringMatching(/^dev-at-/),
        refreshToken: expect.stringMatching(/^dev-rt-/),
        tokenType: 'Bearer',
      });
    });

    it('fails once the code is spent, and with a wrong verifier', async () => {
      const { service, code, record } = await authorizeWithDevProvider();
      expect(await service.exchangeCode(record, code)).toEqual({ status: 'connected' });
      expect(await service.exchangeCode(record, code)).toEqual({
        status: 'failed',
        reason: 'token_endpoint_rejected:invalid_grant',
      });

      const other = await authorizeWithDevProvider();
      const forged: OauthStateRecord = { ...other.record, codeVerifier: record.codeVerifier };
      expect(await other.service.exchangeCode(forged, other.code)).toEqual({
        status: 'failed',
        reason: 'token_endpoint_rejected:invalid_grant',
      });
      expect(await other.service.isConnected(owner, 'google')).toBe(false);
    });

    it('fails on a foreign iss without spending the code', async () => {
      const { service, code, record } = await authorizeWithDevProvider();
      expect(await service.exchangeCode(record, code, 'https://evil.example')).toEqual({
        status: 'failed',
        reason: 'issuer_mismatch',
      });
      expect(await service.isConnected(owner, 'google')).toBe(false);
    });

    it('fails for an expired record and an empty code', async () => {
      const { service, clock, code, record } = await authorizeWithDevProvider();
      expect(await service.exchangeCode(record, '')).toEqual({ status: 'failed', reason: 'invalid_code' });
      clock.advance(600_000);
      expect(await service.exchangeCode(record, code)).toEqual({ status: 'failed', reason: 'state_expired' });
    });
  });

  describe('exchangeCode against a loopback token endpoint', () => {
    let endpoint: Awaited<ReturnType<typeof startTokenEndpoint>>;
    beforeAll(async () => {
      endpoint = await startTokenEndpoint();
    });
    afterAll(async () => {
      await endpoint.close();
    });

    const CLIENT_SECRET = 'client-secret-that-must-not-leak';
    async function exchangeAt(path: string, extraEnv: Record<string, string> = {}, provider = 'hubspot') {
      const upper = provider.toUpperCase();
      const fixture = await oauthServiceFixture({
        ...BASE_ENV,
        OAUTH_TOKEN_TIMEOUT_MS: '300',
        [`OAUTH_${upper}_CLIENT_ID`]: 'client id/with:odd chars',
        [`OAUTH_${upper}_CLIENT_SECRET`]: CLIENT_SECRET,
        [`OAUTH_${upper}_TOKEN_URL`]: `${endpoint.url}${path}`,
        ...extraEnv,
      });
      const integration = { hubspot: 'hubspot', slack: 'slack', notion: 'notion' }[provider]!;
      const start = await fixture.service.startAuthorization({ sessionId: 's-1', owner, integration });
      const record = (await fixture.service.takeState(start.state))!;
      const code = 'authorization-code-that-must-not-leak';
      const startedAt = Date.now();
      const outcome = await fixture.service.exchangeCode(record, code);
      const elapsed = Date.now() - startedAt;
      const request = endpoint.received.at(-1)!;
      // Nothing secret in the outcome or the logs, whatever happened.
      const secrets = [code, record.codeVerifier, CLIENT_SECRET, 'AT-loopback-secret', 'RT-loopback-secret', 'xoxp-user-secret'];
      for (const text of [JSON.stringify(outcome), ...fixture.logger.lines]) {
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
      return { ...fixture, outcome, elapsed, record, request, code };
    }

    it('posts the grant with client_secret_post by default and stores the tokens', async () => {
      const { outcome, request, record, code, credentials, clock } = await exchangeAt('/ok');
      expect(outcome).toEqual({ status: 'connected' });
      expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(request.headers['accept']).toBe('application/json');
      expect(request.headers['authorization']).toBeUndefined();
      expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: record.codeVerifier,
        client_id: 'client id/with:odd chars',
        client_secret: CLIENT_SECRET,
      });
      expect(await credentials.get({ ...owner, provider: 'hubspot' })).toEqual({
        accessToken: 'AT-loopback-secret',
        refreshToken: 'RT-loopback-secret',
        tokenType: 'Bearer',
        scope: 'a b',
        expiresAt: clock.now() + 3_600_000,
        obtainedAt: clock.now(),
      });
    });

    it('authenticates with HTTP Basic (form-encoded parts) when configured so', async () => {
      const { outcome, request } = await exchangeAt('/ok', { OAUTH_HUBSPOT_CLIENT_AUTH: 'client_secret_basic' });
      expect(outcome).toEqual({ status: 'connected' });
      const basic = Buffer.from(request.headers['authorization']!.replace(/^Basic /, ''), 'base64').toString();
      expect(basic).toBe(`client+id%2Fwith%3Aodd+chars:${CLIENT_SECRET}`);
      const form = new URLSearchParams(request.body);
      expect(form.has('client_secret')).toBe(false);
      expect(form.has('client_id')).toBe(false);
    });

    it('sends Notion a JSON body with HTTP Basic', async () => {
      const { outcome, request } = await exchangeAt('/ok', {}, 'notion');
      expect(outcome).toEqual({ status: 'connected' });
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['authorization']).toMatch(/^Basic /);
      expect(JSON.parse(request.body)).toMatchObject({ grant_type: 'authorization_code', redirect_uri: REDIRECT_URI });
    });

    it('takes a Slack user token from authed_user', async () => {
      const { outcome, credentials } = await exchangeAt('/slack-user', {}, 'slack');
      expect(outcome).toEqual({ status: 'connected' });
      expect(await credentials.get({ ...owner, provider: 'slack' })).toMatchObject({
        accessToken: 'xoxp-user-secret',
        tokenType: 'user',
      });
    });

    it.each([
      ['/400', 'token_endpoint_rejected:invalid_grant'],
      ['/400-odd-error', 'token_endpoint_status_400'],
      ['/500', 'token_endpoint_status_500'],
      ['/malformed', 'token_response_malformed'],
      ['/array', 'token_response_malformed'],
      ['/no-token', 'token_response_without_access_token'],
      ['/empty-token', 'token_response_without_access_token'],
      ['/slack-not-ok', 'token_endpoint_rejected:invalid_code'],
      ['/github-error', 'token_endpoint_rejected:bad_verification_code'],
      ['/redirect', 'token_endpoint_status_307'],
      ['/huge', 'token_response_too_large'],
    ])('fails on %s without storing anything', async (path, reason) => {
      const { outcome, service } = await exchangeAt(path);
      expect(outcome).toEqual({ status: 'failed', reason });
      expect(await service.isConnected(owner, 'hubspot')).toBe(false);
    });

    it.each([
      ['/hang', 'a token endpoint that never answers'],
      ['/hang-body', 'a token endpoint that stalls mid-body'],
    ])('fails within OAUTH_TOKEN_TIMEOUT_MS on %s (%s)', async (path) => {
      const { outcome, elapsed, service } = await exchangeAt(path);
      expect(outcome).toEqual({ status: 'failed', reason: 'token_endpoint_timeout' });
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(2_000);
      expect(await service.isConnected(owner, 'hubspot')).toBe(false);
    });

    it('fails when nothing listens', async () => {
      const fixture = await oauthServiceFixture({
        ...BASE_ENV,
        OAUTH_HUBSPOT_CLIENT_ID: 'c',
        OAUTH_HUBSPOT_TOKEN_URL: 'http://127.0.0.1:9/token',
      });
      const start = await fixture.service.startAuthorization({ sessionId: 's', owner, integration: 'hubspot' });
      const record = (await fixture.service.takeState(start.state))!;
      expect(await fixture.service.exchangeCode(record, 'code')).toEqual({
        status: 'failed',
        reason: 'token_endpoint_unreachable',
      });
    });

    it('does not call the token endpoint when the callback carries a foreign iss', async () => {
      const fixture = await oauthServiceFixture({
        ...BASE_ENV,
        OAUTH_HUBSPOT_CLIENT_ID: 'c',
        OAUTH_HUBSPOT_CLIENT_SECRET: 's',
        OAUTH_HUBSPOT_TOKEN_URL: `${endpoint.url}/ok`,
        OAUTH_HUBSPOT_ISSUER: 'https://app.hubspot.com',
      });
      const start = await fixture.service.startAuthorization({ sessionId: 's', owner, integration: 'hubspot' });
      const record = (await fixture.service.takeState(start.state))!;
      const before = endpoint.received.length;
      expect(await fixture.service.exchangeCode(record, 'code', 'https://evil.example')).toEqual({
        status: 'failed',
        reason: 'issuer_mismatch',
      });
      expect(endpoint.received.length).toBe(before);
      expect(await fixture.service.exchangeCode(record, 'code', 'https://app.hubspot.com')).toEqual({ status: 'connected' });
    });
  });
});
