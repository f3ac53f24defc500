import { beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/errors.js';
import { INTEGRATION_CATALOG } from './integration-catalog.js';
import { DEV_OAUTH_CLIENT_ID } from './dev-oauth-server.js';
import { OauthProviderRegistry, splitScopes } from './oauth-provider.registry.js';

const PRODUCTION = { NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-jwt-secret-of-at-least-32-characters', CREDENTIALS_KEY: 'k'.repeat(64) };
const registry = (env: Record<string, string>) => new OauthProviderRegistry(new AppConfig(env));

describe(OauthProviderRegistry.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('uses the real endpoints and Google issuer and offline parameters by default', () => {
    const google = registry({ OAUTH_GOOGLE_CLIENT_ID: 'gid', OAUTH_GOOGLE_CLIENT_SECRET: 'gsecret' }).get('google');
    expect(google).toMatchObject({
      kind: 'configured',
      clientId: 'gid',
      clientAuth: 'client_secret_post',
      authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      issuer: 'https://accounts.google.com',
      authorizeParams: { access_type: 'offline', prompt: 'consent' },
    });
    expect(google.scopes).toBeUndefined();
  });

  it.each([
    ['slack', 'https://slack.com/oauth/v2/authorize', 'https://slack.com/api/oauth.v2.access'],
    [
      'microsoft',
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
      'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    ],
    ['github', 'https://github.com/login/oauth/authorize', 'https://github.com/login/oauth/access_token'],
    ['notion', 'https://api.notion.com/v1/oauth/authorize', 'https://api.notion.com/v1/oauth/token'],
    ['atlassian', 'https://auth.atlassian.com/authorize', 'https://auth.atlassian.com/oauth/token'],
    ['hubspot', 'https://app.hubspot.com/oauth/authorize', 'https://api.hubapi.com/oauth/v1/token'],
    [
      'salesforce',
      'https://login.salesforce.com/services/oauth2/authorize',
      'https://login.salesforce.com/services/oauth2/token',
    ],
  ])('knows the endpoints of %s', (id, authorizeUrl, tokenUrl) => {
    const upper = id.toUpperCase();
    const provider = registry({ [`OAUTH_${upper}_CLIENT_ID`]: 'id', [`OAUTH_${upper}_CLIENT_SECRET`]: 'secret' }).get(id);
    expect(provider).toMatchObject({ kind: 'configured', authorizeUrl, tokenUrl });
  });

  it('authenticates Notion with HTTP Basic and asks Atlassian for its API audience', () => {
    const providers = registry({
      OAUTH_NOTION_CLIENT_ID: 'n',
      OAUTH_NOTION_CLIENT_SECRET: 's',
      OAUTH_ATLASSIAN_CLIENT_ID: 'a',
      OAUTH_ATLASSIAN_CLIENT_SECRET: 's',
    });
    expect(providers.get('notion').clientAuth).toBe('client_secret_basic');
    expect(providers.get('atlassian').authorizeParams).toMatchObject({ audience: 'api.atlassian.com' });
  });

  it('lets every field be overridden from the environment', () => {
    const provider = registry({
      OAUTH_GOOGLE_CLIENT_ID: 'gid',
      OAUTH_GOOGLE_CLIENT_SECRET: 'gsecret',
      OAUTH_GOOGLE_AUTHORIZE_URL: 'https://idp.example/authorize?tenant=1',
      OAUTH_GOOGLE_TOKEN_URL: 'https://idp.example/token',
      OAUTH_GOOGLE_SCOPES: 'openid, email  profile',
      OAUTH_GOOGLE_CLIENT_AUTH: 'client_secret_basic',
      OAUTH_GOOGLE_ISSUER: 'https://idp.example',
    }).get('google');
    expect(provider).toMatchObject({
      authorizeUrl: 'https://idp.example/authorize?tenant=1',
      tokenUrl: 'https://idp.example/token',
      scopes: ['openid', 'email', 'profile'],
      clientAuth: 'client_secret_basic',
      issuer: 'https://idp.example',
    });
  });

  it('treats a client without a secret as a public client', () => {
    expect(registry({ OAUTH_GITHUB_CLIENT_ID: 'gh' }).get('github').clientAuth).toBe('none');
  });

  it('configures a provider it has no defaults for from its URLs', () => {
    const provider = registry({
      OAUTH_ZENDESK_CLIENT_ID: 'z',
      OAUTH_ZENDESK_CLIENT_SECRET: 's',
      OAUTH_ZENDESK_AUTHORIZE_URL: 'https://acme.zendesk.com/oauth/authorizations/new',
      OAUTH_ZENDESK_TOKEN_URL: 'https://acme.zendesk.com/oauth/tokens',
    }).get('zendesk');
    expect(provider).toMatchObject({ kind: 'configured', tokenUrl: 'https://acme.zendesk.com/oauth/tokens' });
  });

  it.each([
    [{ OAUTH_ZENDESK_CLIENT_ID: 'z' }, 'OAUTH_ZENDESK_AUTHORIZE_URL: is required'],
    [
      { OAUTH_ZENDESK_CLIENT_ID: 'z', OAUTH_ZENDESK_AUTHORIZE_URL: 'https://z.example/a' },
      'OAUTH_ZENDESK_TOKEN_URL: is required',
    ],
    [
      { OAUTH_SLACK_CLIENT_ID: 's', OAUTH_SLACK_CLIENT_SECRET: 'x', OAUTH_SLACK_CLIENT_AUTH: 'private_key_jwt' },
      'OAUTH_SLACK_CLIENT_AUTH: must be one of',
    ],
    [{ OAUTH_SLACK_CLIENT_ID: 's', OAUTH_SLACK_CLIENT_AUTH: 'client_secret_basic' }, 'OAUTH_SLACK_CLIENT_SECRET: is required'],
    [{ OAUTH_SLACK_CLIENT_SECRET: 'x' }, 'OAUTH_SLACK_CLIENT_ID: is required when OAUTH_SLACK_CLIENT_SECRET is set'],
    [{ OAUTH_SLACK_CLIENT_ID: 's', OAUTH_SLACK_TOKEN_URL: 'not a url' }, 'OAUTH_SLACK_TOKEN_URL: must be an absolute URL'],
    [
      { OAUTH_SLACK_CLIENT_ID: 's', OAUTH_SLACK_TOKEN_URL: 'ftp://slack.example/token' },
      'OAUTH_SLACK_TOKEN_URL: must be an http(s) URL',
    ],
    [
      { ...PRODUCTION, OAUTH_SLACK_CLIENT_ID: 's', OAUTH_SLACK_TOKEN_URL: 'http://slack.example/token' },
      'OAUTH_SLACK_TOKEN_URL: must use https in production',
    ],
  ])('refuses an invalid configuration, naming the variable (%#)', (env, message) => {
    expect(() => registry(env)).toThrow(message);
  });

  it('accepts a loopback http endpoint in production (a sidecar or a test peer)', () => {
    const provider = registry({
      ...PRODUCTION,
      OAUTH_SLACK_CLIENT_ID: 's',
      OAUTH_SLACK_TOKEN_URL: 'http://127.0.0.1:8080/token',
    }).get('slack');
    expect(provider.tokenUrl).toBe('http://127.0.0.1:8080/token');
  });

  it('serves every unconfigured provider of the catalog with the development provider outside production', () => {
    const providers = registry({ PUBLIC_URL: 'http://localhost:4000', OAUTH_SLACK_SCOPES: 'chat:write' });
    for (const { provider: id } of INTEGRATION_CATALOG) {
      expect(providers.isAvailable(id)).toBe(true);
      expect(providers.get(id)).toMatchObject({
        kind: 'development',
        clientId: DEV_OAUTH_CLIENT_ID,
        clientAuth: 'none',
        authorizeUrl: 'http://localhost:4000/dev/oauth/authorize',
        issuer: 'http://localhost:4000/dev/oauth',
      });
    }
    expect(providers.get('slack').scopes).toEqual(['chat:write']);
    expect(providers.configuredIds()).toEqual([]);
  });

  it('refuses an unconfigured provider in production, and keeps the configured ones', () => {
    const providers = registry({ ...PRODUCTION, OAUTH_GOOGLE_CLIENT_ID: 'gid', OAUTH_GOOGLE_CLIENT_SECRET: 'gsecret' });
    expect(providers.isAvailable('google')).toBe(true);
    expect(providers.isAvailable('slack')).toBe(false);
    expect(providers.find('slack')).toBeUndefined();
    let error: unknown;
    try {
      providers.get('slack');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'PROVIDER_NOT_CONFIGURED', provider: 'slack' } });
  });

  it('knows the catalog providers and the configured ones', () => {
    const ids = registry({
      OAUTH_ACME_CLIENT_ID: 'a',
      OAUTH_ACME_AUTHORIZE_URL: 'https://a.example/a',
      OAUTH_ACME_TOKEN_URL: 'https://a.example/t',
    }).knownIds();
    expect(ids).toEqual(expect.arrayContaining(['google', 'slack', 'trello', 'acme']));
  });
});

describe(splitScopes.name, () => {
  it('splits on commas and whitespace', () => {
    expect(splitScopes(' a,b  c,\td ,')).toEqual(['a', 'b', 'c', 'd']);
  });
});
