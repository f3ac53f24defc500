import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ChatResponse } from '../chat-response.js';
import type { ConversationState, SessionOwner } from '../state.js';
import { guarded } from './redis-errors.js';
import { RedisKeys } from './redis-keys.js';
import { type StoreScriptCommands, withStoreScripts } from './redis-scripts.js';
import {
  assertIncreasingSeqs,
  eventArguments,
  parseOauthRecord,
  parseState,
  parseStreamEvents,
} from './redis-serialization.js';
import {
  type OauthStateRecord,
  type SaveOptions,
  type SessionStore,
  StoreUnavailableError,
  VersionConflictError,
} from './session-store.js';

export interface RedisSessionStoreOptions {
  /** Prefix of every key and channel (`REDIS_KEY_PREFIX`). */
  keyPrefix: string;
  /** Durable events kept per session (`EVENT_LOG_CAP`); the stream is trimmed to exactly this. */
  eventLogCap: number;
}

/** Redis reports a missing TTL as -1; a key without TTL never goes away, so none is ever written. */
const positiveTtl = (ttlMs: number): number => Math.max(1, Math.ceil(ttlMs));

/** How often failed lease releases are tried again (and at once when the connection is ready again). */
const RELEASE_RETRY_MS = 500;
/** How long to retry a release whose lease this store did not take (not expected; a bound all the same). */
const RELEASE_RETRY_FALLBACK_MS = 60_000;
/** Bound on releases waiting at once (one per turn that failed during an outage), and on leases tracked. */
const MAX_PENDING_RELEASES = 10_000;

/** Sorted-set bounds must be finite numbers. */
const scoreBound = (epochMs: number): string =>
  String(Number.isFinite(epochMs) ? epochMs : epochMs > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE);

/**
 * The session store shared by every replica (Redis 7 or Valkey, one node, no modules). Each method
 * is one round trip; `save` is one script that checks the version, writes the state, appends the
 * events to the session's stream, keeps both indexes and publishes the events for live delivery.
 * Every key carries a TTL. Failures to reach Redis surface as `StoreUnavailableError`.
 */
export class RedisSessionStore implements SessionStore {
  private readonly redis: Redis & StoreScriptCommands;
  private readonly keys: RedisKeys;
  /** When each lease this process holds expires (local clock), so a failed release knows how long to retry. */
  private readonly leaseExpiries = new Map<string, number>();
  /** Releases that failed while Redis was unreachable, by token. */
  private readonly pendingReleases = new Map<string, { sessionId: string; expiresAt: number }>();
  private releaseTimer: NodeJS.Timeout | undefined;
  private awaitingReady = false;

  constructor(
    client: Redis,
    private readonly options: RedisSessionStoreOptions,
  ) {
    this.redis = withStoreScripts(client);
    this.keys = new RedisKeys(options.keyPrefix);
  }

  async create(state: ConversationState, options: SaveOptions): Promise<void> {
    const id = state.sessionId;
    const created = await guarded(this.redis, () =>
      this.redis.sessionStoreCreate(
        this.keys.session(id),
        this.keys.events(id),
        this.keys.idle(),
        this.keys.owner(state),
        JSON.stringify(state),
        state.version,
        state.status,
        state.lastActivityAt,
        state.createdAt,
        positiveTtl(options.ttlMs),
        id,
        state.lastEventSeq,
      ),
    );
    if (created !== 1) throw new Error(`Session ${id} already exists`);
  }

  async get(sessionId: string): Promise<ConversationState | null> {
    const json = await guarded(this.redis, () => this.redis.hget(this.keys.session(sessionId), 'st'));
    return json === null ? null : parseState(json);
  }

  async save(
    state: ConversationState,
    expectedVersion: number,
    events: readonly ChatResponse[],
    options: SaveOptions,
  ): Promise<void> {
    const id = state.sessionId;
    if (state.version !== expectedVersion + 1) throw new VersionConflictError(id);
    assertIncreasingSeqs(id, events);
    const result = await guarded(this.redis, () =>
      this.redis.sessionStoreSave(
        this.keys.session(id),
        this.keys.events(id),
        this.keys.idle(),
        this.keys.owner(state),
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
        ...eventArguments(events),
      ),
    );
    if (result === 0) throw new VersionConflictError(id);
    if (result !== 1) throw new Error(`Events of session ${id} must follow its last event seq`);
  }

