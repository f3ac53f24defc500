import type { ChatResponse } from '../chat-response.js';
import type { ConversationState, SessionOwner } from '../state.js';
import type { DeepReadonly } from './frozen.js';

/** A state as the store hands it out: deep-frozen, read-only all the way down. */
export type CommittedState = DeepReadonly<ConversationState>;

/** The pending-OAuth record behind a `state` parameter: the only place the PKCE verifier lives. */
export interface OauthStateRecord {
  /** The unguessable `state` value (key of the index). */
  state: string;
  sessionId: string;
  userId: string;
  tenantId: string;
  provider: string;
  integration: string;
  /** PKCE code verifier (secret). */
  codeVerifier: string;
  redirectUri: string;
  /** Epoch ms. */
  expiresAt: number;
}

export interface SaveOptions {
  /**
   * How long the record lives from now (ms). Active sessions get the idle timeout plus a margin,
   * expired tombstones their retention. Implementations must never lose it on a save.
   */
  ttlMs: number;
  /**
   * The conversation is finished (COMPLETE) and will be read rarely until it expires: a store may keep
   * what it logged packed (the memory store deflates the event log). Nothing a caller reads changes.
   */
  atRest?: boolean;
}

/** Raised by `save` when the stored version is not the expected one (or the session is gone). */
export class VersionConflictError extends Error {
  constructor(readonly sessionId: string) {
    super(`Session ${sessionId} was changed by someone else`);
    this.name = 'VersionConflictError';
  }
}

