import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { deleteKeysUnder, describeWithRedis, testKeyPrefix } from '../../test/contracts/redis-test-env.js';
import { AppConfig } from '../config/app-config.js';
import { ConversationMetrics } from '../metrics/conversation-metrics.js';
import { MetricsRegistry } from '../metrics/metrics-registry.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { isExemptFromRateLimit } from './ip-rate-limit.js';
import { RateLimits } from './rate-limits.js';

const owner = { userId: 'u1', tenantId: 't1' };

function limits(env: Record<string, string>): { limits: RateLimits; connections: RedisConnections } {
  const config = new AppConfig({ NODE_ENV: 'test', ...env });
  const connections = new RedisConnections(config);
  return { limits: new RateLimits(config, connections, new ConversationMetrics(new MetricsRegistry())), connections };
}

/** How many of `attempts` calls pass before the first refusal, and that refusal. */
async function passes(consume: () => Promise<void>, attempts: number): Promise<{ passed: number; refusal: unknown }> {
  for (let passed = 0; passed < attempts; passed++) {
    try {
      await consume();
    } catch (refusal) {
      return { passed, refusal };
    }
  }
  return { passed: attempts, refusal: undefined };
}

describe(RateLimits.name, () => {
  it('refuses past the limit with RATE_LIMITED and the seconds to wait, per key', async () => {
    const { limits: rl } = limits({ RATE_LIMIT_TURNS_PER_MINUTE: '3', RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '5' });
    const turns = await passes(() => rl.consumeTurn(owner), 10);
    expect(turns.passed).toBe(3);
    expect(turns.refusal).toMatchObject({ code: 'RATE_LIMITED', status: 429, details: { retryAfterSeconds: expect.any(Number) } });
    const wait = (turns.refusal as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds;
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    // Another user, and the same user id in another tenant, have their own budgets.
    expect((await passes(() => rl.consumeTurn({ ...owner, userId: 'u2' }), 10)).passed).toBe(3);
    expect((await passes(() => rl.consumeTurn({ ...owner, tenantId: 't2' }), 10)).passed).toBe(3);
    expect((await passes(() => rl.consumeRequest('10.0.0.1'), 10)).passed).toBe(5);
    expect((await passes(() => rl.consumeRequest('10.0.0.2'), 10)).passed).toBe(5);
  });

  it('turns the per-IP limit off with 0', async () => {
    const { limits: rl } = limits({ RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '0' });
    expect((await passes(() => rl.consumeRequest('10.0.0.1'), 2000)).passed).toBe(2000);
  });

  it('exempts probes and scrapes', () => {
    for (const path of ['/health', '/health/live', '/health/ready', '/metrics']) expect(isExemptFromRateLimit(path)).toBe(true);
    for (const path of ['/', '/v1/sessions', '/healthz', '/metrics/x', '/docs']) expect(isExemptFromRateLimit(path)).toBe(false);
  });

  it('falls back to in-memory counters while Redis is unreachable', async () => {
    const { limits: rl, connections } = limits({ SESSION_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_TURNS_PER_MINUTE: '2' });
    try {
      const turns = await passes(() => rl.consumeTurn(owner), 5);
      expect(turns.passed).toBe(2);
      expect(turns.refusal).toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      await connections.onApplicationShutdown();
    }
  });
});

describeWithRedis(`${RateLimits.name} on Redis`, (url) => {
  const prefix = testKeyPrefix();
  afterAll(async () => {
    const redis = new Redis(url);
    await deleteKeysUnder(redis, prefix);
    redis.disconnect();
  });

  it('shares the budget between replicas', async () => {
    const env = { SESSION_STORE: 'redis', REDIS_URL: url, REDIS_KEY_PREFIX: prefix, RATE_LIMIT_TURNS_PER_MINUTE: '4' };
    const a = limits(env);
    const b = limits(env);
    try {
      await a.limits.consumeTurn(owner);
      await b.limits.consumeTurn(owner);
      await a.limits.consumeTurn(owner);
      await b.limits.consumeTurn(owner);
      await expect(a.limits.consumeTurn(owner)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      await expect(b.limits.consumeTurn(owner)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      await a.connections.onApplicationShutdown();
      await b.connections.onApplicationShutdown();
    }
  });
});
