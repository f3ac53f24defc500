import { createHash } from 'node:crypto';
import type { Clock } from '../common/clock.js';

/**
 * What became of a callback whose `state` was taken: lets a duplicate of it (double click, prefetch,
 * the same redirect reaching two replicas) be answered with what happened instead of "invalid".
 * Holds no secret: the session, the integration and a status.
 */
export interface CallbackReceipt {
  sessionId: string;
  integration: string;
  provider: string;
  /** `exchanging` while the first callback runs; `refused` when it was not accepted (session ended, moved on). */
  status: 'exchanging' | 'connected' | 'denied' | 'failed' | 'expired' | 'refused';
}

/**
 * Receipts of taken OAuth states, kept for a while after the state itself is gone. Keyed by a hash of
 * the state, so the store holds nothing that would pass for a state. Shared across replicas when
 * the session store is (Redis).
 */
export interface CallbackReceipts {
  /** Stores (or replaces) the receipt of `state` for `ttlMs`. */
  put(state: string, receipt: CallbackReceipt, ttlMs: number): Promise<void>;
  /** The receipt of `state`, or null when there is none (never taken, or forgotten). */
  get(state: string): Promise<CallbackReceipt | null>;
  /**
   * Claims `state` for one callback: stores `receipt` for `ttlMs` unless a receipt exists, atomically
   * across replicas. Null when this caller won; otherwise the receipt that was there.
   */
  claim(state: string, receipt: CallbackReceipt, ttlMs: number): Promise<CallbackReceipt | null>;
  /** Removes the receipt of `state` (a claim given back: the link is usable again). */
  release(state: string): Promise<void>;
}
export const CallbackReceipts = Symbol('CallbackReceipts');

/** The key of a state's receipt: base64url SHA-256, so a leaked receipt key is no usable state. */
export function receiptKey(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('base64url');
}

/** The embedded receipts: a Map pruned of expired entries as it is written. */
export class InMemoryCallbackReceipts implements CallbackReceipts {
  private readonly receipts = new Map<string, { receipt: CallbackReceipt; expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  async put(state: string, receipt: CallbackReceipt, ttlMs: number): Promise<void> {
    this.write(state, receipt, ttlMs);
  }

  async get(state: string): Promise<CallbackReceipt | null> {
    const entry = this.receipts.get(receiptKey(state));
    return entry && entry.expiresAt > this.clock.now() ? { ...entry.receipt } : null;
  }

  async claim(state: string, receipt: CallbackReceipt, ttlMs: number): Promise<CallbackReceipt | null> {
    // No await between the look and the write: of concurrent claims exactly one wins.
    const entry = this.receipts.get(receiptKey(state));
    if (entry && entry.expiresAt > this.clock.now()) return { ...entry.receipt };
    this.write(state, receipt, ttlMs);
    return null;
  }

  async release(state: string): Promise<void> {
    this.receipts.delete(receiptKey(state));
  }

  private write(state: string, receipt: CallbackReceipt, ttlMs: number): void {
    const now = this.clock.now();
    // Roughly expiry order (claims live shorter than receipts); stop at the first live one, a later write takes the rest.
    for (const [key, entry] of this.receipts) {
      if (entry.expiresAt > now) break;
      this.receipts.delete(key);
    }
    const key = receiptKey(state);
    this.receipts.delete(key);
    this.receipts.set(key, { receipt: { ...receipt }, expiresAt: now + ttlMs });
  }
}
