import type { Clock } from '../../src/common/clock.js';
import type { SessionStore } from '../../src/conversation/store/session-store.js';

/** One store under test, isolated from every other (its own keys, its own memory). */
export interface SessionStoreHarness {
  store: SessionStore;
  /** Stamps states the way the service does. */
  clock: Clock;
  /** Lets `ms` pass for the store's TTLs: a fake clock advances, a real one sleeps. */
  advance(ms: number): Promise<void>;
  /** Removes what the test left behind; may assert on it (e.g. that every key has a TTL). */
  cleanup(): Promise<void>;
}

export interface SessionStoreHarnessOptions {
  /** Durable events kept per session. */
  eventLogCap: number;
}

/** How a backend takes part in the suite (langgraphjs checkpoint-validation style). */
export interface SessionStoreInitializer {
  /** Prefix of every test name: `${name}#save …`. */
  name: string;
  create(options: SessionStoreHarnessOptions): Promise<SessionStoreHarness>;
}

/** What the example tests see: the current test's harness, set before each test. */
export interface ContractScope {
  readonly name: string;
  readonly harness: SessionStoreHarness;
  readonly store: SessionStore;
  now(): number;
}

/** Event log cap of the example tests. */
export const EVENT_LOG_CAP = 5;
/** A TTL short enough to wait out against a real clock, long enough for a busy machine. */
export const TTL_MS = 600;
export const LONG_TTL = { ttlMs: 60_000 };
