import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConversationClient } from './support/conversation-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** One turn at a time per session: concurrent turns either commit or get 409, and nothing is lost. */
describe('concurrent turns on one session', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers each of 20 concurrent turns 200 or 409, and the version moves by exactly the 200s', async () => {
    const client = new ConversationClient(app.baseUrl, { 'x-user-id': 'carol' });
    await client.start();
    await client.send('every weekday at 8am summarize my unread Gmail and post it to #general on Slack');
    const before = await client.session();

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => client.send(index % 2 ? 'only emails from my manager' : 'what can you do?')),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    const committed = results.filter((result) => result.status === 200 && !result.responses.some((event) => event.type === 'error'));
    expect(results.filter((result) => result.status === 200)).toHaveLength(committed.length);
    for (const refused of results.filter((result) => result.status === 409)) expect(refused.error?.code).toBe('TURN_IN_PROGRESS');
    expect(committed.length).toBeGreaterThanOrEqual(1);

    const after = await client.session();
    expect(after.version - before.version).toBe(committed.length);
    // Every committed turn's events are in the log exactly once, in order.
    const seqs = committed.flatMap((result) => result.responses.map((event) => event.seq)).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});
