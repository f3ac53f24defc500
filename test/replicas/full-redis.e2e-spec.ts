import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { describeWithRedisServer, PrivateRedisServer } from '../contracts/private-redis-server.js';
import { type AppProcess, startAppProcess, stopAllAppProcesses } from '../support/app-process.js';
import { ConversationClient } from '../support/conversation-client.js';
import { eventually, replicaEnv } from './replica-support.js';

const PREFIX = 'full:';
const headers = { 'x-user-id': 'full-user', 'x-tenant-id': 'full-tenant' };

/**
 * Issue 14, faults 3 and 6: the built service on a redis-server of the test's own that fills up
 * (`maxmemory` reached under `noeviction`) or is set to evict keys. The shared Redis is never touched.
 */
describeWithRedisServer('Service on a full or evicting Redis (private redis-server)', () => {
  let redis: PrivateRedisServer;
  let admin: Redis;
  let app: AppProcess;

  const ready = (): Promise<number> => fetch(`${app.baseUrl}/health/ready`).then((response) => response.status);
  const fill = (): Promise<unknown> => admin.config('SET', 'maxmemory', '1');
  const drain = (): Promise<unknown> => admin.config('SET', 'maxmemory', '0');

  beforeAll(async () => {
    redis = await PrivateRedisServer.start();
    admin = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    app = await startAppProcess(replicaEnv(redis.url, PREFIX));
  }, 60_000);

  afterAll(async () => {
    await drain().catch(() => undefined);
    await app?.stop();
    await stopAllAppProcesses();
    admin?.disconnect();
    await redis?.kill();
  });

  it('a full Redis: readiness 503, a new session and a turn 503 STORE_UNAVAILABLE with Retry-After, nothing changed; then it recovers', async () => {
    const client = new ConversationClient(app.baseUrl, headers);
    await client.start();
    const before = await client.session();
    await fill();
    try {
      expect(await ready()).toBe(503);
      const started = await fetch(`${app.baseUrl}/v1/sessions`, { method: 'POST', headers });
      expect(started.status).toBe(503);
      expect(started.headers.get('retry-after')).toBe('1');
      expect(await started.json()).toEqual({ statusCode: 503, code: 'STORE_UNAVAILABLE', message: expect.any(String) });

      const turn = await client.send('I want an agent that posts a summary of my unread Gmail to Slack every morning');
      // Refused before it streamed (the lease is a write), or a stream ending in STORE_UNAVAILABLE; never INTERNAL_ERROR.
      const code = turn.error?.code ?? turn.responses.find((event) => event.type === 'error')?.data?.['code'];
      expect(code).toBe('STORE_UNAVAILABLE');
    } finally {
      await drain();
    }
    await eventually('ready again', async () => (await ready()) === 200, 5000);
    expect(await client.session()).toEqual(before);
    const after = await client.send('hello');
    expect(after.status).toBe(200);
    expect(after.responses.some((event) => event.type === 'error')).toBe(false);
  });

  it('an evicting maxmemory-policy: readiness 503 while it is set', async () => {
    await admin.config('SET', 'maxmemory-policy', 'volatile-lru');
    try {
      expect(await ready()).toBe(503);
    } finally {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
    }
    expect(await ready()).toBe(200);
  });

  it('refuses to start on an evicting Redis, naming maxmemory-policy', async () => {
    const evicting = await PrivateRedisServer.start();
    const evictingAdmin = new Redis(evicting.url, { maxRetriesPerRequest: 1 });
    try {
      await evictingAdmin.config('SET', 'maxmemory-policy', 'allkeys-lru');
      const failure = await startAppProcess(replicaEnv(evicting.url, PREFIX), { timeoutMs: 15_000 }).then(
        async (started) => {
          await started.kill();
          return null;
        },
        (error: unknown) => error as Error,
      );
      expect(failure?.message).toMatch(/The app exited before answering/);
      expect(failure?.message).toContain('maxmemory-policy is "allkeys-lru"');
      expect(failure?.message).toContain('noeviction');
    } finally {
      evictingAdmin.disconnect();
      await evicting.kill();
    }
  });
});
