import { randomUUID } from 'node:crypto';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Clock } from '../../common/clock.js';
import type { ChatResponse } from '../chat-response.js';
import type { ConversationState, SessionOwner } from '../state.js';
import { eventJson } from '../event-json.js';
import { deepFreeze, thaw } from './frozen.js';
import {
  type CommittedState,
  type ExpiredEvent,
  type LeasedRead,
  type OauthStateRecord,
  type SaveOptions,
  type TurnQuota,
  type SessionStore,
  VersionConflictError,
} from './session-store.js';

interface StoredSession {
  /**
   * The committed state, deep-frozen and handed out as it is: no copy, parse or stringify per turn
   * (they were about half of an in-process turn). Nobody can change it, so nobody can alias stored data.
   * Null while the state is packed (`packedState`); read it with `stateOf`.
   */
  state: CommittedState | null;
  /**
   * A finished conversation's state as deflated JSON (latin1): 10 KB of frozen objects become about 2 KB.
   * Read back (inflated, parsed, frozen) on each `get` until the next save: such sessions are read rarely.
   */
  packedState: string | null;
  version: number;
  status: ConversationState['status'];
  lastActivityAt: number;
  ownerKey: string;
  expiresAt: number;
  events: StoredEvent[];
  /** The older part of the log, packed once the conversation was finished; `events` follow it. */
  packed: PackedEvents | null;
}

/**
 * A logged event, serialised like the state. Kept as JSON rather than as a cloned object: a finished
 * conversation's ~40 events took about 30 KB of heap as objects and take half that as strings, and
 * `/events` replays, the only readers, are rare next to the saves that write them.
 */
interface StoredEvent {
  seq: number;
  json: string;
}

/**
 * A finished conversation's logged events as one deflated JSON array (its ~37 events: 18 KB of JSON,
 * 25 KB of heap as strings; about 3 KB packed). Kept as a latin1 string, so it sits on the JS heap one
 * byte per byte rather than in a Buffer's off-heap store. Deflated once, at the commit that finished
 * the conversation (about 60 µs here); inflated only by a replay of the log or a log grown past its cap.
 */
interface PackedEvents {
  count: number;
  lastSeq: number;
  deflated: string;
}

/** Logs shorter than this stay as they are at rest: deflate gains little on them. */
const PACK_AT_LEAST = 8;

function pack(events: readonly StoredEvent[]): PackedEvents {
  const json = `[${events.map((event) => event.json).join(',')}]`;
  return { count: events.length, lastSeq: events.at(-1)!.seq, deflated: deflated(json) };
}

const deflated = (json: string): string => deflateRawSync(json, { level: constants.Z_BEST_SPEED }).toString('latin1');
const inflated = (packed: string): string => inflateRawSync(Buffer.from(packed, 'latin1')).toString();

/** The record's committed state, unpacked when it is packed (a new frozen copy each time). */
function stateOf(record: StoredSession): CommittedState {
  return record.state ?? deepFreeze(JSON.parse(inflated(record.packedState!)) as ConversationState);
}

function unpack(packed: PackedEvents): ChatResponse[] {
  return JSON.parse(inflated(packed.deflated)) as ChatResponse[];
}

/** A packed log as stored events again (each event's JSON as `eventJson` made it: key order is kept). */
function unpackedStored(packed: PackedEvents): StoredEvent[] {
  return unpack(packed).map((event) => ({ seq: event.seq, json: JSON.stringify(event) }));
}

export interface InMemorySessionStoreOptions {
  /** Durable events kept per session (oldest dropped first). */
  eventLogCap: number;
  /** A finished conversation's log is packed from this many events on (default `PACK_AT_LEAST`). */
  packAtLeast?: number;
}

const ownerKeyOf = (owner: SessionOwner): string => `${owner.tenantId}\u0000${owner.userId}`;

interface IdleEntry {
  at: number;
  id: string;
}

/** Whether `entry` is ordered before (at, id). */
const isBefore = (entry: IdleEntry, at: number, id: string): boolean => entry.at < at || (entry.at === at && entry.id < id);

/** Entries per chunk of the idle index before it is split in two. */
const CHUNK_MAX = 1024;

/**
 * Active sessions ordered by (lastActivityAt, sessionId), the order Redis keeps its idle index in.
 * Sorted, not insertion order: concurrent turns stamp their activity when they start but save when
 * they end, so activity does not arrive in time order. Kept as a list of sorted chunks of at most
 * `CHUNK_MAX` entries: one flat sorted array moved every later entry on each removal, so expiring the
 * oldest 10 000 of 1 000 000 sessions moved 10^10 entries (seconds); here a change moves at most one
 * chunk's entries.
 */
class IdleIndex {
  private readonly chunks: IdleEntry[][] = [];
  private readonly byId = new Map<string, number>();