/** Raised when the backing store cannot be reached; surfaces as 503 `STORE_UNAVAILABLE`. */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('The session store is unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/**
 * The store took a commit but cannot vouch that it will last (e.g. no replica acknowledged it, and a
 * failover may lose it): the turn is answered as unavailable with an unknown outcome, which a retry
 * with the same `Idempotency-Key` resolves from the event log.
 */
export class CommitOutcomeUnknownError extends StoreUnavailableError {
  constructor(cause?: unknown) {
    super(cause);
    this.name = 'CommitOutcomeUnknownError';
  }
}

/**
 * Persistence of conversations. Every method is atomic on its own; implementations must keep these
 * guarantees across processes when they are shared (Redis).
 */
/** Builds the event that records an expiry, from the tombstone it goes with (seq already its own). */
export type ExpiredEvent = (tombstone: CommittedState) => ChatResponse;

/**
 * What `acquireLeaseAndGet` found: the lease's token (null when busy) and the session (null when
 * missing); with a quota past its points, only `retryAfterMs` (nothing leased or read).
 */
export interface LeasedRead {
  token: string | null;
  state: CommittedState | null;
  /** Set when the turn quota refused the turn: how long until its window starts again. */
  retryAfterMs?: number;
}

/** The per-user turn limit, counted in the step that takes the lease (fixed windows). */
export interface TurnQuota {
  owner: SessionOwner;
  /** Turns allowed per window. */
  points: number;
  windowMs: number;
}

export interface SessionStore {
  /** Stores a new session (version 0) with its TTL; fails if the id exists. */
  create(state: ConversationState, options: SaveOptions): Promise<void>;

  /**
   * The session, or null when it does not exist (or its TTL ran out). The state is deep-frozen and may
   * be the very object the store keeps (no copy per read): callers never change it, they make new ones.
   */
  get(sessionId: string): Promise<CommittedState | null>;

  /**
   * Compare-and-set: writes `state` (whose `version` must be `expectedVersion + 1`) only if the stored
   * version is `expectedVersion`, and appends `events` (already numbered with their `seq`) to the
   * session's event log in the same atomic step. Throws `VersionConflictError` otherwise and writes nothing.
   * Also keeps the idle index (by `lastActivityAt`, active sessions only) and the owner index current.
   */
  save(state: ConversationState, expectedVersion: number, events: readonly ChatResponse[], options: SaveOptions): Promise<void>;

  /**
   * `save`, then the lease of `leaseToken` released (only while that token holds it), in one atomic
   * step: one round trip with Redis for the end of a turn. On a version conflict the lease is released
   * as well and `VersionConflictError` thrown; when the store cannot be reached the caller releases it.
   */
  saveAndRelease(
    state: ConversationState,
    expectedVersion: number,
    events: readonly ChatResponse[],
    options: SaveOptions,
    leaseToken: string,
  ): Promise<void>;

  /** Removes the session, its event log, its lease and its index entries. Idempotent. */
  delete(sessionId: string): Promise<void>;

  /** The owner's sessions (active and expired tombstones), from an index, newest first. */
  listByOwner(owner: SessionOwner): Promise<CommittedState[]>;

  /** Ids of active sessions whose `lastActivityAt` is before `before` (epoch ms), oldest first, at most `limit`. */
  findIdle(before: number, limit: number): Promise<string[]>;

  /**
   * The batch path of the expiry sweep: up to `limit` active sessions idle since before `before` that no
   * lease holds become tombstones in one pass, each as a versioned save would make it (version + 1,
   * `status: expired`, `expiredAt` and `updatedAt` = `at`, its TTL `options.ttlMs`, out of the idle
   * index) with the one event `expiredEvent` builds appended (its seq is `lastEventSeq + 1`). Returns
   * the events written, one per expired session, oldest idle first. Sessions it does not expire are
   * left untouched (no read, no write).
   */
  expireIdle(before: number, at: number, limit: number, options: SaveOptions, expiredEvent: ExpiredEvent): Promise<ChatResponse[]>;

  /** Takes the session's turn lease for `ttlMs`; returns its token, or null when someone else holds it. */
  acquireLease(sessionId: string, ttlMs: number): Promise<string | null>;

  /**
   * Takes the session's turn lease for `ttlMs` and reads the session, in one atomic step (one round
   * trip with Redis for the start of a turn). `token` is null when someone else holds the lease; the
   * state is read either way, so a busy session can still answer 404/410 to a caller who may not see it.
   * With `quota`, the owner's turn is counted first (shared by every replica with Redis); past its
   * points nothing is leased or read and `retryAfterMs` says when the window starts again.
   */
  acquireLeaseAndGet(sessionId: string, ttlMs: number, quota?: TurnQuota): Promise<LeasedRead>;

  /**
   * Extends the lease to `ttlMs` from now, only while `token` still holds it: a running turn keeps its
   * session this way, so a replica that dies mid-turn blocks it for one lease at most. False when the
   * token no longer holds it (it ran out and was taken, or was released).
   */
  renewLease(sessionId: string, token: string, ttlMs: number): Promise<boolean>;

  /** Releases the lease only if `token` still holds it. */
  releaseLease(sessionId: string, token: string): Promise<void>;

  /** Whether a lease is currently held on the session. */
  isLeased(sessionId: string): Promise<boolean>;

  /** Indexes a pending OAuth `state` for `ttlMs`. */
  putOauthState(record: OauthStateRecord, ttlMs: number): Promise<void>;

  /** Atomically reads and removes a `state` record: a second call (replay, duplicate) gets null. */
  takeOauthState(state: string): Promise<OauthStateRecord | null>;

  /**
   * Reads a `state` record without removing it (null when unknown or past its TTL). The callback claims
   * a state with a receipt and spends it only once the connection's outcome is stored (issue 14), so
   * a failed write leaves the link usable.
   */
  peekOauthState(state: string): Promise<OauthStateRecord | null>;

  /** Durable events of the session with `seq > afterSeq`, oldest first, at most `limit`. */
  readEvents(sessionId: string, afterSeq: number, limit: number): Promise<ChatResponse[]>;

  /** Resolves when the store answers; rejects when it cannot be reached (readiness). */
  ping(): Promise<void>;
}
export const SessionStore = Symbol('SessionStore');
