import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { RedisKeys } from '../../src/redis/keyspace.js';
import { describeWithRedisServer, PrivateRedisServer } from '../contracts/private-redis-server.js';
import { SHUTDOWN_FRAME } from '../../src/conversation/events.controller.js';
import { ConversationClient } from '../support/conversation-client.js';
import { startGated } from '../support/gated-interpreter.js';
import type { TestingApp } from '../support/testing-app.js';

const keys = new RedisKeys('cut:');

const GMAIL_TO_SLACK =
  'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel';

describe('graceful shutdown', () => {
  let harness: TestingApp | undefined;
  afterEach(async () => {
    await harness?.close().catch(() => undefined);
    harness = undefined;
  });

  it('refuses new turns with 503 SHUTTING_DOWN, ends event streams (still serving late ones), and lets the turn in flight finish', async () => {
    const started = await startGated();
    harness = started.harness;
    const { baseUrl } = harness;
    const busy = new ConversationClient(baseUrl, { 'x-user-id': 'sam' });
    await busy.start();
    const idle = new ConversationClient(baseUrl, { 'x-user-id': 'tina' });
    await idle.start();

    const events = await fetch(`${baseUrl}/v1/sessions/${idle.sessionId}/events`, { headers: idle.headers });
    expect(events.status).toBe(200);
    const streamText = events.text();

    const inFlight = busy.send(GMAIL_TO_SLACK);
    await started.gated.entered;

    const closing = harness.close();
    harness = undefined;
    await new Promise((resolve) => setTimeout(resolve, 50));

    const refused = await fetch(`${baseUrl}/v1/sessions/${idle.sessionId}/messages`, {
      method: 'POST',
      headers: { ...idle.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'hello' }),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({ statusCode: 503, code: 'SHUTTING_DOWN', message: expect.any(String) });

    // Issue 14, fault 7: a draining replica still serves /events (an EventSource gives up for good on a
    // non-200 answer); the stream ends with the same last frame when the drain is over.
    const lateStream = await fetch(`${baseUrl}/v1/sessions/${idle.sessionId}/events`, { headers: idle.headers });
    expect(lateStream.status).toBe(200);
    const lateText = lateStream.text();

    // The open stream got its last frame and ended.
    const text = await streamText;
    expect(text).toContain(': connected');
    expect(text.endsWith('retry: 1000\n: server shutting down, reconnect with Last-Event-ID\n\n')).toBe(true);

    started.gated.open();
    const result = await inFlight;
    expect(result.status).toBe(200);
    expect(result.responses.at(-1)).toMatchObject({ type: 'done', phase: 'OAUTH_FLOW' });
    expect(result.responses.some((event) => event.type === 'error')).toBe(false);
    await closing;
    expect((await lateText).endsWith(SHUTDOWN_FRAME)).toBe(true);
  });

  it('waits at most SHUTDOWN_GRACE_MS for a turn; the cut turn saves nothing', async () => {
    const started = await startGated({ SHUTDOWN_GRACE_MS: '300' });
    harness = started.harness;
    const client = new ConversationClient(harness.baseUrl, { 'x-user-id': 'uma' });
    await client.start();
    const store = harness.store;
    const inFlight = client.send(GMAIL_TO_SLACK).catch((error: unknown) => error);
    await started.gated.entered;
    const before = Date.now();
    await harness.close();
    harness = undefined;
    const took = Date.now() - before;
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(3_000);
    await inFlight;
    expect((await store.get(client.sessionId))?.version).toBe(0);
  });

  it('closes at once when nothing is running', async () => {
    const started = await startGated();
    harness = started.harness;
    const before = Date.now();
    await harness.close();
    harness = undefined;
    expect(Date.now() - before).toBeLessThan(1_000);
  });
});

/**
 * Issue 14, fault 2: a turn cut at the end of the grace kept its lease on Redis (every replica answered
 * 409 TURN_IN_PROGRESS for the rest of TURN_LEASE_MS): Redis closed before the release got through.
 */
describeWithRedisServer('graceful shutdown on Redis (private redis-server)', () => {
  let redis: PrivateRedisServer;
  let admin: Redis;
  beforeAll(async () => {
    redis = await PrivateRedisServer.start();
    admin = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    admin?.disconnect();
    await redis?.kill();
  });

  it('a turn cut at the end of the grace gives back its lease and commits nothing', async () => {
    const { harness, gated } = await startGated({ SESSION_STORE: 'redis', REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'cut:', SHUTDOWN_GRACE_MS: '300', TURN_LEASE_MS: '60000' });
    const client = new ConversationClient(harness.baseUrl, { 'x-user-id': 'vic' });
    await client.start();
    const inFlight = client.send(GMAIL_TO_SLACK).catch((error: unknown) => error);
    await gated.entered;
    expect(await admin.pttl(keys.lease(client.sessionId))).toBeGreaterThan(0);
    await harness.close();
    await inFlight;
    // The gate never opened: the turn was cut, released its lease, and saved nothing.
    expect(await admin.exists(keys.lease(client.sessionId))).toBe(0);
    expect(await admin.hget(keys.session(client.sessionId), 'v')).toBe('0');
  });
});
