import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { performance } from 'node:perf_hooks';
import { phaseChanges } from '../support/conversation-client.js';
import { step } from '../support/fake-openai-server.js';
import { readSse } from '../support/sse.js';
import { say } from './drive.js';
import { startLlmApp, type LlmApp } from './initializers.js';
import { expectNoModelReply, expectReplyStreamed, llmMetrics, replyTo, startedClient } from './llm-support.js';
import { EXAMPLE_DESCRIPTION, realisticAnswer } from './scripted-model.js';
import { expectWellFramed, postTurn, type RawTurn } from './turn-stream.js';

const TIMEOUT_MS = 400;
const REPLY = replyTo(EXAMPLE_DESCRIPTION);
const ANSWER = JSON.stringify(realisticAnswer(EXAMPLE_DESCRIPTION));
/** What the first turn leads to with either interpreter. */
const FIRST_TURN_PHASES = ['IDLE→DISCOVERY', 'DISCOVERY→OAUTH_FLOW'];

/**
 * The model failing in every way issue 5 names, end to end over HTTP: the turn still succeeds (retried,
 * repaired, or answered by the rule-based fallback: the same phases either way), within the timeout; a
 * client that goes away aborts the model request and leaves the session as it was.
 */
describe('LLM interpreter over HTTP: a failing model', () => {
  let llm: LlmApp;

  // A fresh app (and circuit breaker) per test; one retry, a short timeout.
  beforeEach(async () => {
    llm = await startLlmApp({ LLM_TIMEOUT_MS: String(TIMEOUT_MS), LLM_MAX_RETRIES: '1' });
  });
  afterEach(() => llm.close());

  async function firstTurn() {
    const client = await startedClient(llm);
    const started = performance.now();
    const turn = await say(client, EXAMPLE_DESCRIPTION);
    expectWellFramed(turn);
    expect(phaseChanges(turn)).toEqual(FIRST_TURN_PHASES);
    return { client, turn, elapsed: performance.now() - started, metrics: llmMetrics(llm).snapshot() };
  }

  it('429 with Retry-After: waits as told, then the model answers', async () => {
    llm.model.enqueue(step.rateLimited(1));
    const { turn, metrics } = await firstTurn();

    expectReplyStreamed(turn, REPLY);
    const [limited, retried] = llm.model.requests;
    expect(llm.model.requests).toHaveLength(2);
    expect(retried!.receivedAt - limited!.receivedAt).toBeGreaterThanOrEqual(950);
    expect(metrics.turns).toMatchObject({ llm: 1, fallback: 0 });
  });

  it('500s after the retries: the rule-based fallback answers and the turn succeeds', async () => {
    llm.model.enqueue(step.serverError(), step.serverError());
    const { turn, metrics } = await firstTurn();

    expectNoModelReply(turn, REPLY);
    expect(llm.model.requests).toHaveLength(2);
    expect(metrics.failures.server_error).toBe(1);
    expect(metrics.fallbacks.llm_error).toBe(1);
  });

  it('a hang is bounded by LLM_TIMEOUT_MS (per attempt), then the fallback answers', async () => {
    llm.model.enqueue(step.hang(), step.hang());
    const { turn, metrics, elapsed } = await firstTurn();

    expectNoModelReply(turn, REPLY);
    expect(elapsed).toBeGreaterThanOrEqual(2 * TIMEOUT_MS);
    expect(elapsed).toBeLessThan(2 * TIMEOUT_MS + 2500);
    expect(await Promise.all(llm.model.requests.map((request) => request.closed))).toEqual([true, true]);
    // `timeout` in production; under Jest the SDK's abort error comes from another realm and reads as `connection`.
    expect(metrics.failures.timeout + metrics.failures.connection).toBe(1);
    expect(metrics.fallbacks.llm_error).toBe(1);
  });

  it('a stream stalled mid-answer is bounded by LLM_TIMEOUT_MS too', async () => {
    llm.model.enqueue(step.answer(ANSWER, { chunkSize: 4, stallAfterChunks: 8 }));
    const { turn, metrics, elapsed } = await firstTurn();

    expect(elapsed).toBeLessThan(TIMEOUT_MS + 2500);
    expect(metrics.failures.stream_stalled).toBe(1);
    // The partial reply streamed; the fallback's message then replaces it (the web page does the same).
    expect(turn.responses[0]!.type).toBe('delta');
    expect(turn.responses.map((response) => response.content)).not.toContain(REPLY);
  });

  it('a stream cut mid-answer: one repair call, and the reply continues where it stopped', async () => {
    llm.model.enqueue(step.answer(ANSWER, { chunkSize: 4, cutAfterChunks: 10 }));
    const { turn, metrics } = await firstTurn();

    expectReplyStreamed(turn, REPLY);
    expect(llm.model.requests).toHaveLength(2);
    expect(metrics.invalidOutputs.interrupted).toBe(1);
    expect(metrics.turns.repaired).toBe(1);
  });

  it.each([
    ['schema-invalid', { ...JSON.parse(ANSWER), intent: 'activate_agent' }, 'schema'],
    ['truncated', ANSWER.slice(0, -25), 'not_json'],
    ['cut off by finish_reason length', step.answer(ANSWER, { finishReason: 'length' }), 'length'],
  ] as const)('%s JSON: one repair call, then the model answers', async (_name, first, kind) => {
    llm.model.enqueue(typeof first === 'object' && 'type' in first ? first : step.answer(first));
    const { turn, metrics } = await firstTurn();

    expectReplyStreamed(turn, REPLY);
    expect(llm.model.requests).toHaveLength(2);
    expect(llm.model.requests[1]!.body.messages?.at(-1)?.content).toContain('could not be used');
    expect(metrics.invalidOutputs[kind]).toBe(1);
    expect(metrics.turns.repaired).toBe(1);
  });

  it('Markdown-fenced JSON is read as it is, without a repair', async () => {
    llm.model.enqueue(step.answer('```json\n' + ANSWER + '\n```'));
    const { turn, metrics } = await firstTurn();

    expectReplyStreamed(turn, REPLY);
    expect(llm.model.requests).toHaveLength(1);
    expect(metrics.turns.llm).toBe(1);
  });

  it('finish_reason content_filter: the fallback answers at once', async () => {
    llm.model.enqueue(step.answer(ANSWER.slice(0, 30), { finishReason: 'content_filter' }));
    const { turn, metrics } = await firstTurn();

    expect(turn.responses.map((response) => response.content)).not.toContain(REPLY);
    expect(llm.model.requests).toHaveLength(1);
    expect(metrics.fallbacks.content_filter).toBe(1);
  });

  it('json_schema unsupported: json_object from then on, and the model answers', async () => {
    llm.model.enqueue(step.jsonSchemaUnsupported());
    const { client, turn } = await firstTurn();
    expectReplyStreamed(turn, REPLY);
    await say(client, 'go back');

    expect(llm.model.requests.map((request) => request.body.response_format?.type)).toEqual(['json_schema', 'json_object', 'json_object']);
    expect(llm.model.requests[1]!.body.messages?.[0]?.content).toContain('Answer with exactly one JSON object');
    expect(llmMetrics(llm).snapshot().responseMode).toBe('json_object');
  });

  it('a client that disconnects aborts the model request, and the session is unchanged', async () => {
    const client = await startedClient(llm);
    await say(client, EXAMPLE_DESCRIPTION);
    const before = await client.session();
    llm.model.enqueue(step.answer(ANSWER, { firstChunkDelayMs: 60_000 }));
    const calls = llm.model.requests.length;

    const leaving = new AbortController();
    const pending = fetch(`${llm.app.baseUrl}/v1/sessions/${client.sessionId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...client.headers },
      body: JSON.stringify({ message: 'only emails from my manager' }),
      signal: leaving.signal,
    }).then((response) => readSse(response, () => undefined));
    await llm.model.waitForRequests(calls + 1);
    leaving.abort();
    await expect(pending).rejects.toThrow();

    expect(await llm.model.requests[calls]!.closed).toBe(true);
    expect(await client.session()).toEqual(before);
    // Once the abandoned turn let go of the session, the next one runs (and the session is still as before).
    const next = await retryWhileBusy(() => postTurn(client, 'only emails from my manager'));
    expect(llmMetrics(llm).snapshot().turns).toMatchObject({ aborted: 1, fallback: 0 });
    expectReplyStreamed(next, replyTo('only emails from my manager'));
    expect((await client.session()).version).toBe(before.version + 1);
  });

  it('the stop button aborts the model request too; the turn ends with TURN_STOPPED and changes nothing', async () => {
    const client = await startedClient(llm);
    llm.model.enqueue(step.hang());
    const turn = postTurn(client, EXAMPLE_DESCRIPTION);
    await llm.model.waitForRequests(1);

    const stop = await fetch(`${llm.app.baseUrl}/v1/sessions/${client.sessionId}/stop`, { method: 'POST', headers: client.headers });
    expect(stop.status).toBe(202);
    const stopped = await turn;

    expect(stopped.responses.map((response) => response.type)).toEqual(['error', 'done']);
    expect(stopped.responses[0]!.data).toMatchObject({ code: 'TURN_STOPPED' });
    expect(await llm.model.requests[0]!.closed).toBe(true);
    expect((await client.session()).phase).toBe('IDLE');
  });
});

/** Sends again while the session answers 409 (a turn still letting go of it), a bounded number of times. */
async function retryWhileBusy(send: () => Promise<RawTurn>): Promise<RawTurn> {
  for (let attempt = 0; ; attempt++) {
    const turn = await send();
    if (turn.status !== 409 || attempt >= 40) return turn;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
