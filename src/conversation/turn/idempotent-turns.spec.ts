import { beforeEach, describe, expect, it } from '@jest/globals';
import { firstValueFrom, lastValueFrom, Observable, Subject, toArray } from 'rxjs';
import { chatEvent, nextState, OWNER, sessionState } from '../../../test/contracts/session-fixtures.js';
import { FakeClock } from '../../common/clock.js';
import { DomainError } from '../../common/errors.js';
import { AppConfig } from '../../config/app-config.js';
import { MemoryIdempotencyStore } from '../../http/idempotency/memory-idempotency-store.js';
import { ConversationMetrics } from '../../metrics/conversation-metrics.js';
import { MetricsRegistry } from '../../metrics/metrics-registry.js';
import type { ChatResponse } from '../chat-response.js';
import { InMemorySessionStore } from '../store/in-memory-session-store.js';
import type { CommitMark } from './commit-mark.js';
import { IdempotentTurns, parseIdempotencyKey, type StartTurn } from './idempotent-turns.js';

const SESSION = 's-1';
const INPUT = { text: 'hello' };
const all = (events: Observable<ChatResponse>): Promise<ChatResponse[]> => lastValueFrom(events.pipe(toArray()));
const failureOf = (events: Observable<ChatResponse>): Promise<unknown> => all(events).then(() => null, (error: unknown) => error);

const live = (seq: number, type: ChatResponse['type'], data: Record<string, unknown> | null = null): ChatResponse => ({
  ...chatEvent(SESSION, seq, type),
  data,
});

