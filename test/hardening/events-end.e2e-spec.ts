import { afterEach, describe, expect, it } from '@jest/globals';
import { EventFollower } from '../replicas/replica-support.js';
import { ConversationClient } from '../support/conversation-client.js';
import { startTestingApp, type TestingApp } from '../support/testing-app.js';

/**
 * Issue 14, extra: an `/events` stream stayed open with heartbeats after its session was deleted,
 * cancelled or lost. It ends with a live-only `session_ended` event (checked at the heartbeat's pace).
 */
describe('/events when its session is gone', () => {
  let harness: TestingApp | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const ways: [string, (client: ConversationClient, app: TestingApp) => Promise<void>][] = [
    [
      'deleted',
      async (client) => {
        const answer = await fetch(`${client.baseUrl}/v1/sessions/${client.sessionId}`, { method: 'DELETE', headers: client.headers });
        expect(answer.status).toBe(204);
      },
    ],
    ['cancelled', async (client) => void (await client.send({ action: 'cancel' }))],
    ['lost from the store', (client, app) => app.store.delete(client.sessionId)],
  ];

  it.each(ways)('%s: the stream sends session_ended (no id) and ends', async (_way, end) => {
    harness = await startTestingApp({ SSE_HEARTBEAT_MS: '100' });
    const client = new ConversationClient(harness.baseUrl, { 'x-user-id': 'ender' });
    await client.start();
    await client.send('hello');
    const follower = await EventFollower.open(harness.baseUrl, client.sessionId, client.headers);
    expect(follower.status).toBe(200);
    const lastSeq = (await harness.store.get(client.sessionId))!.lastEventSeq;
    await follower.waitFor((event) => event.data.seq === lastSeq && event.data.type === 'done');
    await end(client, harness);
    const ended = await follower.waitFor((event) => event.event === 'session_ended', 3000);
    expect(ended.id).toBeUndefined();
    expect(ended.data).toMatchObject({ sessionId: client.sessionId, type: 'session_ended', seq: lastSeq, data: { reason: 'gone' } });
    await follower.ended(3000);
  });

  it('answers HEAD with the stream headers at once, and a missing session with 404 (no stream held open)', async () => {
    harness = await startTestingApp({ SSE_HEARTBEAT_MS: '100' });
    const client = new ConversationClient(harness.baseUrl, { 'x-user-id': 'header' });
    await client.start();
    const head = await fetch(`${harness.baseUrl}/v1/sessions/${client.sessionId}/events`, {
      method: 'HEAD',
      headers: client.headers,
      signal: AbortSignal.timeout(3000),
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toContain('text/event-stream');
    const missing = await fetch(`${harness.baseUrl}/v1/sessions/00000000-0000-4000-8000-000000000000/events`, {
      method: 'HEAD',
      headers: client.headers,
      signal: AbortSignal.timeout(3000),
    });
    expect(missing.status).toBe(404);
  });
});
