import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { deleteKeysUnder, describeWithRedis, testKeyPrefix } from '../contracts/redis-test-env.js';
import { ConversationClient, type TurnResult } from '../support/conversation-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const GMAIL_TO_SLACK =
  'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel';

/** The frames exactly as sent: `id:`, `event:` and the data. */
const framing = (result: TurnResult) => result.events.map((event) => [event.id, event.event, event.data]);

describe('Idempotency-Key on turns (memory)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers a retried turn with the first attempt’s events, same seqs and framing, and runs it once', async () => {
    const client = new ConversationClient(app.baseUrl, { 'x-user-id': 'ida' });
    await client.start();
    const first = await client.send(GMAIL_TO_SLACK, { 'idempotency-key': 'turn-1' });
    expect(first.status).toBe(200);
    const retry = await client.send(GMAIL_TO_SLACK, { 'idempotency-key': 'turn-1' });
    expect(retry.status).toBe(200);
    expect(framing(retry)).toEqual(framing(first));
    expect(first.events.every((event) => event.id === String(event.data.seq))).toBe(true);
    const view = await client.session();
    expect(view.version).toBe(1);
    expect(view.history).toHaveLength(2);

    // The JSON form replays the same responses.
    const json = await fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}/messages`, {
      method: 'POST',
      headers: { ...client.headers, 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': 'turn-1' },
      body: JSON.stringify({ message: GMAIL_TO_SLACK }),
    });
    expect(await json.json()).toEqual({ responses: first.responses });

    // A new key runs a new turn.
    const next = await client.send({ action: 'skip' }, { 'idempotency-key': 'turn-2' });
    expect(next.responses[0]!.seq).toBe(first.responses.at(-1)!.seq + 1);
    expect((await client.session()).version).toBe(2);
  });

  it('refuses a reused key with a different body, and an unusable key, with 400', async () => {
    const client = new ConversationClient(app.baseUrl, { 'x-user-id': 'ida2' });
    await client.start();
    await client.send(GMAIL_TO_SLACK, { 'idempotency-key': 'k' });
    const reused = await client.send('something else', { 'idempotency-key': 'k' });
    expect(reused.status).toBe(400);
    expect(reused.error).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const bad = await client.send('hi', { 'idempotency-key': 'x'.repeat(300) });
    expect(bad.status).toBe(400);
    expect(bad.error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it("does not replay another user's turn under the same key", async () => {
    const owner = new ConversationClient(app.baseUrl, { 'x-user-id': 'ida3' });
    await owner.start();
    await owner.send(GMAIL_TO_SLACK, { 'idempotency-key': 'shared' });
    const intruder = new ConversationClient(app.baseUrl, { 'x-user-id': 'mallory' });
    intruder.sessionId = owner.sessionId;
    const result = await intruder.send(GMAIL_TO_SLACK, { 'idempotency-key': 'shared' });
    expect(result.status).toBe(404);
    expect(result.error).toEqual({ statusCode: 404, code: 'SESSION_NOT_FOUND', message: 'No such session.' });
  });
});

describeWithRedis('Idempotency-Key on turns across replicas (Redis)', (url) => {
  const prefix = testKeyPrefix();
  let replicaA: TestApp;
  let replicaB: TestApp;
  beforeAll(async () => {
    const env = { SESSION_STORE: 'redis', REDIS_URL: url, REDIS_KEY_PREFIX: prefix };
    replicaA = await startTestApp(env);
    replicaB = await startTestApp(env);
  });
  afterAll(async () => {
    await replicaA.close();
    await replicaB.close();
    const redis = new Redis(url);
    await deleteKeysUnder(redis, prefix);
    redis.disconnect();
  });

  it('replays on replica B the turn that ran on replica A', async () => {
    const onA = new ConversationClient(replicaA.baseUrl, { 'x-user-id': 'ivy' });
    await onA.start();
    const first = await onA.send(GMAIL_TO_SLACK, { 'idempotency-key': 'cross-1' });
    expect(first.status).toBe(200);
    const onB = new ConversationClient(replicaB.baseUrl, onA.headers);
    onB.sessionId = onA.sessionId;
    const retry = await onB.send(GMAIL_TO_SLACK, { 'idempotency-key': 'cross-1' });
    expect(framing(retry)).toEqual(framing(first));
    expect((await onB.session()).version).toBe(1);
  });
});
