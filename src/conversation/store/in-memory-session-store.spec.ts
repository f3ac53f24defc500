import { describe, expect, it } from '@jest/globals';
import { FakeClock } from '../../common/clock.js';
import { sessionStoreContract } from '../../../test/contracts/session-store.contract.js';
import { OWNER, sessionState } from '../../../test/contracts/session-fixtures.js';
import { InMemorySessionStore } from './in-memory-session-store.js';

sessionStoreContract({
  name: InMemorySessionStore.name,
  async create({ eventLogCap }) {
    const clock = new FakeClock();
    return {
      // Logs of two events and more are packed at rest, so that the contract reads packed logs too.
      store: new InMemorySessionStore(clock, { eventLogCap, packAtLeast: 2 }),
      clock,
      async advance(ms) {
        clock.advance(ms);
      },
      async cleanup() {},
    };
  },
});

describe(`${InMemorySessionStore.name} per-owner index`, () => {
  it('keeps no entry for an owner whose sessions are all gone (deleted or expired)', async () => {
    const clock = new FakeClock();
    const store = new InMemorySessionStore(clock, { eventLogCap: 10 });
    for (let owner = 0; owner < 500; owner++) {
      const state = sessionState(`s-${owner}`, clock.now(), { userId: `user-${owner}` });
      await store.create(state, { ttlMs: 60_000 });
      if (owner % 2 === 0) await store.delete(state.sessionId);
    }
    expect(store.indexedOwners).toBe(250);
    clock.advance(60_001);
    // Expired records are removed when they are next looked at.
    await store.findIdle(clock.now(), 1000);
    for (let owner = 1; owner < 500; owner += 2) expect(await store.get(`s-${owner}`)).toBeNull();
    expect(store.indexedOwners).toBe(0);
    expect(await store.listByOwner({ tenantId: OWNER.tenantId, userId: 'user-1' })).toEqual([]);
  });
});
