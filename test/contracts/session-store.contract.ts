import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Clock } from '../../src/common/clock.js';
import type { ConversationState } from '../../src/conversation/state.js';
import { type SessionStore, VersionConflictError } from '../../src/conversation/store/session-store.js';
import { chatEvent, nextEvents, nextState, oauthRecord, OWNER, sessionState } from './session-fixtures.js';
import { sessionStoreModelTest } from './session-store.model.js';

/** One store under test, isolated from every other (its own keys, its own memory). */
export interface SessionStoreHarness {
  store: SessionStore;
  /** Stamps states the way the service does. */
  clock: Clock;
  /** Lets `ms` pass for the store's TTLs: a fake clock advances, a real one sleeps. */
  advance(ms: number): Promise<void>;
  /** Removes what the test left behind; may assert on it (e.g. that every key has a TTL). */
  cleanup(): Promise<void>;
}

export interface SessionStoreHarnessOptions {
  /** Durable events kept per session. */
  eventLogCap: number;
}

/** How a backend takes part in the suite (langgraphjs checkpoint-validation style). */
export interface SessionStoreInitializer {
  /** Prefix of every test name: `${name}#save …`. */
  name: string;
  create(options: SessionStoreHarnessOptions): Promise<SessionStoreHarness>;
}

/** Event log cap of the example tests. */
export const EVENT_LOG_CAP = 5;
/** A TTL short enough to wait out against a real clock, long enough for a busy machine. */
const TTL_MS = 600;
const LONG_TTL = { ttlMs: 60_000 };

/**
 * The `SessionStore` contract, run against each implementation by an initializer. It never asks
 * which implementation it has: what one store must do, every store must do.
 */
