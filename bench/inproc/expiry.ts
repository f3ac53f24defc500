import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { FakeClock } from '../../src/common/clock.js';
import { ConversationSettings } from '../../src/conversation/conversation.settings.js';
import { SessionExpirer } from '../../src/conversation/expiry/session-expirer.js';
import { type ConversationState, newConversationState } from '../../src/conversation/state.js';
import { report, runChild } from '../lib/child.js';
import { type Spread, spread } from '../lib/stats.js';
import { profileIf } from '../lib/cpu-profile.js';
import { BENCH_TENANT, serviceContext } from './service-context.js';

/**
 * Section 5: sweeps of the expiry job over a memory store holding 1 000 000 active sessions, 1 % of
 * them idle past the timeout (made idle again before each round). The store is filled through its API
 * with a fake clock (fresh sessions as `startSession` makes them); the sweep is the service's own
 * `SessionExpirer`. Blocking is measured two ways: `monitorEventLoopDelay` (1 ms resolution) and the
 * longest gap between `setImmediate` turns.
 */
export interface ExpiryResult {
  sessions: number;
  idle: number;
  fillMs: number;
  /** Per sweep (one per round; before each, `idle` sessions go idle past the timeout). */
  sweepMs: Spread;
  /** Sessions expired by each sweep. */
  expired: number[];
  warned: number[];
  /** Longest the event loop was held at once during each sweep (the larger of the two measures). */
  maxBlockMs: Spread;
  loopDelayP99Ms: Spread;
}

function freshSession(index: number, now: number): ConversationState {
  return newConversationState(`bench-${index.toString(36).padStart(8, '0')}-${(index * 2654435761 >>> 0).toString(16)}`, { userId: `user-${index % 1000}`, tenantId: BENCH_TENANT }, now);
}

/** One sweep, with the event loop watched all along. */
async function measuredSweep(expirer: SessionExpirer): Promise<{ sweepMs: number; expired: number; warned: number; maxBlockMs: number; loopDelayP99Ms: number }> {
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
  const started = performance.now();
  const swept = await expirer.sweep();
  const sweepMs = performance.now() - started;
  // Let the loop turn so a sweep that never yielded shows up in both measures.
  await sleep(5);
  probing = false;
  delay.disable();
  return { sweepMs, ...swept, maxBlockMs: Math.max(maxBlockMs, delay.max / 1e6), loopDelayP99Ms: delay.percentile(99) / 1e6 };
}

runChild(async () => {
  const sessions = Number(process.argv[2] ?? 1_000_000);
  const rounds = Number(process.argv[3] ?? 3);
  const idle = Math.round(sessions / 100);
  const clock = new FakeClock();
  const context = await serviceContext({}, clock);
  const settings = context.app.get(ConversationSettings);
  const expirer = context.app.get(SessionExpirer);
  const options = { ttlMs: settings.activeTtlMs };

  // 99 % active a minute ago, well inside the timeout; before each sweep 1 % more, idle past it.
  const idleAt = clock.now();
  clock.advance(settings.idleTimeoutMs + 60_000);
  const started = performance.now();
  for (let index = idle; index < sessions; index++) await context.store.create(freshSession(index, clock.now() - 60_000), options);
  const fillMs = performance.now() - started;

  // Starting the profiler holds the loop for a while: before the probes start.
  const profiler = await profileIf(process.argv[4]);
  const sweeps: Awaited<ReturnType<typeof measuredSweep>>[] = [];
  for (let round = 0; round < rounds; round++) {
    const first = round === 0 ? 0 : sessions + (round - 1) * idle;
    for (let index = first; index < first + idle; index++) await context.store.create(freshSession(index, idleAt), options);
    sweeps.push(await measuredSweep(expirer));
  }
  await profiler.stop();
  await context.app.close();

  const result: ExpiryResult = {
    sessions,
    idle,
    fillMs,
    sweepMs: spread(sweeps.map((sweep) => sweep.sweepMs)),
    expired: sweeps.map((sweep) => sweep.expired),
    warned: sweeps.map((sweep) => sweep.warned),
    maxBlockMs: spread(sweeps.map((sweep) => sweep.maxBlockMs)),
    loopDelayP99Ms: spread(sweeps.map((sweep) => sweep.loopDelayP99Ms)),
  };
  report({ type: 'result', result });
  if (!process.send) console.log(JSON.stringify(result, null, 2));
});
