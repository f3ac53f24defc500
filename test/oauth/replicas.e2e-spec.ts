import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, untilReady } from '../../src/redis/redis-client.js';
import { RedisCredentialStore } from '../../src/oauth/redis-credential-store.js';
import { deleteKeysUnder, describeWithRedis, keysUnder, testKeyPrefix } from '../contracts/redis-test-env.js';
import { type OidcTestServer, startOidcServer } from '../support/oidc-server.js';
import {
  ChatUser,
  all,
  expectNoLeak,
  freeLoopbackPort,
  GMAIL_ONLY,
  LogCapture,
  type OauthApp,
  phaseChanges,
  pick,
  providerEnv,
  startOauthApp,
  Witness,
} from './oauth-harness.js';

const GOOGLE = { clientId: 'agent-builder-google', clientSecret: `google-client-secret-${randomBytes(8).toString('hex')}`, clientAuth: 'client_secret_post' } as const;

/**
 * Two replicas over one Redis (sessions, OAuth states, callback receipts and credentials shared): the
 * same callback reaching both at once is exchanged once and resumes the conversation once, and a
 * connection made through one replica is known to the other.
 */
describeWithRedis('OAuth across two replicas (Redis)', (redisUrl) => {
  const logs = new LogCapture();
  const witness = new Witness();
  const sessions: string[] = [];
  const keyPrefix = testKeyPrefix();
  let redis: Redis;
  let google: OidcTestServer;
  let replicaA: OauthApp;
  let replicaB: OauthApp;

  beforeAll(async () => {
    logs.start();
    redis = createRedisClient(redisUrl, { role: 'command', connectionName: 'oauth-replicas-spec' });
    await untilReady(redis, 5000);
    const [portA, portB] = [await freeLoopbackPort(), await freeLoopbackPort()];
    const redirectUri = `http://127.0.0.1:${portA}/v1/oauth/callback`;
    google = await startOidcServer({ ...GOOGLE, redirectUri, tokenEndpointAuthMethod: GOOGLE.clientAuth });
    const env = {
      SESSION_STORE: 'redis',
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: keyPrefix,
      CREDENTIALS_KEY: randomBytes(32).toString('hex'),
      // Both replicas register the one redirect URI the provider knows.
      OAUTH_REDIRECT_URL: redirectUri,
      ...providerEnv('google', google, GOOGLE),
    };
    replicaA = await startOauthApp(portA, env, logs);
    replicaB = await startOauthApp(portB, env, logs);
  });

  afterAll(async () => {
    try {
      await expectNoLeak([...google.issuedTokens(), GOOGLE.clientSecret], { witness, logs, store: replicaA.store, sessionIds: sessions });
      // Nothing under the prefix holds a token in the clear either.
      const values = await Promise.all((await keysUnder(redis, keyPrefix)).map(async (key) => (await redis.type(key)) === 'string' ? redis.get(key) : ''));
      for (const token of google.issuedTokens()) expect(values.join('\n')).not.toContain(token);
    } finally {
      logs.stop();
      await replicaA?.close();
      await replicaB?.close();
      await google?.close();
      await deleteKeysUnder(redis, keyPrefix);
      await closeRedisClient(redis);
    }
  });

  it('exchanges once and resumes once when the same callback reaches both replicas at once', async () => {
    const alice = new ChatUser(witness, replicaA.baseUrl, 'alice');
    sessions.push(await alice.start());
    const first = await alice.send(GMAIL_ONLY);
    const redirect = await google.authorize(pick(first, 'oauth_required').oauthUrl!, 'alice');
    const before = google.tokenRequests().length;

    const urls = [replicaA, replicaB, replicaA, replicaB].map((replica) => `${replica.baseUrl}/v1/oauth/callback${redirect.search}`);
    const answers = await Promise.all(urls.map((url) => witness.fetch(url)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 400, 400, 400]);
    expect(google.tokenRequests().slice(before)).toEqual([expect.objectContaining({ status: 200, codeVerifier: true })]);

    const view = await alice.view();
    expect(view.phase).toBe('REQUIREMENTS');
    expect(view.history.filter((entry) => entry.from === 'OAUTH_FLOW')).toHaveLength(1);
    const pushed = await alice.events(replicaA.store, first.at(-1)!.seq);
    expect(all(pushed, 'oauth_result').map((event) => event.data?.['status'])).toEqual(['connected']);

    // Stored once, sealed, in Redis: both replicas open it.
    const key = { tenantId: 'acme', userId: 'alice', provider: 'google' };
    expect(replicaB.credentials).toBeInstanceOf(RedisCredentialStore);
    expect(await replicaB.credentials.get(key)).toEqual(await replicaA.credentials.get(key));
  });

  it('knows on one replica what was connected through the other', async () => {
    const alice = new ChatUser(witness, replicaB.baseUrl, 'alice');
    sessions.push(await alice.start());
    const turn = await alice.send(GMAIL_ONLY);
    expect(phaseChanges(turn)).toEqual(['IDLE→DISCOVERY', 'DISCOVERY→REQUIREMENTS']);
    expect(all(turn, 'oauth_required')).toEqual([]);
  });
});
