import { AppConfig } from '../../src/config/app-config.js';
import { report, runChild } from '../lib/child.js';
import { TURN_MIX } from '../lib/turn-mix.js';
import { type ServiceContext, connectIntegrations, expectDone, mixInput, ownerOf, serviceContext, sessionAtMixStart, turn } from './service-context.js';

/**
 * Section 4: heap per session after a full GC (`--expose-gc`). Idle: sessions just started, one user
 * each. Finished: the README's conversation to COMPLETE (integrations connected beforehand). At the caps:
 * the turn mix run until the history, the event log and the transcript are full.
 */
export interface MemoryResult {
  idle: { sessions: number; bytesPerSession: number };
  finished: { sessions: number; turns: number; bytesPerSession: number };
  atCaps: { sessions: number; turns: number; bytesPerSession: number; historyLength: number; events: number };
  caps: { history: number; eventLog: number; transcript: number };
}

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with --expose-gc');
  for (let pass = 0; pass < 3; pass++) collect();
};

const heapAfterGc = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

/** The rest of the README conversation after the first message (its OAuth steps done beforehand). */
const FINISH: { input: Parameters<typeof turn>[3]; phase: string }[] = [
  { input: { text: 'only emails from my manager' }, phase: 'REQUIREMENTS' },
  { input: { text: 'yes, build it' }, phase: 'TESTING' },
  { input: { text: 'change the time to 7:30' }, phase: 'REQUIREMENTS' },
  { input: { action: 'confirm' }, phase: 'TESTING' },
  { input: { text: 'looks good, turn it on' }, phase: 'ACTIVATION' },
  { input: { action: 'confirm' }, phase: 'COMPLETE' },
];

/**
 * Heap per session built by `build`, at the margin: a warm-up of `count / 20` sessions (at most 100) is built
 * before the baseline, so that code compiled and caches filled on first use (about 3.6 MB here, 1.8 KB
 * of each of 2 000 finished conversations otherwise) are not counted as what a session keeps.
 */
async function measure(context: ServiceContext, count: number, build: (index: number) => Promise<number>): Promise<{ bytesPerSession: number; turns: number }> {
  const warmup = Math.min(100, Math.ceil(count / 20));
  // Credentials are per user, not per session: stored before the baseline.
  for (let index = -warmup; index < count; index++) await connectIntegrations(context, ownerOf(`u-${index}`));
  for (let index = -warmup; index < 0; index++) await build(index);
  const before = heapAfterGc();
  let turns = 0;
  for (let index = 0; index < count; index++) turns += await build(index);
  return { bytesPerSession: (heapAfterGc() - before) / count, turns };
}

runChild(async () => {
  const idleCount = Number(process.argv[2] ?? 100_000);
  const finishedCount = Number(process.argv[3] ?? 2_000);
  const cappedCount = Number(process.argv[4] ?? 500);

  const idleContext = await serviceContext();
  const before = heapAfterGc();
  for (let index = 0; index < idleCount; index++) await idleContext.conversations.startSession(ownerOf(`idle-${index}`));
  const idle = { sessions: idleCount, bytesPerSession: (heapAfterGc() - before) / idleCount };
  await idleContext.app.close();

  const context = await serviceContext();
  const finished = await measure(context, finishedCount, async (index) => {
    const owner = ownerOf(`u-${index}`);
    const sessionId = await sessionAtMixStart(context, owner);
    for (const step of FINISH) expectDone(await turn(context, owner, sessionId, step.input), step.phase, 'finishing');
    return 1 + FINISH.length;
  });
  await context.app.close();

  const capped = await serviceContext();
  const caps = capped.app.get(AppConfig).env;
  // A pass of the mix adds 8 phase changes and about 36 events; one more pass than needed to fill both.
  const cyclesToCaps = Math.ceil(Math.max(caps.HISTORY_CAP / 8, caps.EVENT_LOG_CAP / 36)) + 1;
  let last = { historyLength: 0, events: 0 };
  const atCaps = await measure(capped, cappedCount, async (index) => {
    const owner = ownerOf(`u-${index}`);
    const sessionId = await sessionAtMixStart(capped, owner);
    let turns = 1;
    for (let cycle = 0; cycle < cyclesToCaps; cycle++) {
      for (let step = 0; step < TURN_MIX.length; step++, turns++) {
        expectDone(await turn(capped, owner, sessionId, mixInput(step)), TURN_MIX[step]!.donePhase, `mix step ${step}`);
      }
    }
    const state = await capped.conversations.getSession(owner, sessionId);
    last = { historyLength: state.history.length, events: (await capped.store.readEvents(sessionId, 0, 10_000)).length };
    return turns;
  });
  await capped.app.close();

  const result: MemoryResult = {
    idle,
    finished: { sessions: finishedCount, ...finished },
    atCaps: { sessions: cappedCount, ...atCaps, ...last },
    caps: { history: caps.HISTORY_CAP, eventLog: caps.EVENT_LOG_CAP, transcript: caps.TRANSCRIPT_CAP },
  };
  report({ type: 'result', result });
  if (!process.send) console.log(JSON.stringify(result, null, 2));
});
