import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeClock } from '../../src/common/clock.js';
import { ConversationService } from '../../src/conversation/conversation.service.js';
import { startLlmApp, type LlmApp } from '../interpreter/initializers.js';
import { step } from '../support/fake-openai-server.js';
import { ConversationClient, consent, pick } from '../support/conversation-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const GMAIL_TO_SLACK =
  'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel';

/** The value of one sample line, e.g. `abc_turns_total{phase="IDLE",outcome="ok"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const scrape = async (baseUrl: string): Promise<string> => {
  const response = await fetch(`${baseUrl}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
};

describe('/metrics (rule-based interpreter)', () => {
  let app: TestApp;
  const clock = new FakeClock(Date.now());
  beforeAll(async () => {
    app = await startTestApp({}, { clock });
  });
  afterAll(() => app.close());

  it('exposes turns, transitions, sessions, OAuth outcomes, expiries and streams after a conversation', async () => {
    const client = new ConversationClient(app.baseUrl, { 'x-user-id': 'mia' });
    await client.start();
    const events = await fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}/events`, { headers: client.headers });
    let text = await scrape(app.baseUrl);
    expect(sample(text, 'abc_event_streams_open')).toBe(1);
    expect(sample(text, 'abc_sessions_active')).toBe(1);

    const first = await client.send(GMAIL_TO_SLACK);
    await client.send('hello?', { 'x-user-id': 'nobody' }); // a refused turn (404)
    const callback = await consent(pick(first, 'oauth_required').oauthUrl!, 'deny');
    expect(callback.status).toBe(303);
    await events.body!.cancel();

    clock.advance(app.config.env.SESSION_IDLE_TIMEOUT_MS + 1);
    await app.app.get(ConversationService).expireIdleSessions();

    text = await scrape(app.baseUrl);
    expect(sample(text, 'abc_turns_total{phase="IDLE",outcome="ok"}')).toBe(1);
    expect(sample(text, 'abc_turns_total{phase="none",outcome="session_not_found"}')).toBe(1);
    expect(sample(text, 'abc_turn_duration_seconds_count{outcome="ok"}')).toBe(1);
    expect(sample(text, 'abc_phase_transitions_total{from="IDLE",to="DISCOVERY"}')).toBe(1);
    expect(sample(text, 'abc_phase_transitions_total{from="DISCOVERY",to="OAUTH_FLOW"}')).toBe(1);
    expect(sample(text, 'abc_sessions_started_total')).toBe(1);
    expect(sample(text, 'abc_oauth_callbacks_total{outcome="denied"}')).toBe(1);
    expect(sample(text, 'abc_session_expiries_total{kind="expired"}')).toBe(1);
    expect(sample(text, 'abc_sessions_ended_total{reason="expired"}')).toBe(1);
    expect(sample(text, 'abc_sessions_active')).toBe(0);
    expect(sample(text, 'abc_store_errors_total{operation="commit"}')).toBe(0);
    expect(sample(text, 'abc_turns_in_flight')).toBe(0);
    expect(sample(text, 'abc_llm_fallbacks_total{reason="llm_error"}')).toBe(0);
    expect(text).toContain('# TYPE abc_llm_turn_duration_seconds histogram');
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sample(await scrape(app.baseUrl), 'abc_event_streams_open')).toBe(0);
  });

  it('keeps each app’s registry to itself', async () => {
    const other = await startTestApp();
    try {
      expect(sample(await scrape(other.baseUrl), 'abc_sessions_started_total')).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe('/metrics (OpenAI interpreter)', () => {
  let llm: LlmApp;
  beforeAll(async () => {
    llm = await startLlmApp({ LLM_MAX_RETRIES: '0' });
  });
  afterAll(() => llm.close());

  it('records model latency and fallbacks', async () => {
    const client = new ConversationClient(llm.app.baseUrl, { 'x-user-id': 'noa' });
    await client.start();
    expect((await client.send(GMAIL_TO_SLACK)).status).toBe(200);
    llm.model.enqueue(step.serverError(), step.serverError());
    expect((await client.send('only emails from my manager')).status).toBe(200);
    const text = await scrape(llm.app.baseUrl);
    expect(sample(text, 'abc_llm_turn_duration_seconds_count{outcome="llm"}')).toBe(1);
    expect(sample(text, 'abc_llm_turn_duration_seconds_count{outcome="fallback"}')).toBe(1);
    expect(sample(text, 'abc_llm_fallbacks_total{reason="llm_error"}')).toBe(1);
    expect(sample(text, 'abc_llm_failures_total{kind="server_error"}')).toBe(1);
    expect(sample(text, 'abc_llm_tokens_total{type="prompt"}')).toBeGreaterThan(0);
  });
});
