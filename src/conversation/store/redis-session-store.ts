import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ChatResponse } from '../chat-response.js';
import type { ConversationState, SessionOwner } from '../state.js';
import { guarded, outcomeOf } from './redis-errors.js';
import { LeaseReleaseRetries, MAX_PENDING_RELEASES } from './redis-lease-releases.js';
import { RedisKeys } from '../../redis/keyspace.js';
import { type StoreScriptCommands, withStoreScripts } from './redis-scripts.js';
import {
  assertIncreasingSeqs,
  eventArguments,
  parseOauthRecord,
  parseState,
  parseStreamEvents,
} from './redis-serialization.js';
import { deepFreeze, thaw } from './frozen.js';
import {
  type CommittedState,
  type ExpiredEvent,
  type LeasedRead,
  type OauthStateRecord,
  type SaveOptions,
  type SessionStore,
  type TurnQuota,
  StoreUnavailableError,
  VersionConflictError,
} from './session-store.js';

/** The lease the batch expiry holds on one session while it turns it into a tombstone. */
const EXPIRY_LEASE_MS = 10_000;

export interface RedisSessionStoreOptions {
  /** Prefix of every key and channel (`REDIS_KEY_PREFIX`). */
  keyPrefix: string;
  /** Durable events kept per session (`EVENT_LOG_CAP`); the stream is trimmed to exactly this. */
  eventLogCap: number;
}

/** Redis reports a missing TTL as -1; a key without TTL never goes away, so none is ever written. */
const positiveTtl = (ttlMs: number): number => Math.max(1, Math.ceil(ttlMs));

/** How long to retry a release whose lease this store did not take (not expected; a bound all the same). */
const RELEASE_RETRY_FALLBACK_MS = 60_000;

/** Sorted-set bounds must be finite numbers. */
const scoreBound = (epochMs: number): string =>
  String(Number.isFinite(epochMs) ? epochMs : epochMs > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE);

/**
 * The session store shared by every replica (Redis 7 or Valkey, one node, no modules). Each method
 * is one round trip; `save` is one script that checks the version, writes the state, appends the
 * events to the session's stream, keeps both indexes and publishes the events for live delivery.
 * Every key carries a TTL. Failures to reach Redis surface as `StoreUnavailableError`; a write whose
 * reply was lost with the connection is first checked with one read (did it land?), so a commit is
 * never reported as failed, nor a lease left held by nobody.
 */
export class RedisSessionStore implements SessionStore {
  private readonly redis: Redis & StoreScriptCommands;
  private readonly keys: RedisKeys;
  /** When each lease this process holds expires (local clock), so a failed release knows how long to retry. */
  private readonly leaseExpiries = new Map<string, number>();
  private readonly releases: LeaseReleaseRetries;

  constructor(
    client: Redis,
    private readonly options: RedisSessionStoreOptions,
  ) {
    this.redis = withStoreScripts(client);
    this.keys = new RedisKeys(options.keyPrefix);
    this.releases = new LeaseReleaseRetries(client, (sessionId, token) => this.releaseOnce(sessionId, token));
  }

  async create(state: ConversationState, options: SaveOptions): Promise<void> {
    const id = deepFreeze(state).sessionId;
    const json = JSON.stringify(state);
    let created: unknown;
    try {
      created = await guarded(this.redis, () =>
        this.redis.sessionStoreCreate(
          this.keys.session(id),
          this.keys.events(id),
          this.keys.idle(),
          this.keys.owner(state),
          json,
          state.version,
          state.status,
          state.lastActivityAt,
          state.createdAt,
          positiveTtl(options.ttlMs),
          id,
          state.lastEventSeq,
        ),
      );
    } catch (error) {
      if ((await outcomeOf(error, async () => (await this.field(id, 'st')) === json)) === 'landed') return;
      throw error;
    }
    if (created !== 1) throw new Error(`Session ${id} already exists`);
  }

  async get(sessionId: string): Promise<CommittedState | null> {
    const json = await guarded(this.redis, () => this.redis.hget(this.keys.session(sessionId), 'st'));
    return json === null ? null : parseState(json);
  }

  save(state: ConversationState, expectedVersion: number, events: readonly ChatResponse[], options: SaveOptions): Promise<void> {
    return this.commit(state, expectedVersion, events, options, '');
  }

  async saveAndRelease(
    state: ConversationState,
    expectedVersion: number,
    events: readonly ChatResponse[],
    options: SaveOptions,
    leaseToken: string,
  ): Promise<void> {
    try {
      await this.commit(state, expectedVersion, events, options, leaseToken);
    } catch (error) {
      // Released by the script with the conflict; otherwise the caller's releaseLease still needs the expiry.
      if (error instanceof VersionConflictError) this.leaseExpiries.delete(leaseToken);
      throw error;
    }
    this.leaseExpiries.delete(leaseToken);
  }