  set(sessionId: string, at: number): void {
    if (this.byId.get(sessionId) === at) return;
    this.delete(sessionId);
    this.byId.set(sessionId, at);
    const entry = { at, id: sessionId };
    if (this.chunks.length === 0) {
      this.chunks.push([entry]);
      return;
    }
    // Past the last entry it goes at the end of the last chunk.
    const [chunkIndex, index] = this.position(at, sessionId);
    const target = Math.min(chunkIndex, this.chunks.length - 1);
    const chunk = this.chunks[target]!;
    chunk.splice(chunkIndex === target ? index : chunk.length, 0, entry);
    if (chunk.length > CHUNK_MAX) this.chunks.splice(target + 1, 0, chunk.splice(CHUNK_MAX >> 1));
  }

  delete(sessionId: string): void {
    const at = this.byId.get(sessionId);
    if (at === undefined) return;
    this.byId.delete(sessionId);
    const [chunkIndex, index] = this.position(at, sessionId);
    const chunk = this.chunks[chunkIndex]!;
    chunk.splice(index, 1);
    if (chunk.length === 0) this.chunks.splice(chunkIndex, 1);
  }

  /**
   * Up to `limit` ids with activity before `before`, oldest first, skipping those `keep` refuses.
   * `keep` may remove the id it is given from this index.
   */
  find(before: number, limit: number, keep: (sessionId: string) => boolean): string[] {
    const found: string[] = [];
    let [chunkIndex, index] = [0, 0];
    while (found.length < limit && chunkIndex < this.chunks.length) {
      const entry = this.chunks[chunkIndex]![index];
      if (!entry) {
        [chunkIndex, index] = [chunkIndex + 1, 0];
        continue;
      }
      if (entry.at >= before) break;
      if (keep(entry.id)) found.push(entry.id);
      // Removed by `keep`: what followed it is now the first entry not before it.
      if (this.chunks[chunkIndex]?.[index] === entry) index++;
      else [chunkIndex, index] = this.position(entry.at, entry.id);
    }
    return found;
  }

  /** Chunk and index of the first entry not ordered before (at, id); [chunks.length, 0] past the end. */
  private position(at: number, id: string): [number, number] {
    let low = 0;
    let high = this.chunks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (isBefore(this.chunks[middle]!.at(-1)!, at, id)) low = middle + 1;
      else high = middle;
    }
    if (low === this.chunks.length) return [low, 0];
    const chunk = this.chunks[low]!;
    let first = 0;
    let last = chunk.length;
    while (first < last) {
      const middle = (first + last) >>> 1;
      if (isBefore(chunk[middle]!, at, id)) first = middle + 1;
      else last = middle;
    }
    return [low, first];
  }
}

/**
 * The embedded store for one process. Idle lookup costs O(log n) plus the sessions it returns or
 * finds gone: the idle index is kept sorted by last activity.
 */
