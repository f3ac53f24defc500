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
    return reply === 'OK' ? token : null;
  }

  async releaseLease(sessionId: string, token: string): Promise<void> {
    await guarded(this.redis, () => this.redis.sessionStoreReleaseLease(this.keys.lease(sessionId), token));
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
