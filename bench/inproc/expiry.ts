import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { FakeClock } from '../../src/common/clock.js';
import { ConversationSettings } from '../../src/conversation/conversation.settings.js';
import { SessionExpirer } from '../../src/conversation/expiry/session-expirer.js';
import { emptyRequirements } from '../../src/conversation/requirements/requirements.js';
import { ConversationPhase, type ConversationState } from '../../src/conversation/state.js';
import { report, runChild } from '../lib/child.js';
import { profileIf } from '../lib/cpu-profile.js';
import { BENCH_TENANT, serviceContext } from './service-context.js';

/**
 * Section 5: one sweep of the expiry job over a memory store holding 1 000 000 sessions, 1 % of them
 * idle past the timeout. The store is filled through its API with a fake clock (a fresh session as
 * `startSession` makes it); the sweep is the service's own `SessionExpirer`. Blocking is measured two
 * ways: `monitorEventLoopDelay` (1 ms resolution) and the longest gap between `setImmediate` turns.
 */
export interface ExpiryResult {
  sessions: number;
  idle: number;
  fillMs: number;
  sweepMs: number;
  expired: number;
  warned: number;
  /** Longest the event loop was held at once during the sweep. */
  maxBlockMs: number;
  loopDelay: { p50Ms: number; p99Ms: number; maxMs: number };
}

function freshSession(index: number, now: number): ConversationState {
  return {
    sessionId: `bench-${index.toString(36).padStart(8, '0')}-${(index * 2654435761 >>> 0).toString(16)}`,
    userId: `user-${index % 1000}`,
    tenantId: BENCH_TENANT,
    phase: ConversationPhase.IDLE,
    status: 'active',
    context: { requirements: emptyRequirements(), integrations: [], transcript: [], lastTestRun: null },
    pendingOauth: null,
    draftAgentId: null,
    history: [],
    version: 0,
    lastEventSeq: 0,
    createdAt: now,
    updatedAt: now,
    lastActivityAt: now,
    expiryWarnedAt: null,
    expiredAt: null,
  };
}

runChild(async () => {
  const sessions = Number(process.argv[2] ?? 1_000_000);
  const idle = Math.round(sessions / 100);
  const clock = new FakeClock();
  const context = await serviceContext({}, clock);
  const settings = context.app.get(ConversationSettings);
  const expirer = context.app.get(SessionExpirer);

  const started = performance.now();
  const options = { ttlMs: settings.activeTtlMs };
  for (let index = 0; index < idle; index++) await context.store.create(freshSession(index, clock.now()), options);
  // The rest were active a minute ago, well inside the timeout.
  clock.advance(settings.idleTimeoutMs + 60_000);
  const activeAt = clock.now() - 60_000;
  for (let index = idle; index < sessions; index++) await context.store.create(freshSession(index, activeAt), options);
  const fillMs = performance.now() - started;

  // Starting the profiler holds the loop for a while: before the probes start.
  const profiler = await profileIf(process.argv[3]);
  (globalThis as { gc?: () => void }).gc?.();
  await sleep(50);
  let maxBlockMs = 0;
  let last = performance.now();
  let probing = true;
  const probe = (): void => {
    const now = performance.now();
    maxBlockMs = Math.max(maxBlockMs, now - last);
    last = now;
    if (probing) setImmediate(probe);
  };
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  setImmediate(probe);
  await sleep(5);
  const sweepStarted = performance.now();
  const swept = await expirer.sweep();
  const sweepMs = performance.now() - sweepStarted;
  // Let the loop turn so a sweep that never yielded shows up in both measures.
  await sleep(5);
  probing = false;
  delay.disable();
  await profiler.stop();
  await context.app.close();

  const result: ExpiryResult = {
    sessions,
    idle,
    fillMs,
    sweepMs,
    expired: swept.expired,
    warned: swept.warned,
    maxBlockMs,
    loopDelay: { p50Ms: delay.percentile(50) / 1e6, p99Ms: delay.percentile(99) / 1e6, maxMs: delay.max / 1e6 },
  };
  report({ type: 'result', result });
  if (!process.send) console.log(JSON.stringify(result, null, 2));
});
