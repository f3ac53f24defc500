import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, expect, it } from '@jest/globals';
import type { ChatResponse } from '../../src/conversation/chat-response.js';
import { describeWithRedis, testKeyPrefix } from '../contracts/redis-test-env.js';
import type { AppProcess } from '../support/app-process.js';
import { ConversationClient } from '../support/conversation-client.js';
import { readSse } from '../support/sse.js';
import { useStubLlmReplicas } from './stub-llm-replicas.js';

/** A turn request read as it streams: its events so far, when it was queued, and its whole stream. */
interface LiveTurn {
  events: ChatResponse[];
  queued: Promise<void>;
  ended: Promise<ChatResponse[]>;
  hangUp(): void;
}

/**
 * Issue 15, item 2: `multitask: enqueue | interrupt` on two replicas. The running turn's model call is
 * held at a stub (`hold`) until the test releases it (a 500: the interpreter falls back to its rules and
 * the turn commits) or the turn is stopped.
 */
describeWithRedis('Double-texting across replicas', (redisUrl) => {
  const prefix = `${testKeyPrefix()}dtext:`;
  const headers = { 'x-user-id': 'dtext-user', 'x-tenant-id': 'dtext-tenant' };
  const replicas = useStubLlmReplicas(redisUrl, prefix);

  beforeEach(() => {
    replicas.llm.requests = 0;
  });
  afterEach(() => replicas.llm.releaseHeld());

  const openTurn = (app: AppProcess, sessionId: string, body: Record<string, unknown>): LiveTurn => {
    const client = new AbortController();
    const events: ChatResponse[] = [];
    let onQueued!: () => void;
    const queued = new Promise<void>((resolve) => (onQueued = resolve));
    const ended = fetch(`${app.baseUrl}/v1/sessions/${sessionId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: JSON.stringify(body),
      signal: client.signal,
    }).then(async (response) => {
      if (!response.headers.get('content-type')?.startsWith('text/event-stream')) throw new Error(`${response.status} ${await response.text()}`);
      await readSse(response, ({ data }) => {
        events.push(data);
        if (data.type === 'queued') onQueued();
      });
      return events;
    });
    return { events, queued, ended, hangUp: () => client.abort() };
  };

  /** A session on S whose first turn (sent to S) holds at the model: resolved once it reached it. */
  const runningTurn = async (): Promise<{ client: ConversationClient; version: number; running: LiveTurn }> => {
    const client = new ConversationClient(replicas.s.baseUrl, headers);
    await client.start();
    const { version } = await client.session();
    replicas.llm.mode = 'hold';
    const reachedModel = replicas.llm.nextRequest();
    const running = openTurn(replicas.s, client.sessionId, { message: 'hello, I want a daily digest' });
    await reachedModel;
    return { client, version, running };
  };

  const code = (events: ChatResponse[]): unknown => events.find((event) => event.type === 'error')?.data?.['code'];
  /** The seqs a turn committed (its logged events: not `delta`, `queued`, nor a failed turn's live error/done). */
  const committedSeqs = (events: ChatResponse[]): number[] =>
    code(events) === undefined ? events.filter((event) => event.type !== 'delta' && event.type !== 'queued').map((event) => event.seq) : [];

  const inFlightOn = async (app: AppProcess): Promise<number> => {
    const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
    return Number(/^abc_turns_in_flight (\d+)/m.exec(text)?.[1]);
  };

  it('enqueue on another replica: a queued event, then the message runs once, after the running turn', async () => {
    const { client, version, running } = await runningTurn();
    const queued = openTurn(replicas.f, client.sessionId, { message: 'send it to #general', multitask: 'enqueue' });
    await queued.queued;
    expect(queued.events.map((event) => event.type)).toEqual(['queued']);
    expect(queued.events[0]!.data).toEqual({ multitask: 'enqueue' });
    // Queued, it has not started: only the running turn reached the model.
    expect(replicas.llm.requests).toBe(1);

    replicas.llm.mode = 'fail';
    replicas.llm.releaseHeld();
    const [first, second] = await Promise.all([running.ended, queued.ended]);
    expect(code(first)).toBeUndefined();
    expect(code(second)).toBeUndefined();
    expect(first.at(-1)?.type).toBe('done');
    expect(second.at(-1)?.type).toBe('done');
    // After the running turn: its events are numbered after all of the first turn's; each ran once.
    expect(Math.min(...committedSeqs(second))).toBe(Math.max(...committedSeqs(first)) + 1);
    expect(replicas.llm.requests).toBe(2);
    expect((await client.session()).version).toBe(version + 2);
  });

  it('interrupt on another replica: the running turn stops and commits nothing, the new one runs', async () => {
    const { client, version, running } = await runningTurn();
    replicas.llm.mode = 'fail';
    const interrupting = openTurn(replicas.f, client.sessionId, { message: 'send it to #general', multitask: 'interrupt' });
    const [stopped, next] = await Promise.all([running.ended, interrupting.ended]);
    expect(code(stopped)).toBe('TURN_STOPPED');
    expect(stopped.at(-1)?.type).toBe('done');
    expect(code(next)).toBeUndefined();
    expect(next.some((event) => event.type === 'queued')).toBe(false);
    // The stopped turn wrote nothing: the new turn's events follow the last event it had seen.
    const seenByStopped = stopped.find((event) => event.type === 'error')!.seq;
    expect(Math.min(...committedSeqs(next))).toBe(seenByStopped + 1);
    expect((await client.session()).version).toBe(version + 1);
  });

  it('several queued messages on both replicas each run once, one at a time', async () => {
    const { client, version, running } = await runningTurn();
    const onF = openTurn(replicas.f, client.sessionId, { message: 'send it to #general', multitask: 'enqueue' });
    const onS = openTurn(replicas.s, client.sessionId, { message: 'every morning at 9', multitask: 'enqueue' });
    await Promise.all([onF.queued, onS.queued]);
    expect(replicas.llm.requests).toBe(1);
    replicas.llm.mode = 'fail';
    replicas.llm.releaseHeld();
    const turns = await Promise.all([running.ended, onF.ended, onS.ended]);
    for (const events of turns) expect(code(events)).toBeUndefined();
    // No two overlapped: each turn's events form a block of seqs, and the blocks follow one another.
    const blocks = turns.map(committedSeqs).map((seqs) => [Math.min(...seqs), Math.max(...seqs)] as const);
    blocks.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]![0]).toBe(blocks[i - 1]![1] + 1);
    expect(replicas.llm.requests).toBe(3);
    expect((await client.session()).version).toBe(version + 3);
  });

  it('a queued message whose client hangs up never runs', async () => {
    const { client, version, running } = await runningTurn();
    const queued = openTurn(replicas.f, client.sessionId, { message: 'send it to #general', multitask: 'enqueue' });
    await queued.queued;
    queued.hangUp();
    await queued.ended.catch(() => undefined);
    // F counts the waiting turn in flight until it noticed the hang-up (bounded).
    for (let tries = 0; tries < 100 && (await inFlightOn(replicas.f)) > 0; tries++) await sleep(50);
    expect(await inFlightOn(replicas.f)).toBe(0);

    replicas.llm.mode = 'fail';
    replicas.llm.releaseHeld();
    expect(code(await running.ended)).toBeUndefined();
    expect(replicas.llm.requests).toBe(1);
    expect((await client.session()).version).toBe(version + 1);
  });

  it("the stop route on the running turn's replica stops it and cancels the message queued on the other", async () => {
    const { client, version, running } = await runningTurn();
    const queued = openTurn(replicas.f, client.sessionId, { message: 'send it to #general', multitask: 'enqueue' });
    await queued.queued;
    const stop = await fetch(`${replicas.s.baseUrl}/v1/sessions/${client.sessionId}/stop`, { method: 'POST', headers });
    expect(stop.status).toBe(202);
    const [stopped, cancelled] = await Promise.all([running.ended, queued.ended]);
    expect(code(stopped)).toBe('TURN_STOPPED');
    expect(code(cancelled)).toBe('TURN_STOPPED');
    expect(cancelled.map((event) => event.type)).toEqual(['queued', 'error', 'done']);
    expect(replicas.llm.requests).toBe(1);
    expect((await client.session()).version).toBe(version);
  });

  it('with nothing running, enqueue and interrupt simply run the turn', async () => {
    const client = new ConversationClient(replicas.s.baseUrl, headers);
    await client.start();
    replicas.llm.mode = 'fail';
    for (const multitask of ['enqueue', 'interrupt']) {
      const events = await openTurn(replicas.f, client.sessionId, { message: 'hello', multitask }).ended;
      expect(code(events)).toBeUndefined();
      expect(events.some((event) => event.type === 'queued')).toBe(false);
    }
  });
});