export function sessionStoreContract(init: SessionStoreInitializer): void {
  const name = init.name;

  describe(`${name} SessionStore contract`, () => {
    let harness: SessionStoreHarness;
    let store: SessionStore;
    let now: () => number;

    beforeEach(async () => {
      harness = await init.create({ eventLogCap: EVENT_LOG_CAP });
      store = harness.store;
      now = () => harness.clock.now();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    /** Creates `id` and saves one turn with `eventCount` events; returns the saved state. */
    async function sessionWithEvents(id: string, eventCount: number): Promise<ConversationState> {
      const created = sessionState(id, now());
      await store.create(created, LONG_TTL);
      const events = nextEvents(created, eventCount);
      const saved = nextState(created, events);
      await store.save(saved, 0, events, LONG_TTL);
      return saved;
    }

    describe('create and get', () => {
      it(`${name}#create stores a copy that later changes to the caller's object do not reach`, async () => {
        const state = sessionState('s1', now());
        await store.create(state, LONG_TTL);
        state.phase = nextState(state, []).phase;
        state.context.transcript.push({ role: 'user', text: 'changed after create' });

        const stored = await store.get('s1');
        expect(stored).toEqual(sessionState('s1', state.createdAt));
      });

      it(`${name}#get returns a copy the caller may change`, async () => {
        await store.create(sessionState('s1', now()), LONG_TTL);
        const first = await store.get('s1');
        first!.context.transcript.push({ role: 'user', text: 'mine' });
        first!.version = 42;

        const second = await store.get('s1');
        expect(second?.version).toBe(0);
        expect(second?.context.transcript).toEqual([]);
      });

      it(`${name}#get returns null for an unknown session`, async () => {
        expect(await store.get('nope')).toBeNull();
      });

      it(`${name}#create refuses an id that exists`, async () => {
        await store.create(sessionState('s1', now()), LONG_TTL);
        await expect(store.create(sessionState('s1', now(), { userId: 'other' }), LONG_TTL)).rejects.toThrow();
        expect((await store.get('s1'))?.userId).toBe(OWNER.userId);
      });
    });

    describe('save', () => {
      it(`${name}#save writes the next version`, async () => {
        const created = sessionState('s1', now());
        await store.create(created, LONG_TTL);
        const next = nextState(created, [], { draftAgentId: 'draft-1' });
        await store.save(next, 0, [], LONG_TTL);
        expect(await store.get('s1')).toEqual(next);
      });

      it(`${name}#save with a stale expected version conflicts, writes nothing and appends no event`, async () => {
        const saved = await sessionWithEvents('s1', 2);
        const stale = nextState(sessionState('s1', saved.createdAt), [chatEvent('s1', 3)], { draftAgentId: 'stale' });

        await expect(store.save(stale, 0, [chatEvent('s1', 3)], LONG_TTL)).rejects.toBeInstanceOf(VersionConflictError);
        expect(await store.get('s1')).toEqual(saved);
        expect((await store.readEvents('s1', 0, 100)).map((event) => event.seq)).toEqual([1, 2]);
      });

      it(`${name}#save requires the new version to be the expected one plus one`, async () => {
        const created = sessionState('s1', now());
        await store.create(created, LONG_TTL);
        const events = nextEvents(created, 1);
        for (const version of [0, 2, 5]) {
          const wrong = { ...nextState(created, events), version };
          await expect(store.save(wrong, 0, events, LONG_TTL)).rejects.toBeInstanceOf(VersionConflictError);
        }
        expect(await store.get('s1')).toEqual(created);
        expect(await store.readEvents('s1', 0, 100)).toEqual([]);
      });

      it(`${name}#save of an unknown session conflicts and creates nothing`, async () => {
        const ghost = nextState(sessionState('ghost', now()), []);
        await expect(store.save(ghost, 0, [], LONG_TTL)).rejects.toBeInstanceOf(VersionConflictError);
        expect(await store.get('ghost')).toBeNull();
        expect(await store.listByOwner(OWNER)).toEqual([]);
      });

      it(`${name}#save lets exactly one of several concurrent writers of one version commit`, async () => {
        const created = sessionState('s1', now());
        await store.create(created, LONG_TTL);
        const writers = Array.from({ length: 8 }, (_, i) => {
          const events = [chatEvent('s1', 1)];
          return store.save(nextState(created, events, { draftAgentId: `writer-${i}` }), 0, events, LONG_TTL);
        });
        const results = await Promise.allSettled(writers);

        const committed = results.filter((result) => result.status === 'fulfilled');
        expect(committed).toHaveLength(1);
        for (const result of results) {
          if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(VersionConflictError);
        }
        const winner = results.indexOf(committed[0]!);
        expect((await store.get('s1'))?.draftAgentId).toBe(`writer-${winner}`);
        expect(await store.readEvents('s1', 0, 100)).toHaveLength(1);
      });

      it(`${name}#save appends events in order across turns`, async () => {
        let state = sessionState('s1', now());
        await store.create(state, LONG_TTL);
        const all = [];
        for (const count of [2, 0, 1]) {
          const events = nextEvents(state, count);
          const next = nextState(state, events);
          await store.save(next, state.version, events, LONG_TTL);
          all.push(...events);
          state = next;
        }
        expect(await store.readEvents('s1', 0, 100)).toEqual(all);
      });

      it(`${name}#save keeps only the newest ${EVENT_LOG_CAP} events`, async () => {
        let state = sessionState('s1', now());
        await store.create(state, LONG_TTL);
        for (const count of [3, 4]) {
          const events = nextEvents(state, count);
          const next = nextState(state, events);
          await store.save(next, state.version, events, LONG_TTL);
          state = next;
        }
        const kept = await store.readEvents('s1', 0, 100);
        expect(kept.map((event) => event.seq)).toEqual([3, 4, 5, 6, 7]);
      });

      it(`${name}#save stores copies of the events`, async () => {
        const created = sessionState('s1', now());
        await store.create(created, LONG_TTL);
        const events = nextEvents(created, 1);
        await store.save(nextState(created, events), 0, events, LONG_TTL);
        events[0]!.content = 'changed by the caller';
        (await store.readEvents('s1', 0, 10))[0]!.actions.length = 0;

        expect(await store.readEvents('s1', 0, 10)).toEqual(nextEvents(created, 1));
      });
    });

    describe('readEvents', () => {
      it(`${name}#readEvents returns the events after a seq, oldest first, at most limit`, async () => {
        await sessionWithEvents('s1', 4);
        const seqs = async (after: number, limit: number) =>
          (await store.readEvents('s1', after, limit)).map((event) => event.seq);

        expect(await seqs(0, 100)).toEqual([1, 2, 3, 4]);
        expect(await seqs(2, 100)).toEqual([3, 4]);
        expect(await seqs(1, 2)).toEqual([2, 3]);
        expect(await seqs(4, 100)).toEqual([]);
        expect(await store.readEvents('unknown', 0, 100)).toEqual([]);
      });
    });

    describe('delete', () => {
      it(`${name}#delete removes the state, its events, its lease and its index entries`, async () => {
        await sessionWithEvents('s1', 2);
        await store.acquireLease('s1', 60_000);

        await store.delete('s1');

        expect(await store.get('s1')).toBeNull();
        expect(await store.readEvents('s1', 0, 100)).toEqual([]);
        expect(await store.isLeased('s1')).toBe(false);
        expect(await store.listByOwner(OWNER)).toEqual([]);
        expect(await store.findIdle(now() + 1, 10)).toEqual([]);
      });

      it(`${name}#delete is idempotent and the id can be used again with an empty log`, async () => {
        await sessionWithEvents('s1', 2);
        await store.delete('s1');
        await store.delete('s1');
        await store.delete('never-existed');

        const again = sessionState('s1', now());
        await store.create(again, LONG_TTL);
        expect(await store.get('s1')).toEqual(again);
        expect(await store.readEvents('s1', 0, 100)).toEqual([]);
        const events = nextEvents(again, 1);
        await store.save(nextState(again, events), 0, events, LONG_TTL);
        expect(await store.readEvents('s1', 0, 100)).toEqual(events);
      });
    });

    describe('listByOwner', () => {
      it(`${name}#listByOwner lists the owner's sessions, newest first, tombstones included`, async () => {
        const t = now();
        await store.create(sessionState('old', t), LONG_TTL);
        await store.create(sessionState('new', t + 2), LONG_TTL);
        const middle = sessionState('middle', t + 1);
        await store.create(middle, LONG_TTL);
        await store.save(nextState(middle, [], { status: 'expired', expiredAt: t + 3 }), 0, [], LONG_TTL);

        const listed = await store.listByOwner(OWNER);
        expect(listed.map((state) => state.sessionId)).toEqual(['new', 'middle', 'old']);
        expect(listed[1]?.status).toBe('expired');
      });

      it(`${name}#listByOwner is scoped by tenant and user`, async () => {
        const t = now();
        await store.create(sessionState('mine', t), LONG_TTL);
        await store.create(sessionState('other-user', t, { userId: 'user-2' }), LONG_TTL);
        await store.create(sessionState('other-tenant', t, { tenantId: 'tenant-b' }), LONG_TTL);
        // Ids that would collide if the index key were a plain `tenant:user` join.
        await store.create(sessionState('colon-a', t, { tenantId: 'x:y', userId: 'z' }), LONG_TTL);
        await store.create(sessionState('colon-b', t, { tenantId: 'x', userId: 'y:z' }), LONG_TTL);

        const ids = async (tenantId: string, userId: string) =>
          (await store.listByOwner({ tenantId, userId })).map((state) => state.sessionId);
        expect(await ids(OWNER.tenantId, OWNER.userId)).toEqual(['mine']);
        expect(await ids(OWNER.tenantId, 'user-2')).toEqual(['other-user']);
        expect(await ids('tenant-b', OWNER.userId)).toEqual(['other-tenant']);
        expect(await ids('x:y', 'z')).toEqual(['colon-a']);
        expect(await ids('x', 'y:z')).toEqual(['colon-b']);
        expect(await ids('nobody', 'nobody')).toEqual([]);
      });
    });

    describe('findIdle', () => {
      it(`${name}#findIdle finds active sessions idle before a time, oldest first, at most limit`, async () => {
        const t = now();
        for (const [id, offset] of [['c', 30], ['a', 10], ['d', 40], ['b', 20]] as const) {
          await store.create(sessionState(id, t + offset), LONG_TTL);
        }
        expect(await store.findIdle(t + 35, 10)).toEqual(['a', 'b', 'c']);
        expect(await store.findIdle(t + 35, 2)).toEqual(['a', 'b']);
        // `before` is exclusive.
        expect(await store.findIdle(t + 30, 10)).toEqual(['a', 'b']);
        expect(await store.findIdle(t, 10)).toEqual([]);
        expect(await store.findIdle(t + 100, 0)).toEqual([]);
      });

      it(`${name}#findIdle follows activity and leaves expired sessions out`, async () => {
        const t = now();
        const a = sessionState('a', t + 10);
        const b = sessionState('b', t + 20);
        await store.create(a, LONG_TTL);
        await store.create(b, LONG_TTL);
        await store.create(sessionState('c', t + 30), LONG_TTL);

        await store.save(nextState(a, [], { lastActivityAt: t + 50 }), 0, [], LONG_TTL);
        await store.save(nextState(b, [], { status: 'expired', expiredAt: t + 60 }), 0, [], LONG_TTL);

        expect(await store.findIdle(t + 100, 10)).toEqual(['c', 'a']);
      });
    });

    describe('leases', () => {
      it(`${name}#acquireLease hands out one lease at a time, also to concurrent callers`, async () => {
        const tokens = await Promise.all(Array.from({ length: 6 }, () => store.acquireLease('s1', 60_000)));
        const granted = tokens.filter((token) => token !== null);
        expect(granted).toHaveLength(1);
        expect(granted[0]).toEqual(expect.any(String));
        expect(await store.isLeased('s1')).toBe(true);
        expect(await store.isLeased('s2')).toBe(false);
        expect(await store.acquireLease('s2', 60_000)).toEqual(expect.any(String));
      });

      it(`${name}#releaseLease releases only for the holder's token`, async () => {
        const token = await store.acquireLease('s1', 60_000);
        await store.releaseLease('s1', 'not-the-token');
        expect(await store.isLeased('s1')).toBe(true);
        expect(await store.acquireLease('s1', 60_000)).toBeNull();

        await store.releaseLease('s1', token!);
        expect(await store.isLeased('s1')).toBe(false);
        expect(await store.acquireLease('s1', 60_000)).toEqual(expect.any(String));
      });

      it(`${name}#acquireLease succeeds again once the lease expired, and the old holder cannot release it`, async () => {
        const first = await store.acquireLease('s1', TTL_MS / 2);
        await harness.advance(TTL_MS);
        expect(await store.isLeased('s1')).toBe(false);

        const second = await store.acquireLease('s1', 60_000);
        expect(second).toEqual(expect.any(String));
        expect(second).not.toBe(first);
        await store.releaseLease('s1', first!);
        expect(await store.isLeased('s1')).toBe(true);
      });
    });

    describe('OAuth state', () => {
      it(`${name}#takeOauthState returns the record once`, async () => {
        const record = oauthRecord('st-1', 's1', now() + 60_000);
        await store.putOauthState(record, 60_000);
        expect(await store.takeOauthState('st-1')).toEqual(record);
        expect(await store.takeOauthState('st-1')).toBeNull();
        expect(await store.takeOauthState('unknown')).toBeNull();
      });

      it(`${name}#takeOauthState gives the record to exactly one of two concurrent callers`, async () => {
        const record = oauthRecord('st-1', 's1', now() + 60_000);
        await store.putOauthState(record, 60_000);
        const taken = await Promise.all([store.takeOauthState('st-1'), store.takeOauthState('st-1')]);
        expect(taken.filter((found) => found !== null)).toEqual([record]);
      });

      it(`${name}#takeOauthState finds nothing once the record's TTL ran out`, async () => {
        const long = oauthRecord('long', 's1', now() + 60_000);
        await store.putOauthState(oauthRecord('short', 's1', now() + TTL_MS), TTL_MS / 2);
        await store.putOauthState(long, 60_000);
        await harness.advance(TTL_MS);
        expect(await store.takeOauthState('short')).toBeNull();
        expect(await store.takeOauthState('long')).toEqual(long);
      });
    });

    describe('TTL', () => {
      it(`${name}#create honours the TTL: the session, its events and its index entries go`, async () => {
        const created = sessionState('s1', now());
        await store.create(created, { ttlMs: TTL_MS });
        const events = nextEvents(created, 2);
        await store.save(nextState(created, events), 0, events, { ttlMs: TTL_MS });
        await store.create(sessionState('keeper', now()), LONG_TTL);

        await harness.advance(TTL_MS + 200);

        // Indexes first: reading the session itself must not be what tidies them.
        expect(await store.findIdle(now() + 60_000, 10)).toEqual(['keeper']);
        expect((await store.listByOwner(OWNER)).map((state) => state.sessionId)).toEqual(['keeper']);
        expect(await store.readEvents('s1', 0, 100)).toEqual([]);
        expect(await store.get('s1')).toBeNull();
        await expect(store.save(nextState(created, []), 0, [], LONG_TTL)).rejects.toBeInstanceOf(VersionConflictError);
      });

      it(`${name}#save slides the TTL`, async () => {
        const created = sessionState('s1', now());
        await store.create(created, { ttlMs: TTL_MS });
        await harness.advance(TTL_MS / 2);
        const events = nextEvents(created, 1);
        await store.save(nextState(created, events), 0, events, { ttlMs: TTL_MS });

        // Past the first TTL, within the second.
        await harness.advance(TTL_MS * (2 / 3));
        expect((await store.get('s1'))?.version).toBe(1);
        expect(await store.readEvents('s1', 0, 10)).toEqual(events);

        await harness.advance(TTL_MS);
        expect(await store.get('s1')).toBeNull();
      });

      it(`${name}#save of a tombstone keeps it for its own TTL, out of the idle index`, async () => {
        const created = sessionState('s1', now());
        await store.create(created, LONG_TTL);
        const tombstone = nextState(created, [], { status: 'expired', expiredAt: now() });
        await store.save(tombstone, 0, [], { ttlMs: TTL_MS });

        expect(await store.get('s1')).toEqual(tombstone);
        expect(await store.findIdle(now() + 60_000, 10)).toEqual([]);
        await harness.advance(TTL_MS + 200);
        expect(await store.get('s1')).toBeNull();
        expect(await store.listByOwner(OWNER)).toEqual([]);
      });
    });

    it(`${name}#ping answers`, async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    sessionStoreModelTest(init);
  });
}
