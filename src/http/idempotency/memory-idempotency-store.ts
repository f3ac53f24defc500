import type { Clock } from '../../common/clock.js';
import type { IdempotencyRecord, IdempotencyStore } from './idempotency-store.js';

/** Keys kept at most; past it the oldest go first (one process, so memory must stay bounded). */
const DEFAULT_MAX_KEYS = 50_000;

interface Entry {
  record: IdempotencyRecord;
  expiresAt: number;
}

/** Idempotency keys of this process only (`SESSION_STORE=memory`). Records are copied in and out. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  /** Insertion order is roughly expiry order (one TTL for completed records), which pruning relies on. */
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {}

  async claim(key: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.put(key, record, ttlMs);
    return true;
  }

  async get(key: string): Promise<IdempotencyRecord | null> {
    const entry = this.live(key);
    return entry ? structuredClone(entry.record) : null;
  }

  async replace(key: string, attempt: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean> {
    if (this.live(key)?.record.attempt !== attempt) return false;
    this.put(key, record, ttlMs);
    return true;
  }

  async release(key: string, attempt: string): Promise<void> {
    if (this.live(key)?.record.attempt === attempt) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private put(key: string, record: IdempotencyRecord, ttlMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { record: structuredClone(record), expiresAt: this.clock.now() + ttlMs });
    this.prune();
  }

  private prune(): void {
    const now = this.clock.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size <= this.maxKeys) break;
      this.entries.delete(key);
    }
  }
}
