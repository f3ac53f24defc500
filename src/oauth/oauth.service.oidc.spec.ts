import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type OidcTestServer, startOidcServer } from '../../test/support/oidc-server.js';
import type { OauthStateRecord } from '../conversation/store/session-store.js';
import { OauthService } from './oauth.service.js';
import { createCodeVerifier } from './pkce.js';
import { oauthServiceFixture } from './testing/oauth-service.fixture.js';

const REDIRECT_URI = 'http://localhost:3000/v1/oauth/callback';
const CLIENT_SECRET = 'oidc-client-secret-that-must-not-leak';
const owner = { tenantId: 'acme', userId: 'alice' };

/**
 * `exchangeCode` against a real, certified authorization server (oidc-provider 9: exact redirect
 * URIs, PKCE required, single-use codes, `iss` in the response), driven over HTTP like a browser.
 */
describe.each(['client_secret_basic', 'client_secret_post'] as const)(
  `${OauthService.name} with oidc-provider (%s)`,
  (clientAuth) => {
    let oidc: OidcTestServer;
    beforeAll(async () => {
      oidc = await startOidcServer({
        clientId: 'agent-builder',
        clientSecret: CLIENT_SECRET,
        redirectUri: REDIRECT_URI,
        tokenEndpointAuthMethod: clientAuth,
      });
    });
    afterAll(async () => {
      await oidc.close();
    });

    async function connectTo(overrides: Record<string, string> = {}) {
      const fixture = await oauthServiceFixture({
        NODE_ENV: 'test',
        PUBLIC_URL: 'http://localhost:3000',
        OAUTH_TOKEN_TIMEOUT_MS: '5000',
        OAUTH_GITHUB_CLIENT_ID: 'agent-builder',
        OAUTH_GITHUB_CLIENT_SECRET: CLIENT_SECRET,
        OAUTH_GITHUB_CLIENT_AUTH: clientAuth,
        OAUTH_GITHUB_AUTHORIZE_URL: oidc.authorizeUrl,
        OAUTH_GITHUB_TOKEN_URL: oidc.tokenUrl,
        OAUTH_GITHUB_ISSUER: oidc.issuer,
        OAUTH_GITHUB_SCOPES: 'openid offline_access',
        ...overrides,
      });
      const start = await fixture.service.startAuthorization({ sessionId: 's-1', owner, integration: 'github' });
      const callback = await oidc.authorize(`${start.authorizationUrl}&prompt=consent`);
      expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
      expect(callback.searchParams.get('state')).toBe(start.state);
      const record = (await fixture.service.takeState(callback.searchParams.get('state')!))!;
      expect(record).not.toBeNull();
      const tokenCallsBefore = oidc.tokenResponses().length;
      return {
        ...fixture,
        record,
        code: callback.searchParams.get('code')!,
        iss: callback.searchParams.get('iss')!,
        tokenCalls: () => oidc.tokenResponses().slice(tokenCallsBefore),
      };
    }

    it('connects with the code, the verifier and the exact redirect URI, and keeps the tokens', async () => {
      const { service, credentials, record, code, iss, tokenCalls, logger } = await connectTo();
      expect(iss).toBe(oidc.issuer);
      expect(await service.exchangeCode(record, code, iss)).toEqual({ status: 'connected' });
      expect(tokenCalls()).toEqual([200]);
      const stored = await credentials.get({ ...owner, provider: 'github' });
      expect(stored).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), tokenType: 'Bearer' });
      expect(stored!.scope).toContain('openid');
      for (const line of logger.lines) {
        for (const secret of [code, record.codeVerifier, CLIENT_SECRET, stored!.accessToken, stored!.refreshToken!]) {
          expect(line).not.toContain(secret);
        }
      }
    });

    it('gets exactly one token response per code, even when two exchanges race', async () => {
      const { service, record, code, iss, tokenCalls } = await connectTo();
      const outcomes = await Promise.all([service.exchangeCode(record, code, iss), service.exchangeCode(record, code, iss)]);
      expect(outcomes).toContainEqual({ status: 'connected' });
      expect(outcomes).toContainEqual({ status: 'failed', reason: 'token_endpoint_rejected:invalid_grant' });
      expect(tokenCalls().sort()).toEqual([200, 400]);
      expect(await service.exchangeCode(record, code, iss)).toEqual({
        status: 'failed',
        reason: 'token_endpoint_rejected:invalid_grant',
      });
    });

    it('is refused by the server when the verifier is not the one behind the challenge', async () => {
      const { service, record, code, iss, tokenCalls } = await connectTo();
      const forged: OauthStateRecord = { ...record, codeVerifier: createCodeVerifier() };
      expect(await service.exchangeCode(forged, code, iss)).toEqual({
        status: 'failed',
        reason: 'token_endpoint_rejected:invalid_grant',
      });
      expect(tokenCalls()).toEqual([400]);
      expect(await service.isConnected(owner, 'github')).toBe(false);
    });

    it('is refused by the server when the redirect URI differs from the authorization request', async () => {
      const { service, record, code, iss } = await connectTo();
      const moved: OauthStateRecord = { ...record, redirectUri: 'http://localhost:3000/elsewhere' };
      expect(await service.exchangeCode(moved, code, iss)).toMatchObject({ status: 'failed' });
      expect(await service.isConnected(owner, 'github')).toBe(false);
    });

    it('is refused by the server with a wrong client secret', async () => {
      const { service, record, code, iss } = await connectTo({ OAUTH_GITHUB_CLIENT_SECRET: 'not-the-secret' });
      expect(await service.exchangeCode(record, code, iss)).toEqual({
        status: 'failed',
        reason: 'token_endpoint_rejected:invalid_client',
      });
    });

    it('fails without a token request when the callback carries another issuer', async () => {
      const { service, record, code, tokenCalls } = await connectTo();
      expect(await service.exchangeCode(record, code, 'https://attacker.example')).toEqual({
        status: 'failed',
        reason: 'issuer_mismatch',
      });
      expect(tokenCalls()).toEqual([]);
    });
  },
);
