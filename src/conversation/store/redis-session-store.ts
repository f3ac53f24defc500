import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { ChatResponse } from '../chat-response.js';
import type { ConversationState, SessionOwner } from '../state.js';
import { guarded, outcomeOf } from './redis-errors.js';
import { LeaseReleaseRetries, MAX_PENDING_RELEASES } from './redis-lease-releases.js';
import { RecentCommits } from './recent-commits.js';
import { RedisKeys } from '../../redis/keyspace.js';
import { type StoreScriptCommands, withStoreScripts } from './redis-scripts.js';
import {
  assertIncreasingSeqs,
  eventBatchArguments,
  parseOauthRecord,
  parseState,
  parseStoredState,
  parseStreamEvents,
} from './redis-serialization.js';
import { coreJson, listOps } from './redis-state-fields.js';
import { deepFreeze, thaw } from './frozen.js';
import {
  type CommittedState,
  CommitOutcomeUnknownError,
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
  /**
   * Replicas that must acknowledge a commit (`REDIS_COMMIT_REPLICAS`, 0 = none): `WAIT` after the save
   * script, on the same connection to the same node. A commit they did not acknowledge in
   * `commitReplicaTimeoutMs` fails as an unknown outcome (see `CommitNotReplicatedError`).
   */
  commitReplicas?: number;
  commitReplicaTimeoutMs?: number;
}

/**
 * A commit that landed on its master but that no replica acknowledged in time: a failover now could
 * lose it, so it is reported as not known to have happened (503). A retry with the same
 * `Idempotency-Key` finds out from the event log whether it survived (and replays it) or runs it again.
 */
export class CommitNotReplicatedError extends CommitOutcomeUnknownError {
  constructor(sessionId: string) {
    super(new Error(`The commit to session ${sessionId} was not acknowledged by a replica`));
    this.name = 'CommitNotReplicatedError';
  }
}

/** Redis reports a missing TTL as -1; a key without TTL never goes away, so none is ever written. */
const positiveTtl = (ttlMs: number): number => Math.max(1, Math.ceil(ttlMs));

/** How long to retry a release whose lease this store did not take (not expected; a bound all the same). */
const RELEASE_RETRY_FALLBACK_MS = 60_000;

/** Sorted-set bounds must be finite numbers. */
const scoreBound = (epochMs: number): string =>
  String(Number.isFinite(epochMs) ? epochMs : epochMs > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE);

/**
 * The session store shared by every replica (Redis 7 or Valkey, one node or a Redis Cluster, no modules).
 * `save` is one script on the session's slot that checks the version, writes the state, appends the
 * events to the session's stream and publishes them on its shard channel; a second script then keeps
 * the owner index and the idle bucket (one slot, the owner's bucket tag). Every key carries a TTL.
 *
 * The order of the split writes: the session first, its indexes after. The session hash is the truth
 * and an index may lag behind it, never run ahead. A crash (or an outage) between the two leaves
 *  - after `create`: a session no index lists; `create` fails, nobody got its id, and its TTL removes it;
 *  - after `save`: an idle entry older than the session's last activity; the sweep reads the session
 *    under its lease before expiring it, finds it busy, and writes the entry again (`expireIdle`);
 *  - after `delete`: index entries of a session that is gone; `findIdle` and `listByOwner` prune them.
 * So an index write that fails after its session write landed is logged, not reported as a failed commit. Failures to reach Redis surface as `StoreUnavailableError`; a write whose
 * reply was lost with the connection is first checked with one read (did it land?), so a commit is
 * never reported as failed, nor a lease left held by nobody.
 */
export class RedisSessionStore implements SessionStore {
  private readonly logger = new Logger(RedisSessionStore.name);
  private readonly redis: Redis & StoreScriptCommands;
  private readonly keys: RedisKeys;
  /** When each lease this process holds expires (local clock), so a failed release knows how long to retry. */
  private readonly leaseExpiries = new Map<string, number>();
  private readonly releases: LeaseReleaseRetries;
  /** A Redis Cluster client: the owner's quota key sits in another slot than the session's keys. */
  private readonly cluster: boolean;
  /**
   * States of recent commits, so that a turn's read skips a state this replica holds (see
   * `RecentCommits`). 1 000 of them take about 15 MB at most (a long session's state, frozen).
   */
  private readonly recent = new RecentCommits(1_000);