export class InMemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, StoredSession>();
  /** Active sessions by last activity. */
  private readonly idle = new IdleIndex();
  /** sessionId → record expiry for tombstones, in expiry order (retention is constant). */
  private readonly tombstones = new Map<string, number>();
  private readonly byOwner = new Map<string, Set<string>>();
  private readonly leases = new Map<string, { token: string; expiresAt: number }>();
  private readonly oauthStates = new Map<string, { record: OauthStateRecord; expiresAt: number }>();
  /** Turn-quota windows by owner, in reset order (the window length is constant). */
  private readonly quotas = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly options: InMemorySessionStoreOptions = { eventLogCap: 200 },
  ) {}

  async create(state: ConversationState, options: SaveOptions): Promise<void> {
    if (this.live(state.sessionId)) throw new Error(`Session ${state.sessionId} already exists`);
    const ownerKey = ownerKeyOf(state);
    this.write(state, ownerKey, [], options);
    let owned = this.byOwner.get(ownerKey);
    if (!owned) this.byOwner.set(ownerKey, (owned = new Set()));
    owned.add(state.sessionId);
  }

  async get(sessionId: string): Promise<CommittedState | null> {
    const stored = this.live(sessionId);
    return stored ? stateOf(stored) : null;
  }

  async save(
    state: ConversationState,
    expectedVersion: number,
    events: readonly ChatResponse[],
    options: SaveOptions,
  ): Promise<void> {
    const stored = this.live(state.sessionId);
    if (!stored || stored.version !== expectedVersion || state.version !== expectedVersion + 1) {
      throw new VersionConflictError(state.sessionId);
    }
    // Copies in (and out in readEvents): the caller keeps its event objects, the log keeps its own. The
    // JSON is the one the SSE frame of the same event uses (`eventJson`): each event is serialised once.
    const logged = events.map((event): StoredEvent => ({ seq: event.seq, json: eventJson(event) }));
    this.write(state, stored.ownerKey, logged, options, stored);
  }

  async saveAndRelease(
    state: ConversationState,
    expectedVersion: number,
    events: readonly ChatResponse[],
    options: SaveOptions,
    leaseToken: string,
  ): Promise<void> {
    try {
      await this.save(state, expectedVersion, events, options);
    } finally {
      await this.releaseLease(state.sessionId, leaseToken);
    }
  }

  async delete(sessionId: string): Promise<void> {
    const stored = this.sessions.get(sessionId);
    this.sessions.delete(sessionId);
    this.idle.delete(sessionId);
    this.tombstones.delete(sessionId);
    this.leases.delete(sessionId);
    if (stored) this.forgetOwned(stored.ownerKey, sessionId);
  }

  /** Owners with at least one session in the per-owner index (for leak checks). */
  get indexedOwners(): number {
    return this.byOwner.size;
  }

  async listByOwner(owner: SessionOwner): Promise<CommittedState[]> {
    const ids = this.byOwner.get(ownerKeyOf(owner));
    if (!ids) return [];
    const states: CommittedState[] = [];
    for (const id of ids) {
      const state = await this.get(id);
      if (state) states.push(state);
    }
    return states.sort((a, b) => b.createdAt - a.createdAt);
  }

  async findIdle(before: number, limit: number): Promise<string[]> {
    this.purgeTombstones();
    this.purgeOauthStates();
    this.purgeQuotas();
    // A session whose TTL ran out is removed here rather than reported (live() deletes it).
    return this.idle.find(before, limit, (sessionId) => this.live(sessionId) !== undefined);
  }

  async expireIdle(before: number, at: number, limit: number, options: SaveOptions, expiredEvent: ExpiredEvent): Promise<ChatResponse[]> {
    this.purgeTombstones();
    const written: ChatResponse[] = [];
    // Only the sessions it expires are read: the index walk stops at the first one active since `before`.
    this.idle.find(before, limit, (sessionId) => {
      const stored = this.live(sessionId);
      if (!stored || stored.status !== 'active' || this.heldLease(sessionId)) return false;
      const state = stateOf(stored);
      const tombstone = deepFreeze({
        ...thaw<ConversationState>(state),
        status: 'expired' as const,
        expiredAt: at,
        updatedAt: at,
        version: state.version + 1,
        lastEventSeq: state.lastEventSeq + 1,
      });
      const event = expiredEvent(tombstone);
      written.push(event);
      this.write(tombstone, stored.ownerKey, [{ seq: event.seq, json: eventJson(event) }], options, stored);
      return true;
    });
    return written;
  }

  async acquireLease(sessionId: string, ttlMs: number): Promise<string | null> {
    const now = this.clock.now();
    const held = this.leases.get(sessionId);
    if (held && held.expiresAt > now) return null;
    const token = randomUUID();
    this.leases.set(sessionId, { token, expiresAt: now + ttlMs });
    return token;
  }

  async acquireLeaseAndGet(sessionId: string, ttlMs: number, quota?: TurnQuota): Promise<LeasedRead> {
    if (quota) {
      const retryAfterMs = this.countTurn(quota);
      if (retryAfterMs !== null) return { token: null, state: null, retryAfterMs };
    }
    return { token: await this.acquireLease(sessionId, ttlMs), state: await this.get(sessionId) };
  }

  /** Counts a turn in the owner's fixed window; the ms until it starts again when past its points, else null. */
  private countTurn(quota: TurnQuota): number | null {
    const now = this.clock.now();
    const key = ownerKeyOf(quota.owner);
    let window = this.quotas.get(key);
    if (!window || window.resetAt <= now) {
      // Re-inserted, so the Map stays in reset order for the purge.
      this.quotas.delete(key);
      this.quotas.set(key, (window = { count: 0, resetAt: now + quota.windowMs }));
    }
    window.count++;
    return window.count > quota.points ? window.resetAt - now : null;
  }

  async renewLease(sessionId: string, token: string, ttlMs: number): Promise<boolean> {
    const held = this.leases.get(sessionId);
    const now = this.clock.now();
    if (held?.token !== token || held.expiresAt <= now) return false;
    held.expiresAt = now + ttlMs;
    return true;
  }

  async releaseLease(sessionId: string, token: string): Promise<void> {
    if (this.leases.get(sessionId)?.token === token) this.leases.delete(sessionId);
  }

  async isLeased(sessionId: string): Promise<boolean> {
    return this.heldLease(sessionId);
  }

  private heldLease(sessionId: string): boolean {
    const held = this.leases.get(sessionId);
    return held !== undefined && held.expiresAt > this.clock.now();
  }

  async putOauthState(record: OauthStateRecord, ttlMs: number): Promise<void> {
    this.oauthStates.set(record.state, { record: { ...record }, expiresAt: this.clock.now() + ttlMs });
  }

  async takeOauthState(state: string): Promise<OauthStateRecord | null> {
    const entry = this.oauthStates.get(state);
    this.oauthStates.delete(state);
    if (!entry || entry.expiresAt <= this.clock.now()) return null;
    return entry.record;
  }

  async peekOauthState(state: string): Promise<OauthStateRecord | null> {
    const entry = this.oauthStates.get(state);
    return entry && entry.expiresAt > this.clock.now() ? { ...entry.record } : null;
  }

  async readEvents(sessionId: string, afterSeq: number, limit: number): Promise<ChatResponse[]> {
    const stored = this.live(sessionId);
    if (!stored) return [];
    const read = stored.packed && afterSeq < stored.packed.lastSeq ? unpack(stored.packed).filter((event) => event.seq > afterSeq) : [];
    for (const event of stored.events) {
      if (read.length >= limit) break;
      if (event.seq > afterSeq) read.push(JSON.parse(event.json) as ChatResponse);
    }
    return read.slice(0, limit);
  }

  async ping(): Promise<void> {}

  /** Removes a session from its owner's index, and the owner's entry with its last session (an empty Set per owner stayed). */
  private forgetOwned(ownerKey: string, sessionId: string): void {
    const owned = this.byOwner.get(ownerKey);
    if (!owned) return;
    owned.delete(sessionId);
    if (owned.size === 0) this.byOwner.delete(ownerKey);
  }

  /** Drops OAuth states nobody came back for (their TTL is constant, so the Map is in expiry order). */
  private purgeOauthStates(): void {
    const now = this.clock.now();
    for (const [state, entry] of this.oauthStates) {
      if (entry.expiresAt > now) break;
      this.oauthStates.delete(state);
    }
  }

  private purgeQuotas(): void {
    const now = this.clock.now();
    for (const [key, window] of this.quotas) {
      if (window.resetAt > now) break;
      this.quotas.delete(key);
    }
  }

  /** Drops tombstones whose retention has passed, so records nobody reads again do not pile up. */
  private purgeTombstones(): void {
    const now = this.clock.now();
    for (const [sessionId, expiresAt] of this.tombstones) {
      if (expiresAt > now) break;
      void this.delete(sessionId);
    }
  }

  /** The stored record, or undefined once its TTL has passed (then it is removed). */
  private live(sessionId: string): StoredSession | undefined {
    const stored = this.sessions.get(sessionId);
    if (stored && stored.expiresAt <= this.clock.now()) {
      void this.delete(sessionId);
      return undefined;
    }
    return stored;
  }

  /**
   * Writes `state` with `logged` appended to its log: into `stored` in place when the session exists
   * (the store alone holds its records and logs, `readEvents` hands out copies), so that a save
   * allocates little besides the state it keeps; the expiry sweep's garbage is what blocks the loop.
   */
  private write(state: ConversationState, ownerKey: string, logged: readonly StoredEvent[], options: SaveOptions, stored?: StoredSession): void {
    const expiresAt = this.clock.now() + options.ttlMs;
    const record: StoredSession = stored ?? { state: null, packedState: null, version: 0, status: state.status, lastActivityAt: 0, ownerKey, expiresAt, events: [], packed: null };
    // Frozen either way: the caller's object is taken over (and shared with the next turn) like any commit.
    const frozen = deepFreeze(state);
    record.state = options.atRest ? null : frozen;
    record.packedState = options.atRest ? deflated(JSON.stringify(frozen)) : null;
    record.version = state.version;
    record.status = state.status;
    record.lastActivityAt = state.lastActivityAt;
    record.expiresAt = expiresAt;
    for (const event of logged) record.events.push(event);
    const excess = (record.packed?.count ?? 0) + record.events.length - this.options.eventLogCap;
    if (excess > 0) {
      // Past the cap with a packed part (a finished conversation that went on): back to one list first.
      if (record.packed) record.events = [...unpackedStored(record.packed), ...record.events];
      record.packed = null;
      record.events.splice(0, excess);
    }
    if (options.atRest && record.events.length > 0 && (record.packed?.count ?? 0) + record.events.length >= (this.options.packAtLeast ?? PACK_AT_LEAST)) {
      record.packed = pack(record.packed ? [...unpackedStored(record.packed), ...record.events] : record.events);
      record.events = [];
    }
    if (!stored) this.sessions.set(state.sessionId, record);
    if (state.status !== 'active') {
      this.idle.delete(state.sessionId);
      this.tombstones.delete(state.sessionId);
      this.tombstones.set(state.sessionId, expiresAt);
    } else {
      this.idle.set(state.sessionId, state.lastActivityAt);
    }
  }
}
