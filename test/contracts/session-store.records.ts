import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ConversationState } from '../../src/conversation/state.js';
import { thaw } from '../../src/conversation/store/frozen.js';
import { type SessionStore, VersionConflictError } from '../../src/conversation/store/session-store.js';
import { chatEvent, nextEvents, nextState, OWNER, sessionState } from './session-fixtures.js';
import { type ContractScope, EVENT_LOG_CAP, LONG_TTL } from './session-store.harness.js';

/** The records themselves: create, get, the compare-and-set save with its event log, delete. */
export function sessionRecordTests(scope: ContractScope): void {
  const name = scope.name;
  const now = () => scope.now();
  let store: SessionStore;
  beforeEach(() => {
    store = scope.store;
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
    it(`${name}#create takes the state over: it is frozen, so the caller's object cannot change what is stored`, async () => {
      const state = sessionState('s1', now());
      await store.create(state, LONG_TTL);
      expect(() => (state.phase = nextState(state, []).phase)).toThrow(TypeError);
      expect(() => state.context.transcript.push({ role: 'user', text: 'changed after create' })).toThrow(TypeError);

      const stored = await store.get('s1');
      expect(stored).toEqual(sessionState('s1', state.createdAt));
    });

    it(`${name}#get returns a frozen state: changing it in place throws and changes nothing`, async () => {
      await store.create(sessionState('s1', now()), LONG_TTL);
      const first = thaw<ConversationState>((await store.get('s1'))!);
      expect(() => first.context.transcript.push({ role: 'user', text: 'mine' })).toThrow(TypeError);
      expect(() => (first.version = 42)).toThrow(TypeError);
      expect(() => (first.context.requirements.goal.value = 'mine')).toThrow(TypeError);

      const second = await store.get('s1');
      expect(second?.version).toBe(0);
      expect(second?.context.transcript).toEqual([]);
      expect(second?.context.requirements.goal.value).toBeNull();
    });

    it(`${name}#save keeps the saved state frozen and hands it out as saved`, async () => {
      const created = sessionState('s1', now());
      await store.create(created, LONG_TTL);
      const next = nextState(created, [], { context: { ...created.context, transcript: [{ role: 'user', text: 'hello' }] } });
      await store.save(next, 0, [], LONG_TTL);
      const stored = await store.get('s1');
      expect(stored).toEqual(next);
      expect(Object.isFrozen(stored)).toBe(true);
      expect(Object.isFrozen(stored?.context.transcript[0])).toBe(true);
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

    it(`${name}#save at rest (a finished conversation) changes nothing a caller reads, then or after later saves`, async () => {
      let state = sessionState('s1', now());
      await store.create(state, LONG_TTL);
      const all = [];
      for (const [count, atRest] of [[2, false], [2, true], [1, false], [2, true]] as const) {
        const events = nextEvents(state, count);
        const next = nextState(state, events);
        await store.save(next, state.version, events, { ...LONG_TTL, atRest });
        all.push(...events);
        state = next;
        const kept = all.slice(-EVENT_LOG_CAP);
        expect(await store.get('s1')).toEqual(next);
        expect(await store.readEvents('s1', 0, 100)).toEqual(kept);
        expect(await store.readEvents('s1', kept[1]!.seq, 2)).toEqual(kept.slice(2, 4));
        expect(await store.readEvents('s1', kept.at(-1)!.seq, 100)).toEqual([]);
      }
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
}