  async delete(sessionId: string): Promise<void> {
    await guarded(this.redis, () =>
      this.redis.sessionStoreDelete(
        this.keys.session(sessionId),
        this.keys.events(sessionId),
        this.keys.lease(sessionId),
        this.keys.idle(),
        sessionId,
      ),
    );
  }

  async listByOwner(owner: SessionOwner): Promise<ConversationState[]> {
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

  async acquireLease(sessionId: string, ttlMs: number): Promise<string | null> {
    // The lease only keeps turns from overlapping; a holder whose lease ran out mid-turn is fenced
    // by the version check of `save`, not by the lease.
    const token = randomUUID();
    const reply = await guarded(this.redis, () => this.redis.set(this.keys.lease(sessionId), token, 'PX', positiveTtl(ttlMs), 'NX'));
    if (reply !== 'OK') return null;
    const now = Date.now();
    // Every holder releases its lease; should one not, expired entries go before the map grows large.
    if (this.leaseExpiries.size >= MAX_PENDING_RELEASES) {
      for (const [held, expiresAt] of this.leaseExpiries) if (expiresAt <= now) this.leaseExpiries.delete(held);
    }
    this.leaseExpiries.set(token, now + ttlMs);
    return token;
  }

  /**
   * Trap: a turn that fails because Redis is unreachable cannot release its lease either, and a lease
   * that outlives the outage (with a persistent Redis, even a restart) keeps the session's next turns
   * at 409 until it expires. So a release that failed for that reason is retried in the background:
   * as soon as the connection is ready again, then every half second, until it succeeds or the lease
   * has expired anyway. A late release is harmless: the script deletes the lease only while this token
   * holds it. The caller still gets the error.
   */
  async releaseLease(sessionId: string, token: string): Promise<void> {
    const expiresAt = this.leaseExpiries.get(token) ?? Date.now() + RELEASE_RETRY_FALLBACK_MS;
    this.leaseExpiries.delete(token);
    try {
      await this.releaseOnce(sessionId, token);
    } catch (error) {
      if (error instanceof StoreUnavailableError && this.pendingReleases.size < MAX_PENDING_RELEASES) {
        this.pendingReleases.set(token, { sessionId, expiresAt });
        this.scheduleReleases();
      }
      throw error;
    }
  }

  /** Lease releases waiting for Redis to answer again. */
  get pendingLeaseReleases(): number {
    return this.pendingReleases.size;
  }

  private releaseOnce(sessionId: string, token: string): Promise<unknown> {
    return guarded(this.redis, () => this.redis.sessionStoreReleaseLease(this.keys.lease(sessionId), token));
  }

  private scheduleReleases(): void {
    if (this.pendingReleases.size === 0) return;
    if (!this.awaitingReady) {
      this.awaitingReady = true;
      this.redis.once('ready', () => {
        this.awaitingReady = false;
        void this.retryReleases();
      });
    }
    if (this.releaseTimer) return;
    this.releaseTimer = setTimeout(() => {
      this.releaseTimer = undefined;
      void this.retryReleases();
    }, RELEASE_RETRY_MS);
    // Never keeps the process alive at shutdown.
    this.releaseTimer.unref();
  }

  private async retryReleases(): Promise<void> {
    if (this.redis.status === 'end') {
      this.pendingReleases.clear();
      return;
    }
    const now = Date.now();
    await Promise.all(
      [...this.pendingReleases].map(async ([token, { sessionId, expiresAt }]) => {
        if (expiresAt <= now) return this.pendingReleases.delete(token);
        try {
          await this.releaseOnce(sessionId, token);
          this.pendingReleases.delete(token);
        } catch (error) {
          if (!(error instanceof StoreUnavailableError)) this.pendingReleases.delete(token);
        }
        return undefined;
      }),
    );
    this.scheduleReleases();
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
