import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { RedisKeys } from '../../src/redis/keyspace.js';
import { CredentialStore } from '../../src/oauth/credential-store.js';
import { describeWithRedisServer, PrivateRedisServer } from '../contracts/private-redis-server.js';
import { ConversationClient, pick } from '../support/conversation-client.js';
import { GatedTokenEndpoint } from '../support/gated-token-endpoint.js';
import { startTestingApp, type TestingApp } from '../support/testing-app.js';

const keys = new RedisKeys('cb:');

const GMAIL_TO_SLACK =
  'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel';

/** A session in OAUTH_FLOW and its Gmail callback URL (as the provider would redirect, with a code). */
async function inOauthFlow(app: TestingApp, userId: string): Promise<{ client: ConversationClient; url: string; state: string }> {
  const client = new ConversationClient(app.baseUrl, { 'x-user-id': userId });
  await client.start();
  const first = await client.send(GMAIL_TO_SLACK);
  const state = new URL(pick(first, 'oauth_required').oauthUrl!).searchParams.get('state')!;
  return { client, url: `${app.baseUrl}/v1/oauth/callback?state=${encodeURIComponent(state)}&code=code-${userId}`, state };
}

/**
 * Issue 14: an OAuth callback whose token exchange is in flight, racing a skip (fault 5), a SIGTERM
 * (fault 1) or a full Redis (fault 3). Google is an outside provider whose token endpoint holds its
 * answer until the test opens it.
 */
describe('OAuth callbacks under faults', () => {
  const token = new GatedTokenEndpoint();
  let harness: TestingApp | undefined;

  beforeAll(async () => {
    await token.start();
  });
  afterEach(async () => {
    token.shut();
    await harness?.close();
    harness = undefined;
  });
  afterAll(async () => {
    await token.stop();
  });

  const follow = (url: string): Promise<{ status: number; location: string | null; text: string; retryAfter: string | null }> =>
    fetch(url, { redirect: 'manual' }).then(async (response) => ({
      status: response.status,
      location: response.headers.get('location'),
      text: await response.text(),
      retryAfter: response.headers.get('retry-after'),
    }));

  it('a skip racing a callback: exactly one wins, and the page, the session, the credential and the events agree (fault 5)', async () => {
    harness = await startTestingApp(token.googleEnv());
    const { client, url } = await inOauthFlow(harness, 'racer');
    const arrived = token.nextRequest();
    const callback = follow(url);
    await arrived;
    const skip = await client.send({ action: 'skip' });
    token.open();
    const page = await callback;

    const session = await client.session();
    const gmail = session.context.integrations.find((integration) => integration.id === 'gmail')!;
    const credential = await harness.app.get<CredentialStore>(CredentialStore).has({ tenantId: 'demo-tenant', userId: 'racer', provider: 'google' });
    const log = await harness.store.readEvents(client.sessionId, 0, 1000);
    const results = log.filter((event) => event.type === 'oauth_result' && event.data?.['integration'] === 'gmail').map((event) => event.data?.['status']);
    const skipWon = skip.status === 200 && !skip.responses.some((event) => event.type === 'error');
    if (skipWon) {
      expect({ page: page.status, gmail: gmail.status, credential }).toEqual({ page: 400, gmail: 'skipped', credential: false });
    } else {
      // The callback held the session: the skip was refused before it ran.
      expect(skip.error?.code).toBe('TURN_IN_PROGRESS');
      expect(page.location).toContain('connected=gmail%3Aconnected');
      expect({ gmail: gmail.status, credential, results }).toEqual({ gmail: 'connected', credential: true, results: ['connected'] });
    }
  });

  it('SIGTERM during a token exchange: the callback finishes within the grace (fault 1)', async () => {
    harness = await startTestingApp({ ...token.googleEnv(), SHUTDOWN_GRACE_MS: '5000' });
    const { client, url } = await inOauthFlow(harness, 'patient');
    const store = harness.store;
    const arrived = token.nextRequest();
    const callback = follow(url);
    await arrived;
    const closing = harness.close();
    harness = undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
    // A new callback is refused while draining, spending nothing.
    const refused = await follow(url.replace(/code=[^&]+/, 'code=late'));
    expect({ status: refused.status, retryAfter: refused.retryAfter }).toEqual({ status: 503, retryAfter: '1' });
    token.open();
    const page = await callback;
    await closing;
    expect(page.status).toBe(303);
    expect(page.location).toContain('connected=gmail%3Aconnected');
    const session = await store.get(client.sessionId);
    expect(session?.context.integrations.find((integration) => integration.id === 'gmail')?.status).toBe('connected');
  });
});

describeWithRedisServer('OAuth callbacks on a failing Redis (private redis-server)', () => {
  const token = new GatedTokenEndpoint();
  let redis: PrivateRedisServer;
  let admin: Redis;
  const apps: TestingApp[] = [];
  const startApp = async (extra: Record<string, string> = {}): Promise<TestingApp> => {
    const app = await startTestingApp({ ...token.googleEnv(), SESSION_STORE: 'redis', REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'cb:', ...extra });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    await token.start();
    redis = await PrivateRedisServer.start();
    admin = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  });
  afterEach(async () => {
    token.shut();
    await admin.config('SET', 'maxmemory', '0');
    await Promise.all(apps.splice(0).map((app) => app.close().catch(() => undefined)));
  });
  afterAll(async () => {
    admin?.disconnect();
    await redis?.kill();
    await token.stop();
  });

  it('a full Redis: the callback is a 503 page with Retry-After, the state is not spent, and the same link works once memory returns (fault 3)', async () => {
    const app = await startApp();
    const { client, url, state } = await inOauthFlow(app, 'full');
    token.open();
    await admin.config('SET', 'maxmemory', '1');
    const failed = await fetch(url, { redirect: 'manual' });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('1');
    await admin.config('SET', 'maxmemory', '0');
    expect(await admin.exists(keys.oauthState(state))).toBe(1);
    const again = await fetch(url, { redirect: 'manual' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toContain('connected=gmail%3Aconnected');
    expect((await client.session()).context.integrations.find((integration) => integration.id === 'gmail')?.status).toBe('connected');
    expect(await admin.exists(keys.oauthState(state))).toBe(0);
  });

  it('SIGTERM with a token exchange still running at the end of the grace: cut, nothing spent, the link works on the next replica (fault 1)', async () => {
    const first = await startApp({ SHUTDOWN_GRACE_MS: '300' });
    const { client, url, state } = await inOauthFlow(first, 'cut');
    const arrived = token.nextRequest();
    const callback = fetch(url, { redirect: 'manual' }).then((response) => response.status, () => 0);
    await arrived;
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    expect(await callback).toBe(503);
    expect(await admin.exists(keys.oauthState(state))).toBe(1);
    expect(await admin.exists(keys.lease(client.sessionId))).toBe(0);

    const next = await startApp();
    token.open();
    const retried = await fetch(url.replace(first.baseUrl, next.baseUrl), { redirect: 'manual' });
    expect(retried.status).toBe(303);
    expect(retried.headers.get('location')).toContain('connected=gmail%3Aconnected');
  });
});