  /** The save script; with a lease token it also releases that lease (on a conflict too). */
  private async commit(
    state: ConversationState,
    expectedVersion: number,
    events: readonly ChatResponse[],
    options: SaveOptions,
    leaseToken: string,
  ): Promise<void> {
    const id = deepFreeze(state).sessionId;
    if (state.version !== expectedVersion + 1) throw new VersionConflictError(id);
    assertIncreasingSeqs(id, events);
    const commitId = randomUUID();
    let result: unknown;
    try {
      result = await guarded(this.redis, () =>
        this.redis.sessionStoreSave(
          this.keys.session(id),
          this.keys.events(id),
          this.keys.idle(),
          this.keys.owner(state),
          this.keys.lease(id),
          expectedVersion,
          JSON.stringify(state),
          state.version,
          state.status,
          state.lastActivityAt,
          state.createdAt,
          positiveTtl(options.ttlMs),
          id,
          this.options.eventLogCap,
          this.keys.liveChannel(id),
          commitId,
          leaseToken,
          ...eventArguments(events),
        ),
      );
    } catch (error) {
      // Trap: a reply lost with the connection says nothing of the commit. Reporting "nothing changed"
      // for a turn that committed would make its retry run the turn twice, so ask Redis first. (The
      // lease, released by the same script, went with a commit that landed.)
      if ((await outcomeOf(error, async () => (await this.field(id, 'c')) === commitId)) === 'landed') return;
      throw error;
    }
    if (result === 0) throw new VersionConflictError(id);
    if (result !== 1) throw new Error(`Events of session ${id} must follow its last event seq`);
  }

  async delete(sessionId: string): Promise<void> {
    try {
      await guarded(this.redis, () =>
        this.redis.sessionStoreDelete(
          this.keys.session(sessionId),
          this.keys.events(sessionId),
          this.keys.lease(sessionId),
          this.keys.idle(),
          sessionId,
        ),
      );
    } catch (error) {
      // Deleting is idempotent: gone is done, whoever's reply was lost.
      const gone = async (): Promise<boolean> => (await guarded(this.redis, () => this.redis.exists(this.keys.session(sessionId)))) === 0;
      if ((await outcomeOf(error, gone)) === 'landed') return;
      throw error;
    }
  }

  async listByOwner(owner: SessionOwner): Promise<CommittedState[]> {
    const jsons = (await guarded(this.redis, () =>
      this.redis.sessionStoreListByOwner(this.keys.owner(owner), this.keys.sessionPrefix),
    )) as string[];
    return jsons.map(parseState);
  }

  async findIdle(before: number, limit: number): Promise<string[]> {
    if (limit <= 0) return [];
    return (await guarded(this.redis, () =>
      this.redis.sessionStoreFindIdle(this.keys.idle(), scoreBound(before), limit, this.keys.sessionPrefix),
    )) as string[];
  }

