import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConversationClient, consent, phaseChanges, pick } from './support/conversation-client.js';
import { readSse, type SseEvent } from './support/sse.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The product's example conversation, over real HTTP and SSE against the started app, with the
 * development OAuth provider's consent followed by plain HTTP requests.
 */
describe('example conversation (rule-based interpreter, dev OAuth provider)', () => {
  let app: TestApp;
  let client: ConversationClient;

  beforeAll(async () => {
    app = await startTestApp();
    client = new ConversationClient(app.baseUrl, { 'x-user-id': 'alice', 'x-tenant-id': 'acme' });
  });
  afterAll(() => app.close());

  it('builds, tests and activates the Gmail → Slack summary agent', async () => {
    const started = await client.start();
    expect(started.phase).toBe('IDLE');

    // Follow the session's event stream the whole time, as the chat page does.
    const pushed: SseEvent[] = [];
    const stopFollowing = new AbortController();
    const events = await fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}/events`, {
      headers: client.headers,
      signal: stopFollowing.signal,
    });
    expect(events.status).toBe(200);
    const following = readSse(events, (event) => pushed.push(event)).catch(() => undefined);

    // 1. The description finds Gmail and Slack and asks to connect Gmail.
    const first = await client.send(
      'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel',
    );
    expect(first.status).toBe(200);
    expect(phaseChanges(first)).toEqual(['IDLE→DISCOVERY', 'DISCOVERY→OAUTH_FLOW']);
    const gmail = pick(first, 'oauth_required');
    expect(gmail.data).toEqual({ integration: 'gmail', provider: 'google' });
    expect(gmail.actions.map((action) => action.type)).toEqual(['oauth', 'skip']);
    expect(first.responses.at(-1)?.type).toBe('done');
    expect(first.responses.at(-1)?.phase).toBe('OAUTH_FLOW');

    // 2. Consent in the "browser": the callback resumes the conversation by itself, Slack next.
    const gmailCallback = await consent(gmail.oauthUrl!, 'allow');
    expect(gmailCallback.status).toBe(303);
    expect(gmailCallback.headers.get('location')).toContain(`sessionId=${client.sessionId}`);
    let view = await client.session();
    expect(view.phase).toBe('OAUTH_FLOW');
    expect(view.pendingOauth).toMatchObject({ integration: 'slack', provider: 'slack' });
    expect(view.context.integrations).toEqual([
      { id: 'gmail', provider: 'google', status: 'connected' },
      { id: 'slack', provider: 'slack', status: 'pending' },
    ]);

    const slackCallback = await consent(view.pendingOauth!.authorizationUrl, 'allow');
    expect(slackCallback.status).toBe(303);
    view = await client.session();
    expect(view.phase).toBe('REQUIREMENTS');
    expect(view.pendingOauth).toBeNull();
    expect(view.context.requirements.trigger.value).toMatchObject({ type: 'schedule', cron: '0 8 * * *' });
    expect(view.context.requirements.destination.value).toMatchObject({ kind: 'channel', integration: 'slack', target: '#team-updates' });
    expect(view.context.missing).toEqual([]);

    // 3. A filter is added; the summary is shown and everything else is kept.
    const third = await client.send('only emails from my manager');
    const requirements = pick(third, 'requirements').data!['requirements'] as Record<string, { value: unknown }>;
    expect(requirements['filters']!.value).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'from', text: 'from my manager' })]));
    expect(requirements['trigger']!.value).toMatchObject({ cron: '0 8 * * *' });
    expect(pick(third, 'message').content).toContain('Shall I build it?');

    // 4. Confirm: GENERATION → TESTING with a draft and a test result.
    const fourth = await client.send('yes, build it');
    expect(phaseChanges(fourth)).toEqual(['REQUIREMENTS→GENERATION', 'GENERATION→TESTING']);
    const draft = pick(fourth, 'draft');
    expect(draft.data).toMatchObject({ draftAgentId: expect.any(String), agent: { status: 'draft' } });
    expect(pick(fourth, 'test_result').data).toMatchObject({ passed: true, cases: expect.any(Array) });

    // 5. A change from TESTING goes back to REQUIREMENTS and keeps everything else.
    const fifth = await client.send('change the time to 7:30');
    expect(phaseChanges(fifth)).toEqual(['TESTING→REQUIREMENTS']);
    view = await client.session();
    expect(view.phase).toBe('REQUIREMENTS');
    expect(view.context.requirements.trigger.value).toMatchObject({ cron: '30 7 * * *' });
    expect(view.context.requirements.filters.value).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'from my manager' })]));
    expect(view.context.requirements.destination.value).toMatchObject({ target: '#team-updates' });

    // 6. Confirm again, accept the test run, activate.
    const sixth = await client.send({ action: 'confirm' });
    expect(phaseChanges(sixth)).toEqual(['REQUIREMENTS→GENERATION', 'GENERATION→TESTING']);
    const accepted = await client.send('looks good, turn it on');
    expect(phaseChanges(accepted)).toEqual(['TESTING→ACTIVATION']);
    const activated = await client.send({ action: 'confirm' });
    expect(phaseChanges(activated)).toEqual(['ACTIVATION→COMPLETE']);
    expect(pick(activated, 'draft').data).toMatchObject({ agent: { status: 'active' } });

    view = await client.session();
    expect(view.phase).toBe('COMPLETE');
    expect(view.history.map((entry) => entry.to)).toEqual([
      'DISCOVERY',
      'OAUTH_FLOW',
      'OAUTH_FLOW',
      'REQUIREMENTS',
      'GENERATION',
      'TESTING',
      'REQUIREMENTS',
      'GENERATION',
      'TESTING',
      'ACTIVATION',
      'COMPLETE',
    ]);

    // The event stream saw the OAuth results pushed by the callbacks, in order, each with an SSE id = seq.
    stopFollowing.abort();
    await following;
    const results = pushed.filter((event) => event.data.type === 'oauth_result').map((event) => event.data.data);
    expect(results).toEqual([
      { integration: 'gmail', provider: 'google', status: 'connected' },
      { integration: 'slack', provider: 'slack', status: 'connected' },
    ]);
    const seqs = pushed.map((event) => event.data.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const event of pushed) expect(event.id).toBe(String(event.data.seq));
  });
});