describe(IdempotentTurns.name, () => {
  let clock: FakeClock;
  let sessions: InMemorySessionStore;
  let turns: IdempotentTurns;
  let starts: number;

  /** A turn that commits `count` events after the session's last seq (the real store's CAS included). */
  const committingTurn =
    (count = 2): StartTurn =>
    ({ beforeCommit }) =>
      new Observable<ChatResponse>((subscriber) => {
        starts++;
        void (async () => {
          const original = (await sessions.get(SESSION))!;
          const events = [...Array.from({ length: count - 1 }, (_, i) => chatEvent(SESSION, original.lastEventSeq + 1 + i)), chatEvent(SESSION, original.lastEventSeq + count, 'done')];
          await beforeCommit({ version: original.version, lastEventSeq: original.lastEventSeq, events: events.length });
          await sessions.save(nextState(original, events), original.version, events, { ttlMs: 60_000 });
          for (const event of events) subscriber.next(event);
          subscriber.complete();
        })().catch((error: unknown) => subscriber.error(error));
      });

  beforeEach(async () => {
    clock = new FakeClock();
    sessions = new InMemorySessionStore(clock, { eventLogCap: 100 });
    await sessions.create(sessionState(SESSION, clock.now()), { ttlMs: 60_000 });
    const config = new AppConfig({ NODE_ENV: 'test', TURN_LEASE_MS: '10000' });
    turns = new IdempotentTurns(new MemoryIdempotencyStore(clock), sessions, clock, new ConversationMetrics(new MetricsRegistry()), config);
    starts = 0;
  });

  it('runs the first attempt and replays its events to a retry, running nothing twice', async () => {
    const first = await all(turns.run(OWNER, SESSION, 'key-1', INPUT, committingTurn()));
    const retry = await all(turns.run(OWNER, SESSION, 'key-1', INPUT, committingTurn()));
    expect(retry).toEqual(first);
    expect(first.map((event) => event.seq)).toEqual([1, 2]);
    expect(starts).toBe(1);
    expect((await sessions.get(SESSION))!.version).toBe(1);
  });

  it('leaves deltas out of the replay', async () => {
    const start: StartTurn = () =>
      new Observable((subscriber) => {
        subscriber.next(live(0, 'delta'));
        subscriber.next(live(1, 'message'));
        subscriber.next(live(2, 'done'));
        subscriber.complete();
      });
    await all(turns.run(OWNER, SESSION, 'k', INPUT, start));
    expect((await all(turns.run(OWNER, SESSION, 'k', INPUT, start))).map((event) => event.type)).toEqual(['message', 'done']);
  });

  it('scopes keys by owner and session', async () => {
    await all(turns.run(OWNER, SESSION, 'k', INPUT, committingTurn()));
    await all(turns.run({ ...OWNER, userId: 'someone-else' }, SESSION, 'k', INPUT, committingTurn()));
    await all(turns.run({ ...OWNER, tenantId: 'other-tenant' }, SESSION, 'k', INPUT, committingTurn()));
    expect(starts).toBe(3);
  });

  it('refuses the key for a different request with 400 VALIDATION_FAILED', async () => {
    await all(turns.run(OWNER, SESSION, 'k', INPUT, committingTurn()));
    const error = await failureOf(turns.run(OWNER, SESSION, 'k', { text: 'something else' }, committingTurn()));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('takes over a key left running by an attempt that no longer holds the lease', async () => {
    const gate = new Subject<ChatResponse>();
    const abandoned = turns.run(OWNER, SESSION, 'k', INPUT, () => gate).subscribe({ error: () => undefined });
    await new Promise((resolve) => setImmediate(resolve));
    // No lease is held: the first attempt is not in a turn any more (it died without giving the key up).
    expect(await all(turns.run(OWNER, SESSION, 'k', INPUT, committingTurn()))).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'done' })]));
    abandoned.unsubscribe();
  });

  it('answers 409 TURN_IN_PROGRESS to a retry while the first attempt runs', async () => {
    const gate = new Subject<ChatResponse>();
    // A running turn holds the session's lease.
    const lease = await sessions.acquireLease(SESSION, 60_000);
    const first = all(turns.run(OWNER, SESSION, 'k', INPUT, () => gate));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await failureOf(turns.run(OWNER, SESSION, 'k', INPUT, committingTurn()))).toMatchObject({ code: 'TURN_IN_PROGRESS' });
    gate.next(live(1, 'done'));
    gate.complete();
    await sessions.releaseLease(SESSION, lease!);
    await first;
    expect(await all(turns.run(OWNER, SESSION, 'k', INPUT, committingTurn()))).toEqual([live(1, 'done')]);
  });

  it('gives the key up after a turn that failed and changed nothing, so the retry runs', async () => {
    const failing: StartTurn = () =>
      new Observable((subscriber) => {
        starts++;
        subscriber.next(live(0, 'error', { code: 'INTERPRETER_FAILED', message: 'x', retryable: true }));
        subscriber.next(live(0, 'done'));
        subscriber.complete();
      });
    await all(turns.run(OWNER, SESSION, 'k', INPUT, failing));
    const retry = await all(turns.run(OWNER, SESSION, 'k', INPUT, committingTurn()));
    expect(retry.map((event) => event.type)).toEqual(['message', 'done']);
    expect(starts).toBe(2);
  });

  it('gives the key up after a refusal (404, 409, 429 …)', async () => {
    const refused: StartTurn = () =>
      new Observable((subscriber) => {
        starts++;
        subscriber.error(new DomainError('RATE_LIMITED', 'slow down', { retryAfterSeconds: 3 }));
      });
    expect(await failureOf(turns.run(OWNER, SESSION, 'k', INPUT, refused))).toMatchObject({ code: 'RATE_LIMITED' });
    await all(turns.run(OWNER, SESSION, 'k', INPUT, committingTurn()));
    expect(starts).toBe(2);
  });

  describe('a commit whose outcome is unknown (the store failed while saving)', () => {
    /** Commits (or not) under the mark, then reports the failure the client would see. */
    const uncertain =
      (landed: boolean): StartTurn =>
      ({ beforeCommit }) =>
        new Observable<ChatResponse>((subscriber) => {
          starts++;
          void (async () => {
            const original = (await sessions.get(SESSION))!;
            const events = [chatEvent(SESSION, 1), chatEvent(SESSION, 2, 'done')];
            await beforeCommit({ version: original.version, lastEventSeq: original.lastEventSeq, events: 2 });
            if (landed) await sessions.save(nextState(original, events), original.version, events, { ttlMs: 60_000 });
            subscriber.next(live(0, 'error', { code: 'STORE_UNAVAILABLE', message: 'x', retryable: true }));
            subscriber.next(live(0, 'done'));
            subscriber.complete();
          })();
        });

    it('replays the events from the log when the commit landed', async () => {
      await all(turns.run(OWNER, SESSION, 'k', INPUT, uncertain(true)));
      const retry = await all(turns.run(OWNER, SESSION, 'k', INPUT, committingTurn()));
      expect(retry).toEqual([chatEvent(SESSION, 1), chatEvent(SESSION, 2, 'done')]);
      expect(starts).toBe(1);
      expect((await sessions.get(SESSION))!.version).toBe(1);
    });

    it('runs the turn again when it did not land', async () => {
      await all(turns.run(OWNER, SESSION, 'k', INPUT, uncertain(false)));
      const retry = await all(turns.run(OWNER, SESSION, 'k', INPUT, committingTurn()));
      expect(retry.map((event) => event.seq)).toEqual([1, 2]);
      expect(starts).toBe(2);
    });

    it('runs it again when another commit came first (this one cannot have landed)', async () => {
      await all(turns.run(OWNER, SESSION, 'k', INPUT, uncertain(false)));
      await all(turns.run(OWNER, SESSION, 'other-key', { text: 'other' }, committingTurn(3)));
      const retry = await all(turns.run(OWNER, SESSION, 'k', INPUT, committingTurn()));
      expect(retry.map((event) => event.seq)).toEqual([4, 5]);
    });
  });

  it('takes over from an attempt presumed dead, which then may not commit', async () => {
    let firstMark: ((mark: CommitMark) => Promise<void>) | undefined;
    const stuck: StartTurn = ({ beforeCommit }) => {
      firstMark = beforeCommit;
      return new Subject<ChatResponse>();
    };
    const abandoned = turns.run(OWNER, SESSION, 'k', INPUT, stuck).subscribe({ error: () => undefined });
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(10_000 + 5_001);
    const retry = await all(turns.run(OWNER, SESSION, 'k', INPUT, committingTurn()));
    expect(retry.map((event) => event.seq)).toEqual([1, 2]);
    await expect(firstMark!({ version: 0, lastEventSeq: 0, events: 2 })).rejects.toMatchObject({ code: 'TURN_IN_PROGRESS' });
    abandoned.unsubscribe();
  });

  it('validates the header', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey('4f0c9a1e-retry')).toBe('4f0c9a1e-retry');
    for (const bad of ['', 'has space', 'x'.repeat(256), 'é']) {
      expect(() => parseIdempotencyKey(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });

  it('passes the first event through before the turn completes (streaming is kept)', async () => {
    const gate = new Subject<ChatResponse>();
    const first = firstValueFrom(turns.run(OWNER, SESSION, 'k', INPUT, () => gate));
    await new Promise((resolve) => setImmediate(resolve));
    gate.next(live(0, 'delta'));
    expect(await first).toMatchObject({ type: 'delta' });
  });
});