  /**
   * Session by session under its lease (lease + read, then commit + release: two round trips each), so
   * a sweep awaits the network and never holds the event loop. A busy or changed session is skipped.
   */
  async expireIdle(before: number, at: number, limit: number, options: SaveOptions, expiredEvent: ExpiredEvent): Promise<ChatResponse[]> {
    const written: ChatResponse[] = [];
    for (const sessionId of await this.findIdle(before, limit)) {
      const { token, state } = await this.acquireLeaseAndGet(sessionId, EXPIRY_LEASE_MS);
      if (!token) continue;
      if (!state || state.status !== 'active' || state.lastActivityAt >= before) {
        await this.releaseLease(sessionId, token);
        continue;
      }
      const tombstone: ConversationState = {
        ...thaw<ConversationState>(state),
        status: 'expired',
        expiredAt: at,
        updatedAt: at,
        version: state.version + 1,
        lastEventSeq: state.lastEventSeq + 1,
      };
      const event = expiredEvent(deepFreeze(tombstone));
      try {
        await this.saveAndRelease(tombstone, state.version, [event], options, token);
        written.push(event);
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
    return written;
  }

  async acquireLease(sessionId: string, ttlMs: number): Promise<string | null> {
    return (await this.lease(sessionId, ttlMs, false)).token;
  }

  acquireLeaseAndGet(sessionId: string, ttlMs: number, quota?: TurnQuota): Promise<LeasedRead> {
    return this.lease(sessionId, ttlMs, true, quota);
  }

  /** `SET NX PX` of the lease, with the state read in the same script when `read`. */
  private async lease(sessionId: string, ttlMs: number, read: boolean, quota?: TurnQuota): Promise<LeasedRead> {
    // The lease only keeps turns from overlapping; a holder whose lease ran out mid-turn is fenced
    // by the version check of `save`, not by the lease.
    const token = randomUUID();
    const key = this.keys.lease(sessionId);
    const expiresAt = Date.now() + ttlMs;
    const ttl = positiveTtl(ttlMs);
    let taken: boolean;
    let json: string | null = null;
    try {
      if (read) {
        const quotaArgs = quota ? [this.keys.turnQuota(quota.owner), token, ttl, quota.points, positiveTtl(quota.windowMs)] : [key, token, ttl, '', 0];
        const [flag, state] = (await guarded(this.redis, () =>
          this.redis.sessionStoreLeaseAndGet(key, this.keys.session(sessionId), ...quotaArgs),
        )) as [number, string | number | null];
        // Refused by the quota: counted, nothing leased or read.
        if (flag === -1) return { token: null, state: null, retryAfterMs: Number(state) };
        [taken, json] = [flag === 1, state as string | null];
      } else {
        taken = (await guarded(this.redis, () => this.redis.set(key, token, 'PX', ttl, 'NX'))) === 'OK';
      }
    } catch (error) {
      // A SET whose reply was lost may hold the lease for nobody: take it if Redis says it is ours,
      // else make sure it goes (a release deletes only this token's lease).
      const outcome = await outcomeOf(error, async () => (await guarded(this.redis, () => this.redis.get(key))) === token);
      if (outcome !== 'landed') {
        if (outcome === 'unknown') this.releases.add(sessionId, token, expiresAt);
        throw error;
      }
      taken = true;
      // The lease is ours; the state of the lost reply is read again (only on this rare path).
      if (read) json = await this.field(sessionId, 'st');
    }
    const state = json === null ? null : parseState(json);
    if (!taken) return { token: null, state };
    // Every holder releases its lease; should one not, expired entries go before the map grows large.
    if (this.leaseExpiries.size >= MAX_PENDING_RELEASES) {
      const now = Date.now();
      for (const [held, expiry] of this.leaseExpiries) if (expiry <= now) this.leaseExpiries.delete(held);
    }
    this.leaseExpiries.set(token, expiresAt);
    return { token, state };
  }

  /**
   * Releases the lease if `token` still holds it. When Redis cannot be reached, the release goes on in
   * the background (see `LeaseReleaseRetries`) and the caller still gets the error.
   */
  async releaseLease(sessionId: string, token: string): Promise<void> {
    const expiresAt = this.leaseExpiries.get(token) ?? Date.now() + RELEASE_RETRY_FALLBACK_MS;
    this.leaseExpiries.delete(token);
    try {
      await this.releaseOnce(sessionId, token);
    } catch (error) {
      if (error instanceof StoreUnavailableError) this.releases.add(sessionId, token, expiresAt);
      throw error;
    }
  }

  /** Lease releases waiting for Redis to answer again. */
  get pendingLeaseReleases(): number {
    return this.releases.size;
  }

  private releaseOnce(sessionId: string, token: string): Promise<unknown> {
    return guarded(this.redis, () => this.redis.sessionStoreReleaseLease(this.keys.lease(sessionId), token));
  }

  /** One field of the session's hash. */
  private field(sessionId: string, name: 'st' | 'c'): Promise<string | null> {
    return guarded(this.redis, () => this.redis.hget(this.keys.session(sessionId), name));
  }

  async isLeased(sessionId: string): Promise<boolean> {
    return (await guarded(this.redis, () => this.redis.exists(this.keys.lease(sessionId)))) === 1;
  }

  async putOauthState(record: OauthStateRecord, ttlMs: number): Promise<void> {
    await guarded(this.redis, () =>
      this.redis.set(this.keys.oauthState(record.state), JSON.stringify(record), 'PX', positiveTtl(ttlMs)),
    );
  }

  async takeOauthState(state: string): Promise<OauthStateRecord | null> {
    // GETDEL reads and removes in one step: of two concurrent callbacks exactly one gets the record.
    const json = await guarded(this.redis, () => this.redis.getdel(this.keys.oauthState(state)));
    return json === null ? null : parseOauthRecord(json);
  }

  async readEvents(sessionId: string, afterSeq: number, limit: number): Promise<ChatResponse[]> {
    if (limit <= 0) return [];
    // Entry ids are `<seq>-0`, so `(<seq>-0` starts strictly after that seq (Redis ≥ 6.2).
    const start = afterSeq < 1 ? '-' : `(${Math.floor(afterSeq)}-0`;
    const entries = await guarded(this.redis, () => this.redis.xrange(this.keys.events(sessionId), start, '+', 'COUNT', limit));
    return parseStreamEvents(entries);
  }

  async ping(): Promise<void> {
    await guarded(this.redis, () => this.redis.ping());
  }
}

/** Builds the Redis store on the shared command connection (see `RedisConnections`). */
export function createRedisSessionStore(client: Redis, options: RedisSessionStoreOptions): RedisSessionStore {
  return new RedisSessionStore(client, options);
}
