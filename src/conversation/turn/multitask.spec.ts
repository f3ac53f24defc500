import { afterEach, describe, expect, it } from '@jest/globals';
import { lastValueFrom, type Observable, toArray } from 'rxjs';
import { startGated } from '../../../test/support/gated-interpreter.js';
import { startTestingApp, type TestingApp } from '../../../test/support/testing-app.js';
import type { ChatResponse } from '../chat-response.js';
import type { MessageOptions } from '../conversation.service.js';
import { multitaskWaitMs } from './multitask.js';

const OWNER = { userId: 'u1', tenantId: 't1' };

/** A turn's stream as it runs: its events so far, when it was queued, and how it ended. */
function follow(stream: Observable<ChatResponse>): { events: ChatResponse[]; queued: Promise<void>; ended: Promise<ChatResponse[]> } {
  const events: ChatResponse[] = [];
  let onQueued!: () => void;
  const queued = new Promise<void>((resolve) => (onQueued = resolve));
  const ended = new Promise<ChatResponse[]>((resolve, reject) =>
    stream.subscribe({
      next: (event) => {
        events.push(event);
        if (event.type === 'queued') onQueued();
      },
      error: reject,
      complete: () => resolve(events),
    }),
  );
  return { events, queued, ended };
}

const codeOf = (events: ChatResponse[]): unknown => events.find((event) => event.type === 'error')?.data?.['code'];

describe(multitaskWaitMs.name, () => {
  it('rejects at once, waits up to the lease to interrupt, and the queue wait when queued', () => {
    const waits = { leaseMs: 15_000, queueWaitMs: 120_000 };
    expect(multitaskWaitMs('reject', waits)).toBe(0);
    expect(multitaskWaitMs('interrupt', waits)).toBe(15_000);
    expect(multitaskWaitMs('enqueue', waits)).toBe(120_000);
  });
});

