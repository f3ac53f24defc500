import type { ChatResponse } from '../chat-response.js';
import type { ConversationState, SessionOwner } from '../state.js';

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
 * Persistence of conversations. Every method is atomic on its own; implementations must keep these
 * guarantees across processes when they are shared (Redis).
 */
export interface SessionStore {
  /** Stores a new session (version 0) with its TTL; fails if the id exists. */
  create(state: ConversationState, options: SaveOptions): Promise<void>;

  /** The session, or null when it does not exist (or its TTL ran out). Returns a copy the caller may change. */
  get(sessionId: string): Promise<ConversationState | null>;

  /**
   * Compare-and-set: writes `state` (whose `version` must be `expectedVersion + 1`) only if the stored
   * version is `expectedVersion`, and appends `events` (already numbered with their `seq`) to the
   * session's event log in the same atomic step. Throws `VersionConflictError` otherwise and writes nothing.
   * Also keeps the idle index (by `lastActivityAt`, active sessions only) and the owner index current.
   */
  save(state: ConversationState, expectedVersion: number, events: readonly ChatResponse[], options: SaveOptions): Promise<void>;

  /** Removes the session, its event log, its lease and its index entries. Idempotent. */
  delete(sessionId: string): Promise<void>;

  /** The owner's sessions (active and expired tombstones), from an index, newest first. */
  listByOwner(owner: SessionOwner): Promise<ConversationState[]>;

  /** Ids of active sessions whose `lastActivityAt` is before `before` (epoch ms), oldest first, at most `limit`. */
  findIdle(before: number, limit: number): Promise<string[]>;

  /** Takes the session's turn lease for `ttlMs`; returns its token, or null when someone else holds it. */
  acquireLease(sessionId: string, ttlMs: number): Promise<string | null>;

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