  constructor(
    client: Redis,
    private readonly options: RedisSessionStoreOptions,
  ) {
    this.redis = withStoreScripts(client);
    this.keys = new RedisKeys(options.keyPrefix);
    this.cluster = (client as Redis & { isCluster?: boolean }).isCluster === true;
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
          json,
          state.version,
          state.lastEventSeq,
          positiveTtl(options.ttlMs),
          this.keys.owner(state),
          this.keys.idle(state),
          state.lastActivityAt,
          state.status,
        ),
      );
    } catch (error) {
      if ((await outcomeOf(error, async () => (await this.field(id, 'st')) === json)) !== 'landed') throw error;
      created = 1;
    }
    if (created !== 1) throw new Error(`Session ${id} already exists`);
    // Unlike after a save, a failure here fails `create`: nobody has the new id, and its TTL removes it.
    await this.index(state, options);
  }

  /** The second write of `create` and `save`: the session in its owner index and idle bucket. */
  private async index(state: CommittedState, options: SaveOptions): Promise<void> {
    await guarded(this.redis, () =>
      this.redis.sessionStoreIndex(
        this.keys.owner(state),
        this.keys.idle(state),
        state.sessionId,
        state.createdAt,
        state.status,
        state.lastActivityAt,
        positiveTtl(options.ttlMs),
      ),
    );
  }

  /** `index` after a commit that landed: a failure is logged (the class comment says why that is safe). */
  private async indexAfterCommit(state: CommittedState, options: SaveOptions): Promise<void> {
    try {
      await this.index(state, options);
    } catch (error) {
      this.logger.warn(`Session ${state.sessionId} committed; its index entries lag until the sweep: ${(error as Error).message}`);
    }
  }

  async get(sessionId: string): Promise<CommittedState | null> {
    return this.readState(sessionId);
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
    // The lists go as appends against the state this replica holds of the expected version, if any.
    const held = this.recent.get(id);
    const base = held && held.state.version === expectedVersion ? held : undefined;
    const args = (based: typeof base): (string | number)[] => [
      this.keys.session(id),
      this.keys.events(id),
      this.keys.lease(id),
      this.keys.liveChannel(id),
      expectedVersion,
      coreJson(state),
      state.version,
      positiveTtl(options.ttlMs),
      this.options.eventLogCap,
      commitId,
      leaseToken,
      ...eventBatchArguments(events),
      Date.now(),
      state.lastActivityAt,
      state.status,
      based?.commit ?? '',
      ...listOps(based?.state, state).flat(),
    ];
    const replicas = this.options.commitReplicas ?? 0;
    const send = async (based: typeof base): Promise<unknown> => {
      if (replicas === 0) return guarded(this.redis, () => this.redis.sessionStoreSave(...args(based)));
      const { result: saved, acknowledged } = await guarded(this.redis, () => this.saveAndWait(args(based), replicas));
      if ((saved === 1 || saved === 2) && acknowledged < replicas) throw new CommitNotReplicatedError(id);
      return saved;
    };
    let result: unknown;
    try {
      result = await send(base);
      // The session is not at the state the appends were based on (nothing was written): every list whole.
      if (result === -2) result = await send(undefined);
    } catch (error) {
      // Trap: a reply lost with the connection says nothing of the commit. Reporting "nothing changed"
      // for a turn that committed would make its retry run the turn twice, so ask Redis first. (The
      // lease, released by the same script, went with a commit that landed.) When replicas must
      // acknowledge, a commit found on the master is still unknown: nobody knows whether it replicated.
      if (error instanceof CommitNotReplicatedError || replicas > 0) throw error;
      if ((await outcomeOf(error, async () => (await this.field(id, 'c')) === commitId)) !== 'landed') throw error;
      result = 1;
    }
    if (result === 0) throw new VersionConflictError(id);
    if (result !== 1 && result !== 2) throw new Error(`Events of session ${id} must follow its last event seq`);
    this.recent.set(id, commitId, state);
    // The indexes follow the session when its TTL was renewed or its status changed (see `INDEX`).
    if (result === 2 || state.status !== 'active') await this.indexAfterCommit(state, options);
  }

  /**
   * The save script and `WAIT replicas timeout` in one pipeline: the same connection, to the master of
   * the session's slot (a cluster pipeline goes to the node of its keys), so the `WAIT` counts the
   * replicas that received this commit.
   */
  private async saveAndWait(args: (string | number)[], replicas: number): Promise<{ result: unknown; acknowledged: number }> {
    const pipeline = this.redis.pipeline() as ReturnType<Redis['pipeline']> & { sessionStoreSave(...args: (string | number)[]): unknown };
    pipeline.sessionStoreSave(...args);
    pipeline.wait(replicas, this.options.commitReplicaTimeoutMs ?? 500);
    const replies = await pipeline.exec();
    if (!replies) throw new Error('Connection is closed.');
    const [[saveError, result], [waitError, acknowledged]] = replies as [[Error | null, unknown], [Error | null, unknown]];
    if (saveError) throw saveError;
    return { result, acknowledged: waitError ? 0 : Number(acknowledged) };
  }

  async delete(sessionId: string): Promise<void> {
    this.recent.forget(sessionId);
    let indexes: unknown;
    try {
      indexes = await guarded(this.redis, () =>
        this.redis.sessionStoreDelete(this.keys.session(sessionId), this.keys.events(sessionId), this.keys.lease(sessionId)),
      );
    } catch (error) {
      // Deleting is idempotent: gone is done, whoever's reply was lost (its index entries get pruned).
      const gone = async (): Promise<boolean> => (await guarded(this.redis, () => this.redis.exists(this.keys.session(sessionId)))) === 0;
      if ((await outcomeOf(error, gone)) === 'landed') return;
      throw error;
    }
    if (!Array.isArray(indexes)) return;
    const [owner, idle] = indexes as [string, string];
    // Second write: entries left behind by a failure here are pruned by `findIdle` and `listByOwner`.
    await guarded(this.redis, () => this.redis.sessionStoreUnindex(owner, idle, sessionId)).catch((error: unknown) =>
      this.logger.warn(`Session ${sessionId} deleted; its index entries stay until pruned: ${(error as Error).message}`),
    );
  }

  /**
   * The owner's index, then each session's state (one read per session, in parallel: on a cluster they
   * live in other slots). Ids whose session is gone (TTL ran out) are pruned from the index.
   */
  async listByOwner(owner: SessionOwner): Promise<CommittedState[]> {
    const index = this.keys.owner(owner);
    const ids = await guarded(this.redis, () => this.redis.zrevrange(index, 0, -1));
    const states = await Promise.all(ids.map((id) => this.readState(id)));
    const gone = ids.filter((_, i) => states[i] === null);
    if (gone.length > 0) await guarded(this.redis, () => this.redis.zrem(index, ...gone));
    return states.filter((state) => state !== null);
  }

  /**
   * The oldest idle sessions across the idle buckets: up to `limit` from each bucket, merged by last
   * activity. The reads grow with what is idle, not with every session. Each candidate's session is
   * read (its last activity and status): an entry behind its session's activity (saves do not write the
   * index, see `INDEX`) is moved up to it, one whose session is gone or no longer active is pruned, and
   * the merge is done again.
   */
  async findIdle(before: number, limit: number): Promise<string[]> {
    if (limit <= 0) return [];
    const buckets = this.keys.idleBuckets();
    for (;;) {
      const pages = await Promise.all(
        buckets.map((bucket) =>
          guarded(this.redis, () => this.redis.zrangebyscore(bucket, '-inf', `(${scoreBound(before)}`, 'WITHSCORES', 'LIMIT', 0, limit)),
        ),
      );
      const candidates = pages
        .flatMap((page, bucket) => pairs(page).map(([id, score]) => ({ id, score, bucket: buckets[bucket]! })))
        .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, limit);
      const sessions = await Promise.all(
        candidates.map(({ id }) => guarded(this.redis, () => this.redis.hmget(this.keys.session(id), 'v', 'a', 's'))),
      );
      const fixes: Promise<unknown>[] = [];
      candidates.forEach(({ id, score, bucket }, i) => {
        const [version = null, activity = null, status = null] = sessions[i]!;
        if (version === null || (status !== null && status !== 'active')) fixes.push(guarded(this.redis, () => this.redis.zrem(bucket, id)));
        // `XX`: only moves an entry that is still there (a concurrent delete or expiry took it out).
        else if (activity !== null && Number(activity) !== score) fixes.push(guarded(this.redis, () => this.redis.zadd(bucket, 'XX', activity, id)));
      });
      if (fixes.length === 0) return candidates.map(({ id }) => id);
      await Promise.all(fixes);
    }
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
        // An idle entry behind its session (see the class comment): written again from the session.
        if (state) await this.indexAfterCommit(state, options);
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

  /**
   * The turn counted against the owner's quota, the lease taken and the state read: one script on a
   * single node; on a cluster the quota (in the owner's slot) first, then lease + read in the session's.
   * Refused by the quota: counted, nothing leased or read.
   */
  async acquireLeaseAndGet(sessionId: string, ttlMs: number, quota?: TurnQuota): Promise<LeasedRead> {
    if (quota && this.cluster) {
      const [flag, retryAfterMs] = (await guarded(this.redis, () =>
        this.redis.sessionStoreCountTurn(this.keys.turnQuota(quota.owner), quota.points, positiveTtl(quota.windowMs)),
      )) as [number, number?];
      if (flag === -1) return { token: null, state: null, retryAfterMs: Number(retryAfterMs) };
      return this.lease(sessionId, ttlMs, true);
    }
    return this.lease(sessionId, ttlMs, true, quota);
  }

  /** `SET NX PX` of the lease, with the state read in the same script when `read` (and the turn counted first with `quota`). */
  private async lease(sessionId: string, ttlMs: number, read: boolean, quota?: TurnQuota): Promise<LeasedRead> {
    // The lease only keeps turns from overlapping; a holder whose lease ran out mid-turn is fenced
    // by the version check of `save`, not by the lease.
    const token = randomUUID();
    const key = this.keys.lease(sessionId);
    const expiresAt = Date.now() + ttlMs;
    const ttl = positiveTtl(ttlMs);
    let taken: boolean;
    let state: CommittedState | null = null;
    try {
      if (read) {
        const held = this.recent.get(sessionId);
        const known = held?.commit ?? '';
        const [flag, st, commit, h, tr, eh] = (await guarded(this.redis, () =>
          quota
            ? this.redis.sessionStoreCountLeaseAndGet(key, this.keys.session(sessionId), this.keys.turnQuota(quota.owner), token, ttl, quota.points, positiveTtl(quota.windowMs), known)
            : this.redis.sessionStoreLeaseAndGet(key, this.keys.session(sessionId), token, ttl, known),
        )) as [number, string | number | null, string | null, string | null, string | null, string | null];
        if (flag === -1) return { token: null, state: null, retryAfterMs: Number(st) };
        taken = flag === 1;
        // '' from the script: the held commit is still the session's last.
        if (st === '' && held) state = held.state;
        else if (typeof st === 'string' && st !== '') {
          const read = parseStoredState(st, h ?? null, tr ?? null, eh ?? null);
          state = read.state;
          // Held (for the next lease, and as the base of the commit's appends) only in the current layout.
          if (commit && read.split) this.recent.set(sessionId, commit, state);
        }
      } else {
        taken = (await guarded(this.redis, () => this.redis.set(key, token, 'PX', ttl, 'NX'))) === 'OK';
      }
    } catch (error) {
      // A SET whose reply was lost may hold the lease for nobody: take it if Redis says it is ours,
      // else make sure it goes (a release deletes only this token's lease). (A quota count whose reply
      // was lost stays counted: one turn more in the window, never one less.)
      const outcome = await outcomeOf(error, async () => (await guarded(this.redis, () => this.redis.get(key))) === token);
      if (outcome !== 'landed') {
        if (outcome === 'unknown') this.releases.add(sessionId, token, expiresAt);
        throw error;
      }
      taken = true;
      // The lease is ours; the state of the lost reply is read again (only on this rare path).
      if (read) state = await this.readState(sessionId);
    }
    if (!taken) return { token: null, state };
    // Every holder releases its lease; should one not, expired entries go before the map grows large.
    if (this.leaseExpiries.size >= MAX_PENDING_RELEASES) {
      const now = Date.now();
      for (const [held, expiry] of this.leaseExpiries) if (expiry <= now) this.leaseExpiries.delete(held);
    }
    this.leaseExpiries.set(token, expiresAt);
    return { token, state };
  }

  async renewLease(sessionId: string, token: string, ttlMs: number): Promise<boolean> {
    const renewed = (await guarded(this.redis, () => this.redis.sessionStoreRenewLease(this.keys.lease(sessionId), token, positiveTtl(ttlMs)))) === 1;
    // A release that has to be retried keeps trying for as long as the lease may now last.
    if (renewed && this.leaseExpiries.has(token)) this.leaseExpiries.set(token, Date.now() + ttlMs);
    return renewed;
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

  /** The session's state, or null when it is gone. */
  private async readState(sessionId: string): Promise<CommittedState | null> {
    const [st = null, h = null, tr = null, eh = null] = await guarded(this.redis, () =>
      this.redis.hmget(this.keys.session(sessionId), 'st', 'h', 'tr', 'eh'),
    );
    return st === null ? null : parseState(st, h, tr, eh);
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

  async peekOauthState(state: string): Promise<OauthStateRecord | null> {
    const json = await guarded(this.redis, () => this.redis.get(this.keys.oauthState(state)));
    return json === null ? null : parseOauthRecord(json);
  }

  /**
   * The newest entry (its id is the log's last seq) and the entries after `afterSeq`, in one round trip
   * (one key, one slot). An entry holds one commit's events and its id is their last seq, so
   * `(<seq>-0` starts at the first entry with a later event; only that first entry can hold events at
   * or before `afterSeq`, or older than the newest `eventLogCap`, and those are left out (hence one
   * entry more than `limit`).
   */
  async readEvents(sessionId: string, afterSeq: number, limit: number): Promise<ChatResponse[]> {
    if (limit <= 0) return [];
    const key = this.keys.events(sessionId);
    const start = afterSeq < 1 ? '-' : `(${Math.floor(afterSeq)}-0`;
    const [newest, entries] = await guarded(this.redis, async () => {
      const replies = await this.redis.pipeline().xrevrange(key, '+', '-', 'COUNT', 1).xrange(key, start, '+', 'COUNT', limit + 1).exec();
      if (!replies) throw new Error('Connection is closed.');
      const [[newestError, last], [rangeError, range]] = replies as [[Error | null, StreamEntry[]], [Error | null, StreamEntry[]]];
      if (newestError || rangeError) throw newestError ?? rangeError;
      return [last, range] as const;
    });
    const lastSeq = Number.parseInt(newest[0]?.[0] ?? '0', 10);
    const after = Math.max(afterSeq, lastSeq - this.options.eventLogCap);
    return parseStreamEvents(entries)
      .filter((event) => event.seq > after)
      .slice(0, limit);
  }

  async ping(): Promise<void> {
    await guarded(this.redis, () => this.redis.ping());
  }
}

/** A stream entry as `XRANGE` returns it: `[id, [field, value, …]]`. */
type StreamEntry = [id: string, fields: string[]];

/** `[member, score, member, score, …]` of `WITHSCORES` as pairs. */
function pairs(flat: string[]): [string, number][] {
  const out: [string, number][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, Number(flat[i + 1])]);
  return out;
}

/** Builds the Redis store on the shared command connection (see `RedisConnections`). */
export function createRedisSessionStore(client: Redis, options: RedisSessionStoreOptions): RedisSessionStore {
  return new RedisSessionStore(client, options);
}