describe('Double-texting (one process)', () => {
  let harness: TestingApp;
  afterEach(() => harness.close());

  const send = (sessionId: string, text: string, options: MessageOptions = {}) =>
    follow(harness.conversations.processMessage(OWNER, sessionId, { text }, options));

  /** A session whose lease another turn holds (the token to release it). */
  const busySession = async (): Promise<{ sessionId: string; token: string }> => {
    const { sessionId } = await harness.conversations.startSession(OWNER);
    const token = await harness.store.acquireLease(sessionId, 10_000);
    return { sessionId, token: token! };
  };

  it('enqueue: a live-only queued event, other sessions run meanwhile, then the turn runs once the lease is free', async () => {
    harness = await startTestingApp();
    const { sessionId, token } = await busySession();
    const queued = send(sessionId, 'hello', { multitask: 'enqueue' });
    await queued.queued;
    expect(queued.events).toEqual([expect.objectContaining({ type: 'queued', seq: 0, phase: 'IDLE', data: { multitask: 'enqueue' } })]);
    // Waiting blocks nothing else: another session's turn runs meanwhile.
    const other = await harness.conversations.startSession(OWNER);
    expect((await send(other.sessionId, 'hello').ended).at(-1)?.type).toBe('done');
    await harness.store.releaseLease(sessionId, token);

    const events = await queued.ended;
    expect(codeOf(events)).toBeUndefined();
    expect(events.at(-1)?.type).toBe('done');
    const state = await harness.conversations.getSession(OWNER, sessionId);
    expect(state.version).toBe(1);
    // Not in the log: the durable events are the turn's own.
    const logged = await harness.store.readEvents(sessionId, 0, 100);
    expect(logged.map((event) => event.type)).not.toContain('queued');
    expect(logged.length).toBe(events.length - 1);
  });

  it('enqueue: an Idempotency-Key retry while the first attempt waits gets 409, and the turn runs once', async () => {
    harness = await startTestingApp();
    const { sessionId, token } = await busySession();
    const first = send(sessionId, 'hello', { multitask: 'enqueue', idempotencyKey: 'k-1' });
    await first.queued;
    await expect(send(sessionId, 'hello', { multitask: 'enqueue', idempotencyKey: 'k-1' }).ended).rejects.toMatchObject({ code: 'TURN_IN_PROGRESS' });
    await harness.store.releaseLease(sessionId, token);
    const events = await first.ended;
    expect(codeOf(events)).toBeUndefined();
    // A later retry replays the outcome (without the queued event) and runs nothing.
    const replay = await send(sessionId, 'hello', { multitask: 'enqueue', idempotencyKey: 'k-1' }).ended;
    expect(replay).toEqual(events.filter((event) => event.type !== 'delta' && event.type !== 'queued'));
    expect((await harness.conversations.getSession(OWNER, sessionId)).version).toBe(1);
  });

  it('enqueue: the client going away cancels the wait (TURN_STOPPED); nothing runs after the lease frees', async () => {
    harness = await startTestingApp();
    const { sessionId } = await harness.conversations.startSession(OWNER);
    await send(sessionId, 'I want a daily digest of my Gmail').ended;
    const before = await harness.conversations.getSession(OWNER, sessionId);
    const token = (await harness.store.acquireLease(sessionId, 10_000))!;
    const client = new AbortController();
    const queued = send(sessionId, 'hello', { multitask: 'enqueue', signal: client.signal });
    await queued.queued;
    client.abort();
    const events = await queued.ended;
    expect(events.map((event) => event.type)).toEqual(['queued', 'error', 'done']);
    expect(codeOf(events)).toBe('TURN_STOPPED');
    // Live only, at the session's place: the seq of its last durable event, its phase.
    for (const event of events) expect(event).toMatchObject({ seq: before.lastEventSeq, phase: before.phase });
    await harness.store.releaseLease(sessionId, token);
    expect(await harness.conversations.getSession(OWNER, sessionId)).toEqual(before);
  });

  it('enqueue on a foreign session is refused 404 before anything is queued', async () => {
    harness = await startTestingApp();
    const { sessionId } = await busySession();
    const foreign = follow(harness.conversations.processMessage({ ...OWNER, userId: 'u2' }, sessionId, { text: 'hi' }, { multitask: 'enqueue' }));
    await expect(foreign.ended).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
    expect(foreign.events).toEqual([]);
  });

  it('waits boundedly: a queued turn ends with error TURN_IN_PROGRESS, an interrupt that finds no turn to stop is refused 409', async () => {
    harness = await startTestingApp({ TURN_LEASE_MS: '300', TURN_QUEUE_WAIT_MS: '600' });
    const { sessionId } = await harness.conversations.startSession(OWNER);
    // Held past the waits (a lease taken outside any turn: nothing watches it, so nothing stops it).
    const token = (await harness.store.acquireLease(sessionId, 5_000))!;
    const queued = await send(sessionId, 'hello', { multitask: 'enqueue' }).ended;
    expect(queued.map((event) => event.type)).toEqual(['queued', 'error', 'done']);
    expect(codeOf(queued)).toBe('TURN_IN_PROGRESS');
    await expect(send(sessionId, 'hello', { multitask: 'interrupt' }).ended).rejects.toMatchObject({ code: 'TURN_IN_PROGRESS' });
    await harness.store.releaseLease(sessionId, token);
    expect((await harness.conversations.getSession(OWNER, sessionId)).version).toBe(0);
  });

  it('reject (the default) still answers 409 TURN_IN_PROGRESS at once', async () => {
    harness = await startTestingApp();
    const { sessionId } = await busySession();
    await expect(lastValueFrom(harness.conversations.processMessage(OWNER, sessionId, { text: 'hi' }).pipe(toArray()))).rejects.toMatchObject({
      code: 'TURN_IN_PROGRESS',
    });
  });

  it('interrupt: the running turn ends TURN_STOPPED having committed nothing; the new one commits', async () => {
    const started = await startGated();
    harness = started.harness;
    const { sessionId } = await harness.conversations.startSession(OWNER);
    const running = send(sessionId, 'I want a daily digest of my Gmail');
    await started.gated.entered;
    const interrupting = send(sessionId, 'hello', { multitask: 'interrupt' });
    const stopped = await running.ended;
    started.gated.open(); // only now: the stopped turn could not have passed the gate
    const next = await interrupting.ended;
    expect(codeOf(stopped)).toBe('TURN_STOPPED');
    expect(codeOf(next)).toBeUndefined();
    expect(next.some((event) => event.type === 'queued')).toBe(false);
    expect((await harness.conversations.getSession(OWNER, sessionId)).version).toBe(1);
    expect(next.find((event) => event.type !== 'delta')?.seq).toBe(1);
  });
});
