import { performance } from 'node:perf_hooks';
import { report, runChild } from '../lib/child.js';
import { profileIf } from '../lib/cpu-profile.js';
import { type Spread, spread } from '../lib/stats.js';
import { TURN_MIX } from '../lib/turn-mix.js';
import { connectIntegrations, expectDone, mixInput, ownerOf, serviceContext, sessionAtMixStart, turn } from './service-context.js';

/**
 * Section 3: the cost of one turn inside the process (ConversationService, memory store, no HTTP):
 * one session runs the turn mix while the store holds 1, 1 000 and 100 000 live sessions.
 */
export interface TurnCostResult {
  turnsPerRound: number;
  /** µs per turn by number of live sessions. */
  bySessions: { sessions: number; usPerTurn: Spread }[];
  /** µs per turn at the largest count over µs per turn at one session. */
  growth: number;
}

const SESSION_COUNTS = [1, 1_000, 100_000];

runChild(async () => {
  const rounds = Number(process.argv[2] ?? 5);
  const turnsPerRound = Number(process.argv[3] ?? 2_100);
  const context = await serviceContext();
  const owner = ownerOf('hot');
  await connectIntegrations(context, owner);
  const sessionId = await sessionAtMixStart(context, owner);
  let step = 0;
  const run = async (turns: number): Promise<number> => {
    const started = performance.now();
    for (let index = 0; index < turns; index++) {
      const events = await turn(context, owner, sessionId, mixInput(step));
      if (index % 97 === 0) expectDone(events, TURN_MIX[step]!.donePhase, `mix step ${step}`);
      step = (step + 1) % TURN_MIX.length;
    }
    return ((performance.now() - started) * 1000) / turns;
  };
  await run(turnsPerRound);

  const bySessions: TurnCostResult['bySessions'] = [];
  let live = 1;
  for (const sessions of SESSION_COUNTS) {
    for (; live < sessions; live++) await context.conversations.startSession(ownerOf(`idle-${live}`));
    await run(Math.min(700, turnsPerRound));
    // The profile (optional) covers the measured turns at the largest count only.
    const profiler = await profileIf(sessions === SESSION_COUNTS.at(-1) ? process.argv[4] : undefined);
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) samples.push(await run(turnsPerRound));
    await profiler.stop();
    bySessions.push({ sessions, usPerTurn: spread(samples) });
  }
  await context.app.close();
  const result: TurnCostResult = {
    turnsPerRound,
    bySessions,
    growth: bySessions.at(-1)!.usPerTurn.median / bySessions[0]!.usPerTurn.median,
  };
  report({ type: 'result', result });
  if (!process.send) console.log(JSON.stringify(result, null, 2));
});
