import type { ChatResponse } from '../../conversation/chat-response.js';
import type { CommitMark } from '../../conversation/turn/commit-mark.js';

/** One `Idempotency-Key` of one owner's session. */
export type IdempotencyRecord =
  | {
      state: 'running';
      /** The attempt holding the key (a random id). Only it may complete or release the key. */
      attempt: string;
      /** Hash of the turn request the key was first used with. */
      fingerprint: string;
      /** Epoch ms after which the attempt is presumed dead (its replica gone): a retry then resolves it. */
      until: number;
      /** Set just before the commit; after a failure of unknown outcome it tells whether the commit landed. */
      commit?: CommitMark;
    }
  | {
      state: 'completed';
      attempt: string;
      fingerprint: string;
      /** The turn's events as first sent, `delta`s left out. */
      events: ChatResponse[];
    };

/**
 * Where idempotency keys live: in process (memory) or in Redis, shared by every replica. Every
 * method is atomic on its own. Keys are opaque (already hashed and scoped by the caller).
 */
export interface IdempotencyStore {
  /** Stores `record` under `key` for `ttlMs` unless the key exists; true when stored. */
  claim(key: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean>;

  /** The record, or null when the key is unknown or its TTL ran out. */
  get(key: string): Promise<IdempotencyRecord | null>;

  /** Replaces the record only while `attempt` holds the key; true when replaced. The TTL starts again. */
  replace(key: string, attempt: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean>;

  /** Removes the key only while `attempt` holds it (a failed attempt: a retry may run the turn). */
  release(key: string, attempt: string): Promise<void>;
}
export const IdempotencyStore = Symbol('IdempotencyStore');
