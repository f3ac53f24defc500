import { expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { ChatResponse } from '../../src/conversation/chat-response.js';
import type { ConversationState, SessionOwner } from '../../src/conversation/state.js';
import { type OauthStateRecord, type SessionStore, VersionConflictError } from '../../src/conversation/store/session-store.js';
import type { SessionStoreInitializer } from './session-store.harness.js';
import { nextEvents, nextState, oauthRecord, sessionState } from './session-fixtures.js';

/**
 * Model-based test of the store: random command sequences run against the store and against a
 * plain model of what the contract promises; after every command the answers must agree.
 * Nothing here waits on time: every TTL is far away, so real and fake clocks behave alike.
 */

const CAP = 4;
const TTL = { ttlMs: 120_000 };
const LEASE_MS = 120_000;
const SESSION_IDS = ['s0', 's1', 's2'] as const;
const OWNERS: readonly SessionOwner[] = [
  { tenantId: 't1', userId: 'u1' },
  { tenantId: 't1', userId: 'u2' },
  { tenantId: 't2', userId: 'u1' },
];
const OAUTH_STATES = ['o0', 'o1'] as const;
/** Model time starts here; it moves one ms per create or touch, so timestamps never tie. */
const T0 = Date.UTC(2026, 0, 1);

interface Model {
  sessions: Map<string, { state: ConversationState; events: ChatResponse[] }>;
  leases: Map<string, string>;
  oauth: Map<string, OauthStateRecord>;
  tick: number;
}

type StoreCommand = fc.AsyncCommand<Model, SessionStore>;

class Create implements StoreCommand {
  constructor(
    private readonly id: string,
    private readonly owner: SessionOwner,
  ) {}
  check = () => true;
  async run(model: Model, store: SessionStore): Promise<void> {
    const state = sessionState(this.id, model.tick, this.owner);
    if (model.sessions.has(this.id)) {
      await expect(store.create(state, TTL)).rejects.toThrow();
      return;
    }
    model.tick++;
    await store.create(state, TTL);
    model.sessions.set(this.id, { state, events: [] });
  }
  toString = () => `create(${this.id}, ${this.owner.tenantId}/${this.owner.userId})`;
}

class Get implements StoreCommand {
  constructor(private readonly id: string) {}
  check = () => true;
  async run(model: Model, store: SessionStore): Promise<void> {
    expect(await store.get(this.id)).toEqual(model.sessions.get(this.id)?.state ?? null);
  }
  toString = () => `get(${this.id})`;
}

class Save implements StoreCommand {
  constructor(
    private readonly id: string,
    private readonly eventCount: number,
    private readonly touch: boolean,
    private readonly expire: boolean,
  ) {}
  check = () => true;
  async run(model: Model, store: SessionStore): Promise<void> {
    const entry = model.sessions.get(this.id);
    if (!entry) {
      const ghost = nextState(sessionState(this.id, T0), []);
      await expect(store.save(ghost, 0, [], TTL)).rejects.toBeInstanceOf(VersionConflictError);
      return;
    }
    const events = nextEvents(entry.state, this.eventCount);
    const changes: Partial<ConversationState> = { updatedAt: model.tick };
    if (this.touch) changes.lastActivityAt = model.tick++;
    if (this.expire) Object.assign(changes, { status: 'expired', expiredAt: model.tick });
    const next = nextState(entry.state, events, changes);
    await store.save(next, entry.state.version, events, TTL);
    entry.state = next;
    entry.events = entry.events.concat(events).slice(-CAP);
  }
  toString = () => `save(${this.id}, events=${this.eventCount}, touch=${this.touch}, expire=${this.expire})`;
}

class StaleSave implements StoreCommand {
  /** `skew` ≠ 0 moves the expected version off the stored one; 0 keeps it but skips a version. */
  constructor(
    private readonly id: string,
    private readonly skew: number,
  ) {}
  check = (model: Readonly<Model>) => model.sessions.has(this.id);
  async run(model: Model, store: SessionStore): Promise<void> {
    const { state } = model.sessions.get(this.id)!;
    const events = nextEvents(state, 1);
    const expected = state.version + this.skew;
    const version = this.skew === 0 ? state.version + 2 : expected + 1;
    const wrong = { ...nextState(state, events, { draftAgentId: 'stale' }), version };
    await expect(store.save(wrong, expected, events, TTL)).rejects.toBeInstanceOf(VersionConflictError);
  }
  toString = () => `staleSave(${this.id}, skew=${this.skew})`;
}

class Delete implements StoreCommand {
  constructor(private readonly id: string) {}
  check = () => true;
  async run(model: Model, store: SessionStore): Promise<void> {
    await store.delete(this.id);
    model.sessions.delete(this.id);
    model.leases.delete(this.id);
  }
  toString = () => `delete(${this.id})`;
}

class ListByOwner implements StoreCommand {
  constructor(private readonly owner: SessionOwner) {}
  check = () => true;
  async run(model: Model, store: SessionStore): Promise<void> {
    const expected = [...model.sessions.values()]
      .map((entry) => entry.state)
      .filter((state) => state.tenantId === this.owner.tenantId && state.userId === this.owner.userId)
      .sort((a, b) => b.createdAt - a.createdAt);
    expect(await store.listByOwner(this.owner)).toEqual(expected);
  }
  toString = () => `listByOwner(${this.owner.tenantId}/${this.owner.userId})`;
}

class FindIdle implements StoreCommand {
  constructor(
    private readonly cut: number,
    private readonly limit: number,
  ) {}
  check = () => true;
  async run(model: Model, store: SessionStore): Promise<void> {
    const before = T0 + this.cut;
    const expected = [...model.sessions.values()]
      .map((entry) => entry.state)
      .filter((state) => state.status === 'active' && state.lastActivityAt < before)
      .sort((a, b) => a.lastActivityAt - b.lastActivityAt)
      .slice(0, this.limit)
      .map((state) => state.sessionId);
    expect(await store.findIdle(before, this.limit)).toEqual(expected);
  }
  toString = () => `findIdle(T0+${this.cut}, ${this.limit})`;
}

class ReadEvents implements StoreCommand {
  constructor(
    private readonly id: string,
    private readonly afterSeq: number,
    private readonly limit: number,
  ) {}
  check = () => true;
  async run(model: Model, store: SessionStore): Promise<void> {
    const events = model.sessions.get(this.id)?.events ?? [];
    const expected = events.filter((event) => event.seq > this.afterSeq).slice(0, this.limit);
    expect(await store.readEvents(this.id, this.afterSeq, this.limit)).toEqual(expected);
  }
  toString = () => `readEvents(${this.id}, after=${this.afterSeq}, limit=${this.limit})`;
}

class AcquireLease implements StoreCommand {
  constructor(private readonly id: string) {}
  check = () => true;
  async run(model: Model, store: SessionStore): Promise<void> {
    const token = await store.acquireLease(this.id, LEASE_MS);
    if (model.leases.has(this.id)) {
      expect(token).toBeNull();
    } else {
      expect(token).toEqual(expect.any(String));
      model.leases.set(this.id, token!);
    }
    expect(await store.isLeased(this.id)).toBe(true);
  }
  toString = () => `acquireLease(${this.id})`;
}

class ReleaseLease implements StoreCommand {
  constructor(
    private readonly id: string,
    private readonly byHolder: boolean,
  ) {}
  check = () => true;
  async run(model: Model, store: SessionStore): Promise<void> {
    const held = model.leases.get(this.id);
    await store.releaseLease(this.id, this.byHolder && held ? held : 'someone-else');
    if (this.byHolder) model.leases.delete(this.id);
    expect(await store.isLeased(this.id)).toBe(model.leases.has(this.id));
  }
  toString = () => `releaseLease(${this.id}, byHolder=${this.byHolder})`;
}

class PutOauthState implements StoreCommand {
  constructor(
    private readonly state: string,
    private readonly id: string,
  ) {}
  check = () => true;
  async run(model: Model, store: SessionStore): Promise<void> {
    const record = oauthRecord(this.state, this.id, model.tick + 60_000);
    await store.putOauthState(record, TTL.ttlMs);
    model.oauth.set(this.state, record);
  }
  toString = () => `putOauthState(${this.state} → ${this.id})`;
}

class TakeOauthState implements StoreCommand {
  constructor(private readonly state: string) {}
  check = () => true;
  async run(model: Model, store: SessionStore): Promise<void> {
    expect(await store.takeOauthState(this.state)).toEqual(model.oauth.get(this.state) ?? null);
    model.oauth.delete(this.state);
  }
  toString = () => `takeOauthState(${this.state})`;
}

const sessionId = fc.constantFrom(...SESSION_IDS);
const owner = fc.constantFrom(...OWNERS);
const oauthState = fc.constantFrom(...OAUTH_STATES);

const COMMANDS = [
  fc.tuple(sessionId, owner).map(([id, who]) => new Create(id, who)),
  sessionId.map((id) => new Get(id)),
  fc
    .tuple(sessionId, fc.integer({ min: 0, max: 3 }), fc.boolean(), fc.constantFrom(false, false, false, true))
    .map(([id, count, touch, expire]) => new Save(id, count, touch, expire)),
  fc.tuple(sessionId, fc.constantFrom(-2, -1, 0, 1)).map(([id, skew]) => new StaleSave(id, skew)),
  sessionId.map((id) => new Delete(id)),
  owner.map((who) => new ListByOwner(who)),
  fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 4 })).map(([cut, limit]) => new FindIdle(cut, limit)),
  fc
    .tuple(sessionId, fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 6 }))
    .map(([id, after, limit]) => new ReadEvents(id, after, limit)),
  sessionId.map((id) => new AcquireLease(id)),
  fc.tuple(sessionId, fc.boolean()).map(([id, byHolder]) => new ReleaseLease(id, byHolder)),
  fc.tuple(oauthState, sessionId).map(([state, id]) => new PutOauthState(state, id)),
  oauthState.map((state) => new TakeOauthState(state)),
];

/** Registers the model-based test for `init` (called by `sessionStoreContract`). */
export function sessionStoreModelTest(init: SessionStoreInitializer): void {
  it(`${init.name}#model agrees with a plain model over random command sequences`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(COMMANDS, { maxCommands: 60, size: 'max' }), async (commands) => {
        const harness = await init.create({ eventLogCap: CAP });
        try {
          const model: Model = { sessions: new Map(), leases: new Map(), oauth: new Map(), tick: T0 };
          await fc.asyncModelRun(() => ({ model, real: harness.store }), commands);
        } finally {
          await harness.cleanup();
        }
      }),
      { numRuns: 60 },
    );
  });
}
