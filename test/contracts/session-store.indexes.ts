import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ChatResponse } from '../../src/conversation/chat-response.js';
import { type CommittedState, type SessionStore, VersionConflictError } from '../../src/conversation/store/session-store.js';
import { chatEvent, nextEvents, nextState, oauthRecord, OWNER, sessionState } from './session-fixtures.js';
import { type ContractScope, LONG_TTL, TTL_MS } from './session-store.harness.js';

/** Everything around the records: owner and idle indexes, leases, OAuth states, TTLs, ping. */
export function sessionIndexTests(scope: ContractScope): void {
  const name = scope.name;
  const now = () => scope.now();
  let store: SessionStore;
  beforeEach(() => {
    store = scope.store;
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

    it(`${name}#renewLease extends the lease for its holder only, and not once it ran out`, async () => {
      const token = await store.acquireLease('s1', TTL_MS);
      expect(await store.renewLease('s1', 'not-the-token', 60_000)).toBe(false);
      await scope.harness.advance(TTL_MS / 2);
      expect(await store.renewLease('s1', token!, TTL_MS * 2)).toBe(true);
      await scope.harness.advance(TTL_MS);
      // Past the lease as first taken, still held: the renewal counts from when it was made.
      expect(await store.isLeased('s1')).toBe(true);
      expect(await store.acquireLease('s1', 60_000)).toBeNull();
      await scope.harness.advance(TTL_MS * 2);
      expect(await store.isLeased('s1')).toBe(false);
      expect(await store.renewLease('s1', token!, 60_000)).toBe(false);
      const next = await store.acquireLease('s1', 60_000);
      expect(next).toEqual(expect.any(String));
      expect(await store.renewLease('s1', token!, 60_000)).toBe(false);
      expect(await store.renewLease('s1', next!, 60_000)).toBe(true);
      await store.releaseLease('s1', next!);
      expect(await store.renewLease('s1', next!, 60_000)).toBe(false);
      expect(await store.isLeased('s1')).toBe(false);
    });

    it(`${name}#acquireLease succeeds again once the lease expired, and the old holder cannot release it`, async () => {
      const first = await store.acquireLease('s1', TTL_MS / 2);
      await scope.harness.advance(TTL_MS);
      expect(await store.isLeased('s1')).toBe(false);

      const second = await store.acquireLease('s1', 60_000);
      expect(second).toEqual(expect.any(String));
      expect(second).not.toBe(first);
      await store.releaseLease('s1', first!);
      expect(await store.isLeased('s1')).toBe(true);
    });
  });

  describe('expireIdle (the batch path of the sweep)', () => {
    const expiredEvent = (tombstone: CommittedState): ChatResponse => ({
      ...chatEvent(tombstone.sessionId, tombstone.lastEventSeq, 'expired'),
      phase: tombstone.phase,
      data: { at: tombstone.expiredAt },
    });

    it(`${name}#expireIdle turns idle sessions nobody holds into tombstones with their event, and touches nothing else`, async () => {
      const t0 = now();
      const withEvents = nextState(sessionState('old-1', t0 - 3000), nextEvents(sessionState('old-1', t0), 2));
      await store.create(sessionState('old-1', t0 - 3000), LONG_TTL);
      await store.save(withEvents, 0, nextEvents(sessionState('old-1', t0), 2), LONG_TTL);
      await store.create(sessionState('old-2', t0 - 2000), LONG_TTL);
      await store.create(sessionState('busy', t0 - 2500), LONG_TTL);
      const fresh = sessionState('fresh', t0);
      await store.create(fresh, LONG_TTL);
      const lease = await store.acquireLease('busy', 60_000);

      const events = await store.expireIdle(t0 - 1000, t0, 10, { ttlMs: TTL_MS }, expiredEvent);
      expect(events.map((event) => [event.sessionId, event.seq, event.type])).toEqual([
        ['old-1', 3, 'expired'],
        ['old-2', 1, 'expired'],
      ]);
      expect(await store.get('old-1')).toMatchObject({ status: 'expired', expiredAt: t0, updatedAt: t0, version: 2, lastEventSeq: 3 });
      expect(await store.readEvents('old-1', 2, 10)).toEqual([events[0]]);
      expect(await store.get('busy')).toMatchObject({ status: 'active', version: 0 });
      expect(await store.get('fresh')).toEqual(fresh);
      expect(await store.findIdle(t0 + 1, 10)).toEqual(['busy', 'fresh']);
      await store.releaseLease('busy', lease!);

      // Tombstones keep the TTL they were given.
      await scope.harness.advance(TTL_MS + 1);
      expect(await store.get('old-2')).toBeNull();
      expect(await store.get('busy')).not.toBeNull();
    });

    it(`${name}#expireIdle expires at most limit sessions, oldest idle first`, async () => {
      const t0 = now();
      for (const [index, id] of ['a', 'b', 'c'].entries()) await store.create(sessionState(id, t0 - 3000 + index), LONG_TTL);
      expect((await store.expireIdle(t0, t0, 2, LONG_TTL, expiredEvent)).map((event) => event.sessionId)).toEqual(['a', 'b']);
      expect((await store.expireIdle(t0, t0, 2, LONG_TTL, expiredEvent)).map((event) => event.sessionId)).toEqual(['c']);
      expect(await store.expireIdle(t0, t0, 2, LONG_TTL, expiredEvent)).toEqual([]);
    });
  });

  describe('combined lease scripts', () => {
    it(`${name}#acquireLeaseAndGet takes the lease and reads the session in one step, and reads it when busy too`, async () => {
      const created = sessionState('s1', now());
      await store.create(created, LONG_TTL);
      const leased = await Promise.all(Array.from({ length: 4 }, () => store.acquireLeaseAndGet('s1', 60_000)));
      expect(leased.filter((read) => read.token !== null)).toHaveLength(1);
      for (const read of leased) expect(read.state).toEqual(created);
      expect(await store.isLeased('s1')).toBe(true);

      const missing = await store.acquireLeaseAndGet('nope', 60_000);
      expect(missing).toEqual({ token: expect.any(String), state: null });
    });

    it(`${name}#saveAndRelease commits and releases the lease in one step`, async () => {
      const created = sessionState('s1', now());
      await store.create(created, LONG_TTL);
      const { token } = await store.acquireLeaseAndGet('s1', 60_000);
      const events = nextEvents(created, 2);
      const saved = nextState(created, events);
      await store.saveAndRelease(saved, 0, events, LONG_TTL, token!);
      expect(await store.isLeased('s1')).toBe(false);
      expect(await store.get('s1')).toEqual(saved);
      expect((await store.readEvents('s1', 0, 10)).map((event) => event.seq)).toEqual([1, 2]);
    });

    it(`${name}#saveAndRelease on a conflict writes nothing, releases the lease and throws VersionConflictError`, async () => {
      const created = sessionState('s1', now());
      await store.create(created, LONG_TTL);
      const { token } = await store.acquireLeaseAndGet('s1', 60_000);
      const stale = nextState(nextState(created, []), nextEvents(created, 1));
      await expect(store.saveAndRelease(stale, 1, nextEvents(created, 1), LONG_TTL, token!)).rejects.toBeInstanceOf(VersionConflictError);
      expect(await store.isLeased('s1')).toBe(false);
      expect(await store.get('s1')).toEqual(created);
      expect(await store.readEvents('s1', 0, 10)).toEqual([]);
    });

    it(`${name}#saveAndRelease leaves a lease another token holds (the turn's own ran out and was taken)`, async () => {
      const created = sessionState('s1', now());
      await store.create(created, LONG_TTL);
      const stale = await store.acquireLease('s1', TTL_MS / 2);
      await scope.harness.advance(TTL_MS);
      const current = await store.acquireLease('s1', 60_000);
      await store.saveAndRelease(nextState(created, []), 0, [], LONG_TTL, stale!);
      expect(await store.isLeased('s1')).toBe(true);
      await store.releaseLease('s1', current!);
      expect(await store.isLeased('s1')).toBe(false);
    });
  });

  describe('turn quota (counted with the lease)', () => {
    const quota = (points: number, owner = OWNER) => ({ owner, points, windowMs: TTL_MS });

    it(`${name}#acquireLeaseAndGet counts the owner's turns and refuses past the points, taking and reading nothing`, async () => {
      await store.create(sessionState('s1', now()), LONG_TTL);
      for (let turn = 0; turn < 2; turn++) {
        const { token } = await store.acquireLeaseAndGet('s1', 60_000, quota(2));
        expect(token).toEqual(expect.any(String));
        await store.releaseLease('s1', token!);
      }
      const refused = await store.acquireLeaseAndGet('s1', 60_000, quota(2));
      expect(refused).toEqual({ token: null, state: null, retryAfterMs: expect.any(Number) });
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(TTL_MS);
      expect(await store.isLeased('s1')).toBe(false);

      // Another user, and the same user id in another tenant, have their own windows.
      expect((await store.acquireLeaseAndGet('s2', 60_000, quota(2, { ...OWNER, userId: 'other' }))).retryAfterMs).toBeUndefined();
      expect((await store.acquireLeaseAndGet('s3', 60_000, quota(2, { ...OWNER, tenantId: 'other' }))).retryAfterMs).toBeUndefined();
    });

    it(`${name}#acquireLeaseAndGet starts a new window once the last one ran out`, async () => {
      await store.create(sessionState('s1', now()), LONG_TTL);
      const { token } = await store.acquireLeaseAndGet('s1', 60_000, quota(1));
      await store.releaseLease('s1', token!);
      expect((await store.acquireLeaseAndGet('s1', 60_000, quota(1))).retryAfterMs).toBeDefined();
      await scope.harness.advance(TTL_MS + 50);
      const again = await store.acquireLeaseAndGet('s1', 60_000, quota(1));
      expect(again.token).toEqual(expect.any(String));
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

    it(`${name}#peekOauthState reads the record without taking it`, async () => {
      const record = oauthRecord('st-1', 's1', now() + 60_000);
      await store.putOauthState(record, 60_000);
      expect(await store.peekOauthState('st-1')).toEqual(record);
      expect(await store.peekOauthState('st-1')).toEqual(record);
      expect(await store.takeOauthState('st-1')).toEqual(record);
      expect(await store.peekOauthState('st-1')).toBeNull();
      expect(await store.peekOauthState('unknown')).toBeNull();
    });

    it(`${name}#takeOauthState finds nothing once the record's TTL ran out`, async () => {
      const long = oauthRecord('long', 's1', now() + 60_000);
      await store.putOauthState(oauthRecord('short', 's1', now() + TTL_MS), TTL_MS / 2);
      await store.putOauthState(long, 60_000);
      await scope.harness.advance(TTL_MS);
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

      await scope.harness.advance(TTL_MS + 200);

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
      await scope.harness.advance(TTL_MS / 2);
      const events = nextEvents(created, 1);
      await store.save(nextState(created, events), 0, events, { ttlMs: TTL_MS });

      // Past the first TTL, within the second.
      await scope.harness.advance(TTL_MS * (2 / 3));
      expect((await store.get('s1'))?.version).toBe(1);
      expect(await store.readEvents('s1', 0, 10)).toEqual(events);

      await scope.harness.advance(TTL_MS);
      expect(await store.get('s1')).toBeNull();
    });

    it(`${name}#save of a tombstone keeps it for its own TTL, out of the idle index`, async () => {
      const created = sessionState('s1', now());
      await store.create(created, LONG_TTL);
      const tombstone = nextState(created, [], { status: 'expired', expiredAt: now() });
      await store.save(tombstone, 0, [], { ttlMs: TTL_MS });

      expect(await store.get('s1')).toEqual(tombstone);
      expect(await store.findIdle(now() + 60_000, 10)).toEqual([]);
      await scope.harness.advance(TTL_MS + 200);
      expect(await store.get('s1')).toBeNull();
      expect(await store.listByOwner(OWNER)).toEqual([]);
    });
  });

  it(`${name}#ping answers`, async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
}
