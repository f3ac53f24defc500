import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { call, exited, nextMessage, spawnBench, stopChild } from '../lib/child.js';
import { type Spread, spread } from '../lib/stats.js';

/**
 * Section 3: µs per in-process turn with 1, 1 000 and 100 000 live sessions. Each count lives in its own
 * process (so each has its own heap, as a real process with that many sessions would), and rounds take
 * turns between them, so drifts in machine load hit every count alike.
 */
export interface TurnCostResult {
  turnsPerRound: number;
  /** µs per turn by number of live sessions. */
  bySessions: { sessions: number; usPerTurn: Spread }[];
  /** Median over rounds of (µs per turn at the largest count / µs per turn at one session), each round compared with itself. */
  growth: Spread;
}

export const SESSION_COUNTS = [1, 1_000, 100_000];

export async function runTurnCost(options: { rounds: number; turnsPerRound: number; profileDir?: string }): Promise<TurnCostResult> {
  const children: ChildProcess[] = [];
  try {
    for (const sessions of SESSION_COUNTS) {
      const child = spawnBench('inproc/turn-cost.js', [String(sessions)]);
      children.push(child);
      await nextMessage(child, 'ready', 180_000);
    }
    // Warm-up: the JIT settles on the turn path in every process.
    for (const child of children) await call(child, 'round', { turns: options.turnsPerRound });
    const largest = children.at(-1)!;
    if (options.profileDir) await call(largest, 'profileStart');
    const samples: number[][] = SESSION_COUNTS.map(() => []);
    for (let round = 0; round < options.rounds; round++) {
      for (const [index, child] of children.entries()) samples[index]!.push(await call<number>(child, 'round', { turns: options.turnsPerRound }));
    }
    if (options.profileDir) await call(largest, 'profileStop', { path: join(options.profileDir, 'turn-cost.cpuprofile') });
    for (const child of children) {
      await call(child, 'stop').catch(() => undefined);
      await exited(child, 10_000);
    }
    const first = samples[0]!;
    const last = samples.at(-1)!;
    return {
      turnsPerRound: options.turnsPerRound,
      bySessions: SESSION_COUNTS.map((sessions, index) => ({ sessions, usPerTurn: spread(samples[index]!) })),
      growth: spread(last.map((value, round) => value / first[round]!)),
    };
  } finally {
    await Promise.all(children.map((child) => stopChild(child)));
  }
}
