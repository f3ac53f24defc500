import { describe, expect, it } from '@jest/globals';
import { AppConfig } from '../config/app-config.js';
import { ConversationMetrics } from '../metrics/conversation-metrics.js';
import { MetricsRegistry } from '../metrics/metrics-registry.js';
import { isExemptFromRateLimit } from './ip-rate-limit.js';
import { RateLimits } from './rate-limits.js';

function limits(env: Record<string, string>): RateLimits {
  return new RateLimits(new AppConfig({ NODE_ENV: 'test', ...env }), new ConversationMetrics(new MetricsRegistry()));
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
  it('refuses past the limit with RATE_LIMITED and the seconds to wait, per address', async () => {
    const rl = limits({ RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '5' });
    const first = await passes(() => rl.consumeRequest('10.0.0.1'), 10);
    expect(first.passed).toBe(5);
    expect(first.refusal).toMatchObject({ code: 'RATE_LIMITED', status: 429, details: { retryAfterSeconds: expect.any(Number) } });
    const wait = (first.refusal as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds;
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect((await passes(() => rl.consumeRequest('10.0.0.2'), 10)).passed).toBe(5);
  });

  it('counts in memory even with the Redis store (per replica: no Redis call per request)', async () => {
    const rl = limits({ SESSION_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '2' });
    expect((await passes(() => rl.consumeRequest('10.0.0.1'), 5)).passed).toBe(2);
  });

  it('turns the per-IP limit off with 0', async () => {
    const rl = limits({ RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '0' });
    expect((await passes(() => rl.consumeRequest('10.0.0.1'), 2000)).passed).toBe(2000);
  });

  it('exempts probes and scrapes', () => {
    for (const path of ['/health', '/health/live', '/health/ready', '/metrics']) expect(isExemptFromRateLimit(path)).toBe(true);
    for (const path of ['/', '/v1/sessions', '/healthz', '/metrics/x', '/docs']) expect(isExemptFromRateLimit(path)).toBe(false);
  });
});
