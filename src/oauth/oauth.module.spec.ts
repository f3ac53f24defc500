import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { describeWithRedis, testKeyPrefix } from '../../test/contracts/redis-test-env.js';
import { CallbackReceipts, InMemoryCallbackReceipts } from './callback-receipts.js';
import { CredentialStore } from './credential-store.js';
import { DevOauthModule } from './dev-oauth.module.js';
import { InMemoryCredentialStore } from './in-memory-credential-store.js';
import { OauthModule } from './oauth.module.js';
import { OauthProviderRegistry } from './oauth-provider.registry.js';
import { OauthService } from './oauth.service.js';
import { RedisCallbackReceipts } from './redis-callback-receipts.js';
import { RedisCredentialStore } from './redis-credential-store.js';
import { oauthCoreFixture } from './testing/oauth-core.fixture.js';

const ENV = { NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000' };

describe(OauthModule.name, () => {
  it('provides the service, the registry and the in-memory credential store over the core providers', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [oauthCoreFixture(ENV), OauthModule] }).compile();
    expect(moduleRef.get(OauthService)).toBeInstanceOf(OauthService);
    expect(moduleRef.get(OauthProviderRegistry)).toBeInstanceOf(OauthProviderRegistry);
    expect(moduleRef.get(CredentialStore)).toBeInstanceOf(InMemoryCredentialStore);
    expect(moduleRef.get(CallbackReceipts)).toBeInstanceOf(InMemoryCallbackReceipts);
  });

  it('fails at start on invalid OAuth configuration, naming the variable', async () => {
    const compiling = Test.createTestingModule({
      imports: [oauthCoreFixture({ ...ENV, OAUTH_TRELLO_CLIENT_ID: 't' }), OauthModule],
    }).compile();
    await expect(compiling).rejects.toThrow('OAUTH_TRELLO_AUTHORIZE_URL');
  });

  it('connects through the development provider like a browser would: consent page, Allow, callback, exchange', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [oauthCoreFixture(ENV), OauthModule, DevOauthModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false, forceCloseConnections: true });
    await app.listen(0, '127.0.0.1');
    try {
      const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      const service = app.get(OauthService);
      const owner = { tenantId: 't', userId: 'u' };
      const start = await service.startAuthorization({ sessionId: 's', owner, integration: 'slack' });
      // PUBLIC_URL names where browsers reach the service; this test reaches it on its loopback port.
      const pageUrl = start.authorizationUrl.replace('http://localhost:3000', origin);

      const page = await (await fetch(pageUrl)).text();
      expect(page).toContain('Connect Slack to Agent Builder?');
      const fields = new URLSearchParams();
      for (const [, name, value] of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
        fields.set(name!, value!.replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
      }
      fields.set('decision', 'allow');
      const decision = await fetch(new URL('decision', pageUrl), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: fields.toString(),
      });
      expect(decision.status).toBe(303);

      const callback = new URL(decision.headers.get('location')!);
      expect(`${callback.origin}${callback.pathname}`).toBe('http://localhost:3000/v1/oauth/callback');
      const record = await service.takeState(callback.searchParams.get('state')!);
      expect(record).not.toBeNull();
      const outcome = await service.exchangeCode(record!, callback.searchParams.get('code')!, callback.searchParams.get('iss')!);
      expect(outcome).toEqual({ status: 'connected' });
      expect(await service.isConnected(owner, 'slack')).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describeWithRedis(`${OauthModule.name} with SESSION_STORE=redis`, (url) => {
  it('keeps credentials and callback receipts in Redis, and closes the connection at shutdown', async () => {
    const env = { ...ENV, SESSION_STORE: 'redis', REDIS_URL: url, REDIS_KEY_PREFIX: testKeyPrefix(), CREDENTIALS_KEY: 'c'.repeat(64) };
    const moduleRef = await Test.createTestingModule({ imports: [oauthCoreFixture(env), OauthModule] }).compile();
    try {
      const credentials = moduleRef.get<CredentialStore>(CredentialStore);
      expect(credentials).toBeInstanceOf(RedisCredentialStore);
      expect(moduleRef.get(CallbackReceipts)).toBeInstanceOf(RedisCallbackReceipts);
      const key = { tenantId: 't', userId: 'u', provider: 'slack' };
      await credentials.put(key, { accessToken: 'a', tokenType: 'Bearer', obtainedAt: 1 });
      expect(await credentials.has(key)).toBe(true);
      await credentials.delete(key);
    } finally {
      await moduleRef.close();
    }
  });
});
