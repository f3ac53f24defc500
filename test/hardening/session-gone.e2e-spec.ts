import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { describeWithRedisServer, PrivateRedisServer } from '../contracts/private-redis-server.js';
import { ConversationClient } from '../support/conversation-client.js';
import { startGated } from '../support/gated-interpreter.js';
import type { TestingApp } from '../support/testing-app.js';

/** The code a turn failed with: its refusal's, or its stream's `error` event's. */
const failureOf = (result: Awaited<ReturnType<ConversationClient['send']>>): string | undefined =>
  result.error?.code ?? (result.responses.find((event) => event.type === 'error')?.data?.['code'] as string | undefined);

/**
 * Issue 14, extra: a turn whose session is deleted while it runs (DELETE here or on another replica,
 * FLUSHALL) answered a retryable `VERSION_CONFLICT` (or `TURN_STOPPED`) for a session that no longer
 * exists. It answers `SESSION_NOT_FOUND`: retrying cannot help.
 */
describe('a turn racing the deletion of its session', () => {
  let harness: TestingApp | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('deleted behind its back (another replica, FLUSHALL): SESSION_NOT_FOUND, not VERSION_CONFLICT', async () => {
    const started = await startGated();
    harness = started.harness;
    const client = new ConversationClient(harness.baseUrl, { 'x-user-id': 'gone-1' });
    await client.start();
    const turn = client.send('hello there');
    await started.gated.entered;
    // Straight in the store: no stop reaches the turn, its commit meets a missing session.
    await harness.store.delete(client.sessionId);
    started.gated.open();
    const result = await turn;
    expect(failureOf(result)).toBe('SESSION_NOT_FOUND');
    expect(await harness.store.get(client.sessionId)).toBeNull();
  });

  it('deleted with DELETE while it runs: SESSION_NOT_FOUND, not TURN_STOPPED', async () => {
    const started = await startGated();
    harness = started.harness;
    const client = new ConversationClient(harness.baseUrl, { 'x-user-id': 'gone-2' });
    await client.start();
    const turn = client.send('hello there');
    await started.gated.entered;
    const deleted = await fetch(`${harness.baseUrl}/v1/sessions/${client.sessionId}`, { method: 'DELETE', headers: client.headers });
    expect(deleted.status).toBe(204);
    const result = await turn;
    expect(failureOf(result)).toBe('SESSION_NOT_FOUND');
  });
});

describeWithRedisServer('a turn racing FLUSHALL (private redis-server)', () => {
  let redis: PrivateRedisServer;
  let admin: Redis;
  let harness: TestingApp | undefined;
  beforeAll(async () => {
    redis = await PrivateRedisServer.start();
    admin = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    await harness?.close();
    admin?.disconnect();
    await redis?.kill();
  });

  it('answers SESSION_NOT_FOUND, not VERSION_CONFLICT', async () => {
    const started = await startGated({ SESSION_STORE: 'redis', REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'flush:' });
    harness = started.harness;
    const client = new ConversationClient(harness.baseUrl, { 'x-user-id': 'flushed' });
    await client.start();
    const turn = client.send('hello there');
    await started.gated.entered;
    await admin.flushall();
    started.gated.open();
    expect(failureOf(await turn)).toBe('SESSION_NOT_FOUND');
  });
});
