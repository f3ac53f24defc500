import { afterEach, describe, expect, it } from '@jest/globals';
import { Interpreter, type InterpretOptions, type InterpretRequest } from '../../src/interpreter/interpreter.js';
import { RuleBasedInterpreter } from '../../src/interpreter/rule-based/rule-based-interpreter.js';
import { ConversationClient } from '../support/conversation-client.js';
import { startTestingApp, type TestingApp } from '../support/testing-app.js';

const GMAIL_TO_SLACK =
  'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel';

/** The rule-based interpreter behind a gate: each call waits until the test opens it (or the turn is aborted). */
class GatedInterpreter implements Interpreter {
  entered!: Promise<void>;
  private enter!: () => void;
  private release!: () => void;
  private gate!: Promise<void>;

  constructor(private readonly inner: Interpreter) {
    this.reset();
  }

  reset(): void {
    this.entered = new Promise((resolve) => (this.enter = resolve));
    this.gate = new Promise((resolve) => (this.release = resolve));
  }

  open(): void {
    this.release();
  }

  async interpret(request: InterpretRequest, options?: InterpretOptions) {
    this.enter();
    await new Promise<void>((resolve, reject) => {
      void this.gate.then(resolve);
      options?.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
    return this.inner.interpret(request, options);
  }
}

async function startGated(env: Record<string, string> = {}): Promise<{ harness: TestingApp; gated: GatedInterpreter }> {
  let gated!: GatedInterpreter;
  const harness = await startTestingApp(env, (builder) =>
    builder.overrideProvider(Interpreter).useFactory({
      factory: (inner: RuleBasedInterpreter) => (gated = new GatedInterpreter(inner)),
      inject: [RuleBasedInterpreter],
    }),
  );
  return { harness, gated };
}

describe('graceful shutdown', () => {
  let harness: TestingApp | undefined;
  afterEach(async () => {
    await harness?.close().catch(() => undefined);
    harness = undefined;
  });

  it('refuses new turns with 503 SHUTTING_DOWN, ends event streams, and lets the turn in flight finish', async () => {
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

    const lateStream = await fetch(`${baseUrl}/v1/sessions/${idle.sessionId}/events`, { headers: idle.headers });
    expect(lateStream.status).toBe(503);
    expect(lateStream.headers.get('retry-after')).toBe('1');
    expect(await lateStream.json()).toMatchObject({ code: 'SHUTTING_DOWN' });

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
