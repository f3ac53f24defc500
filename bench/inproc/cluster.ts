import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import { PrivateRedisCluster } from '../../test/contracts/private-redis-cluster.js';
import { report, runChild } from '../lib/child.js';
import { removeKeysUnder } from '../lib/redis-keys.js';
import { type Spread, spread } from '../lib/stats.js';
import { TURN_MIX } from '../lib/turn-mix.js';
import { connectIntegrations, expectDone, mixInput, ownerOf, serviceContext, sessionAtMixStart, turn } from './service-context.js';

/**
 * Section 9: the service in process (`ConversationService`, no HTTP) on a Redis Cluster of its own
 * (3 masters, 3 replicas on loopback, started and stopped here) beside the single node of `REDIS_URL`,
 * 50 sessions in flight running the turn mix of section 3, rounds taking turns between the two stores.
 * Commands per turn are the commands the service's command connection sent (scripts count as one).
 * argv: rounds, turns per round, Redis URL (optional), key prefix.
 */
export interface ClusterResult {
  turnsPerRound: number;
  /** Absent when the cluster could not be started (no redis-server / redis-cli): `skipped` says why. */
  clusterTurnsPerS?: Spread;
  clusterCommandsPerTurn?: number;
  singleTurnsPerS?: Spread;
  singleCommandsPerTurn?: number;
  skipped?: string;
}

const IN_FLIGHT = 50;

interface Target {
  context: Awaited<ReturnType<typeof serviceContext>>;
  sessions: { owner: ReturnType<typeof ownerOf>; sessionId: string }[];
  rates: number[];
  sent: { count: number };
}

/** Counts what the command connection sends (a cluster client sends every command through `sendCommand`). */
function countCommands(client: Redis): { count: number } {
  const sent = { count: 0 };
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((...args: Parameters<Redis['sendCommand']>) => {
    sent.count++;
    return send(...args);
  }) as Redis['sendCommand'];
  return sent;
}

async function target(env: Record<string, string>, name: string): Promise<Target> {
  const context = await serviceContext({ SESSION_STORE: 'redis', ...env });
  const sessions: Target['sessions'] = [];
  for (let index = 0; index < IN_FLIGHT; index++) {
    const owner = ownerOf(`${name}-${index}`);
    await connectIntegrations(context, owner);
    sessions.push({ owner, sessionId: await sessionAtMixStart(context, owner) });
  }
  return { context, sessions, rates: [], sent: countCommands(context.app.get(RedisConnections).command) };
}

/** `turns` turns over the target's sessions, each running the mix in order: turns/s and commands sent. */
async function round(on: Target, turns: number): Promise<{ rate: number; commands: number; turns: number }> {
  const perSession = Math.ceil(turns / on.sessions.length);
  const before = on.sent.count;
  const started = performance.now();
  await Promise.all(
    on.sessions.map(async ({ owner, sessionId }) => {
      for (let step = 0; step < perSession; step++) {
        const events = await turn(on.context, owner, sessionId, mixInput(step % TURN_MIX.length));
        if (step === 0) expectDone(events, TURN_MIX[0]!.donePhase, 'bench turn');
      }
    }),
  );
  const done = perSession * on.sessions.length;
  return { rate: done / ((performance.now() - started) / 1000), commands: on.sent.count - before, turns: done };
}

runChild(async () => {
  const rounds = Number(process.argv[2] ?? 3);
  const turns = Number(process.argv[3] ?? 7_000);
  const redisUrl = process.argv[4] || undefined;
  const prefix = process.argv[5] ?? `bench-cluster-${process.pid}:`;
  let cluster: PrivateRedisCluster | undefined;
  try {
    cluster = await PrivateRedisCluster.start();
  } catch (error) {
    report({ type: 'result', result: { turnsPerRound: turns, skipped: `no private cluster: ${(error as Error).message.split('\n')[0]}` } satisfies ClusterResult });
    return;
  }
  const targets: Target[] = [];
  try {
    const onCluster = await target({ REDIS_CLUSTER_NODES: cluster.seeds, REDIS_KEY_PREFIX: prefix }, 'cluster');
    targets.push(onCluster);
    const onSingle = redisUrl ? await target({ REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix }, 'single') : undefined;
    if (onSingle) targets.push(onSingle);
    const commands = targets.map(() => ({ sent: 0, turns: 0 }));
    // The first round warms the JIT up and is not counted.
    for (let index = 0; index <= rounds; index++) {
      for (const [which, on] of targets.entries()) {
        const measured = await round(on, turns);
        if (index === 0) continue;
        on.rates.push(measured.rate);
        commands[which]!.sent += measured.commands;
        commands[which]!.turns += measured.turns;
      }
    }
    const perTurn = (which: number): number => commands[which]!.sent / commands[which]!.turns;
    const result: ClusterResult = {
      turnsPerRound: turns,
      clusterTurnsPerS: spread(onCluster.rates),
      clusterCommandsPerTurn: perTurn(0),
      ...(onSingle ? { singleTurnsPerS: spread(onSingle.rates), singleCommandsPerTurn: perTurn(1) } : {}),
    };
    report({ type: 'result', result });
    if (!process.send) console.log(JSON.stringify(result, null, 2));
  } finally {
    await Promise.all(targets.map((on) => on.context.app.close()));
    // The cluster goes with its keys; the single node's are removed.
    await cluster.stop();
    if (redisUrl) await removeKeysUnder(redisUrl, prefix);
  }
});
