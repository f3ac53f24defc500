import { Agent, request, type IncomingMessage } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { InMemorySessionEventBus } from '../../src/conversation/events/in-memory-session-event-bus.js';
import { SessionEventBus } from '../../src/conversation/events/session-event-bus.js';
import { Interpreter, type InterpretOptions, type InterpretRequest } from '../../src/interpreter/interpreter.js';
import { RuleBasedInterpreter } from '../../src/interpreter/rule-based/rule-based-interpreter.js';
import { startTestingApp, type TestingApp } from '../support/testing-app.js';
import { activeResources, grownSince, trackTimers, type ResourceCounts, type TimerTracker } from './support/leaks.js';

/**
 * Clients that hang up at random points: in the middle of a turn's stream (while the interpreter is
 * still streaming, during the commit, after it), before the answer, while following `/events` with
 * turns flowing, and right after pressing stop. Afterwards nothing is left behind: no subscription on
 * the event bus, no lease, no socket or timer beyond the baseline, and every session consistent
 * (each committed turn whole in the log, nothing of an abandoned one). `DISCONNECTS` scales the count.
 */
const DISCONNECTS = Number(process.env.DISCONNECTS ?? 200);
const SEED = process.env.DISCONNECTS_SEED ? Number(process.env.DISCONNECTS_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
const SESSIONS = 10;
const OWNER = { 'x-user-id': 'disconnector', 'x-tenant-id': 'leaks' };
const MESSAGES = [
  'I want an agent that summarizes my unread Gmail every morning at 8am and posts it to #team on Slack',
  'only emails from my manager',
  'yes, build it',
  'go back',
  'asdf qwerty',
  'start over',
];

/** The rule-based interpreter, slowed down and streaming deltas, so a hang-up can land mid-turn. */
class StreamingInterpreter implements Interpreter {
  private readonly inner = new RuleBasedInterpreter();

  async interpret(request: InterpretRequest, options: InterpretOptions = {}) {
    for (let piece = 0; piece < 4; piece++) {
      await delay(3, undefined, { signal: options.signal });
      options.onDelta?.(`thinking ${piece} `);
    }
    return this.inner.interpret(request, options);
  }
}

type Plan =
  | { kind: 'turn'; session: number; message: number; hangUpAfterMs: number; hangUpAfterChunks: number; json: boolean }
  | { kind: 'turn-before-answer'; session: number; message: number }
  | { kind: 'events'; session: number; lastEventId: number; hangUpAfterMs: number; withTurn: boolean }
  | { kind: 'events-before-answer'; session: number }
  | { kind: 'stop-then-hang-up'; session: number; message: number; stopAfterMs: number };

describe('client disconnects', () => {
  let harness: TestingApp;
  let agent: Agent;
  let timers: TimerTracker;
  let baseline: ResourceCounts;
  let baselineIntervals: number;
  const sessionIds: string[] = [];
  const port = (): number => Number(new URL(harness.baseUrl).port);

  /** Opens a request; resolves with the response (or null when we hung up first). */
  function open(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): { response: Promise<IncomingMessage | null>; hangUp: () => void } {
    const req = request({ agent, host: '127.0.0.1', port: port(), method, path, headers: { ...OWNER, ...headers } });
    let gone = false;
    const response = new Promise<IncomingMessage | null>((resolve) => {
      req.on('response', resolve);
      req.on('error', () => resolve(null));
      req.on('close', () => gone && resolve(null));
    });
    if (body !== undefined) req.end(body);
    else req.end();
    return {
      response,
      hangUp: () => {
        gone = true;
        req.destroy();
      },
    };
  }

  /** How the hang-ups landed: in the middle of a 200 stream, or before any answer. */
  const cuts = { midStream: 0, beforeAnswer: 0 };

  /** Reads a response until `chunks` chunks arrived, `ms` passed or it ended; then hangs up. */
  async function readThenHangUp(res: IncomingMessage | null, hangUp: () => void, ms: number, chunks = Infinity): Promise<void> {
    if (!res) {
      cuts.beforeAnswer++;
      return;
    }
    let seen = 0;
    let ended = false;
    res.on('end', () => (ended = true));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      res.on('data', () => {
        if (++seen >= chunks) {
          clearTimeout(timer);
          resolve();
        }
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve();
      });
      res.on('error', () => resolve());
    });
    if (!ended && res.statusCode === 200) cuts.midStream++;
    hangUp();
  }

  const turnBody = (message: number): string => JSON.stringify({ message: MESSAGES[message % MESSAGES.length] });

  /** A whole turn, read to its end (used to keep events flowing and to check the sessions afterwards). */
  async function fullTurn(sessionId: string, message: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${harness.baseUrl}/v1/sessions/${sessionId}/messages`, {
      method: 'POST',
      headers: { ...OWNER, 'content-type': 'application/json' },
      body: JSON.stringify({ message }),
    });
    return { status: response.status, text: await response.text() };
  }

  async function execute(plan: Plan): Promise<void> {
    const sessionId = sessionIds[plan.session]!;
    const path = `/v1/sessions/${sessionId}`;
    switch (plan.kind) {
      case 'turn': {
        const call = open(
          'POST',
          `${path}/messages`,
          { 'content-type': 'application/json', accept: plan.json ? 'application/json' : 'text/event-stream' },
          turnBody(plan.message),
        );
        await readThenHangUp(
          await Promise.race([call.response, delay(plan.hangUpAfterMs).then(() => null)]),
          call.hangUp,
          plan.hangUpAfterMs,
          plan.hangUpAfterChunks,
        );
        call.hangUp();
        return;
      }
      case 'turn-before-answer': {
        const call = open('POST', `${path}/messages`, { 'content-type': 'application/json' }, turnBody(plan.message));
        call.hangUp();
        await call.response;
        return;
      }
      case 'events': {
        const call = open('GET', `${path}/events`, { 'last-event-id': String(plan.lastEventId) });
        const res = await call.response;
        const turn = plan.withTurn ? fullTurn(sessionId, MESSAGES[plan.lastEventId % MESSAGES.length]!) : Promise.resolve(null);
        await readThenHangUp(res, call.hangUp, plan.hangUpAfterMs);
        await turn;
        return;
      }
      case 'events-before-answer': {
        const call = open('GET', `${path}/events`, {});
        call.hangUp();
        await call.response;
        return;
      }
      case 'stop-then-hang-up': {
        const call = open('POST', `${path}/messages`, { 'content-type': 'application/json' }, turnBody(plan.message));
        await delay(plan.stopAfterMs);
        await fetch(`${harness.baseUrl}${path}/stop`, { method: 'POST', headers: OWNER });
        call.hangUp();
        await call.response;
        return;
      }
    }
  }

  /** Polls until `done` holds or `ms` passed. */
  async function settle(done: () => Promise<boolean>, ms = 5_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await done()) && Date.now() < deadline) await delay(50);
  }

  beforeAll(async () => {
    harness = await startTestingApp(
      {
        RATE_LIMIT_TURNS_PER_MINUTE: '1000000000',
        RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '1000000000',
        HISTORY_CAP: '10000',
        EVENT_LOG_CAP: '100000',
      },
      (builder) => builder.overrideProvider(Interpreter).useValue(new StreamingInterpreter()),
    );
    agent = new Agent({ keepAlive: true });
    for (let i = 0; i < SESSIONS; i++) {
      const created = await fetch(`${harness.baseUrl}/v1/sessions`, { method: 'POST', headers: OWNER });
      sessionIds.push(((await created.json()) as { sessionId: string }).sessionId);
    }
    // Warm up every path once (lazy modules, first sockets), then take the baseline.
    await fullTurn(sessionIds[0]!, 'hello');
    await execute({ kind: 'events', session: 0, lastEventId: 0, hangUpAfterMs: 20, withTurn: true });
    agent.destroy();
    agent = new Agent({ keepAlive: true });
    await delay(200);
    baseline = activeResources();
    timers = trackTimers();
    baselineIntervals = timers.liveIntervals().length;
  });
  afterAll(async () => {
    timers?.restore();
    agent?.destroy();
    await harness?.close();
  });

  it(`leaves nothing behind after ${DISCONNECTS} hang-ups mid-turn and mid-stream`, async () => {
    const bus = harness.app.get<InMemorySessionEventBus>(SessionEventBus);
    expect(bus).toBeInstanceOf(InMemorySessionEventBus);
    const session = fc.nat(SESSIONS - 1);
    const message = fc.nat(MESSAGES.length - 1);
    const plans = fc.sample(
      fc.oneof(
        {
          weight: 5,
          arbitrary: fc.record({
            kind: fc.constant('turn' as const),
            session,
            message,
            hangUpAfterMs: fc.nat(30),
            hangUpAfterChunks: fc.integer({ min: 1, max: 8 }),
            json: fc.boolean(),
          }),
        },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('turn-before-answer' as const), session, message }) },
        {
          weight: 3,
          arbitrary: fc.record({
            kind: fc.constant('events' as const),
            session,
            lastEventId: fc.nat(20),
            hangUpAfterMs: fc.nat(40),
            withTurn: fc.boolean(),
          }),
        },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('events-before-answer' as const), session }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('stop-then-hang-up' as const), session, message, stopAfterMs: fc.nat(12) }) },
      ),
      { numRuns: DISCONNECTS, seed: SEED },
    );
    // Ten clients at once, each hanging up over and over.
    const queue = [...plans];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let plan = queue.shift(); plan; plan = queue.shift()) await execute(plan);
      }),
    );
    agent.destroy();

    const store = harness.store;
    const leased = async (): Promise<string[]> =>
      (await Promise.all(sessionIds.map(async (id) => ((await store.isLeased(id)) ? id : null)))).filter((id) => id !== null);
    const leaks = (): string[] => [
      ...grownSince(baseline, activeResources(), 2, ['TCPSocketWrap', 'TCPWRAP', 'Timeout', 'Immediate']),
      ...(timers.liveIntervals().length > baselineIntervals
        ? [`intervals: ${baselineIntervals} → ${timers.liveIntervals().length}: ${timers.liveIntervals().join(' ;; ')}`]
        : []),
    ];
    await settle(async () => bus.subscribedSessions === 0 && (await leased()).length === 0 && leaks().length === 0);

    // The hang-ups did land mid-stream and before answers, not only after the end.
    expect(cuts.midStream).toBeGreaterThan(DISCONNECTS / 10);
    expect(cuts.beforeAnswer).toBeGreaterThan(0);
    expect({ seed: SEED, subscribedSessions: bus.subscribedSessions, leased: await leased(), leaks: leaks() }).toEqual({
      seed: SEED,
      subscribedSessions: 0,
      leased: [],
      leaks: [],
    });

    // Every session consistent: one durable `done` per committed turn, the log whole and numbered, no stray part of a turn.
    for (const sessionId of sessionIds) {
      const state = (await store.get(sessionId))!;
      const log = await store.readEvents(sessionId, 0, 1_000_000);
      expect(log.map((event) => event.seq)).toEqual(log.map((_, index) => index + 1));
      expect(log.at(-1)?.seq ?? 0).toBe(state.lastEventSeq);
      expect(log.filter((event) => event.type === 'done')).toHaveLength(state.version);
      if (log.length > 0) expect(log.at(-1)?.type).toBe('done');
      expect(log.some((event) => event.type === 'error' || event.type === 'delta')).toBe(false);
      // And it still takes a turn.
      const turn = await fullTurn(sessionId, 'what can you connect to?');
      expect(turn.status).toBe(200);
      expect(turn.text).toMatch(/event: done\n[^\n]*\n\n$/);
      expect((await store.get(sessionId))!.version).toBe(state.version + 1);
    }
  }, 120_000);
});
