import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, closeServer, nextMessage, spawnBench, stopChild } from '../lib/child.js';
import { freePort } from '../lib/ports.js';
import { serviceEnv } from '../lib/service-env.js';
import { type Spread, spread } from '../lib/stats.js';
import { TURN_MIX } from '../lib/turn-mix.js';
import type { RoundResult } from './load-runner.js';
import type { ServerStats } from './server-stats.js';
import { RedisProbe } from './redis-probe.js';

export interface ThroughputOptions {
  rounds: number;
  durationS: number;
  connections: number;
  /** Sessions the rounds rotate through, per service. */
  sessions: number;
  /** Redis for the second service (skipped without). */
  redisUrl?: string;
  /** Node flags for the server processes. */
  serverExecArgv: string[];
  /** Where to write a CPU profile of each server over its measured rounds (none without). */
  profileDir?: string;
  log: (line: string) => void;
}

export interface TargetSummary {
  turnsPerS: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  loopDelayP99Ms: Spread;
  /**
   * CPU µs per turn, of the server and of its load generator: what a turn costs the server whatever
   * limits the throughput (a server below one core's worth is waiting on the load generator).
   */
  serverCpuUsPerTurn: Spread;
  loadCpuUsPerTurn: Spread;
  rounds: (RoundResult & { server: ServerStats })[];
  /** Server heap after a full GC before the first measured round and after the last: what the turns left behind. */
  heapAfterGc: { beforeBytes: number; afterBytes: number; turns: number };
}

export interface RedisCommandCounts {
  /** Commands the service sent per turn (round trips; a script is one). */
  clientPerTurn: Spread;
  byName: Record<string, number>;
  /** `INFO commandstats` delta per turn: includes the calls made inside Lua scripts (server-wide, so others' traffic adds to it). */
  serverPerTurn: Spread;
}

export interface ThroughputResult {
  options: Pick<ThroughputOptions, 'rounds' | 'durationS' | 'connections' | 'sessions'> & { redis: boolean };
  /** Average SSE events and bytes per turn of the mix (from the calibration pass). */
  mix: { steps: number; eventsPerTurn: number; bytesPerTurn: number };
  bare: TargetSummary;
  memory: TargetSummary;
  /**
   * The same service (memory store) with each mix turn answered from events recorded on its first run
   * (`BENCH_REPLAY_TURNS`): what the route costs without the turn's work.
   */
  replay: TargetSummary;
  redis: (TargetSummary & { commands: RedisCommandCounts }) | null;
  /** Service turns/s over the bare endpoint's, per round (rounds interleaved, so neighbours are compared). */
  memoryRatio: Spread;
  /** The route with turns replayed over the bare endpoint, per round. */
  replayRatio: Spread;
  redisRatio: Spread | null;
}

interface Target {
  name: 'bare' | 'memory' | 'replay' | 'redis';
  server: ChildProcess;
  runner: ChildProcess;
  url: string;
  rounds: (RoundResult & { server: ServerStats })[];
  heapBefore: number;
  heapAfter: number;
}

async function startServer(script: string, args: string[], env: Record<string, string>, execArgv: string[]): Promise<ChildProcess> {
  const server = spawnBench(script, args, { env, execArgv: ['--expose-gc', ...execArgv], quiet: true });
  await nextMessage(server, 'ready', 60_000);
  return server;
}

async function startRunner(): Promise<ChildProcess> {
  const runner = spawnBench('http/load-runner.js');
  await nextMessage(runner, 'ready');
  return runner;
}

function summarize(target: Target): TargetSummary {
  return {
    turnsPerS: spread(target.rounds.map((round) => round.turnsPerS)),
    p50Ms: spread(target.rounds.map((round) => round.p50Ms)),
    p99Ms: spread(target.rounds.map((round) => round.p99Ms)),
    loopDelayP99Ms: spread(target.rounds.map((round) => round.server.loopDelay.p99Ms)),
    serverCpuUsPerTurn: spread(target.rounds.map((round) => round.server.cpuUs / Math.max(1, round.turns + round.offScript))),
    loadCpuUsPerTurn: spread(target.rounds.map((round) => round.cpuUs / Math.max(1, round.turns + round.offScript))),
    rounds: target.rounds,
    heapAfterGc: { beforeBytes: target.heapBefore, afterBytes: target.heapAfter, turns: target.rounds.reduce((sum, round) => sum + round.turns + round.offScript, 0) },
  };
}

/**
 * Sections 1 and 2: the service (memory store, the same with its turns replayed, then Redis store)
 * against the bare NestJS endpoint, each server in its own process and autocannon in another, rounds
 * interleaved (bare, memory, replay, Redis, bare, …) so that drifts in machine load hit all of them alike.
 */
export async function runThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const children: ChildProcess[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'bench-http-'));
  const probe = options.redisUrl ? new RedisProbe(options.redisUrl) : null;
  try {
    const targets: Target[] = [];
    const memoryPort = await freePort();
    const memoryServer = await startServer('http/app-server.js', [], serviceEnv(memoryPort), options.serverExecArgv);
    children.push(memoryServer);
    const memoryRunner = await startRunner();
    children.push(memoryRunner);
    const memoryUrl = `http://127.0.0.1:${memoryPort}`;

    options.log(`  calibrating the mix and preparing ${options.sessions} sessions (memory store)`);
    const bodies = await call<string[]>(memoryRunner, 'calibrate', { baseUrl: memoryUrl, userPrefix: 'cal' });
    await call(memoryRunner, 'prepare', { baseUrl: memoryUrl, sessions: options.sessions, bare: false, userPrefix: 'mem' });
    const framesFile = join(scratch, 'frames.json');
    writeFileSync(framesFile, JSON.stringify(bodies));
    const events = bodies.map((body) => body.split('\n\n').filter((frame) => frame.trim()).length);

    const barePort = await freePort();
    const bareServer = await startServer('http/bare-server.js', [framesFile], { PORT: String(barePort) }, options.serverExecArgv);
    children.push(bareServer);
    const bareRunner = await startRunner();
    children.push(bareRunner);
    const bareUrl = `http://127.0.0.1:${barePort}`;
    await call(bareRunner, 'prepare', { baseUrl: bareUrl, sessions: options.sessions, bare: true, userPrefix: 'bare' });
    targets.push({ name: 'bare', server: bareServer, runner: bareRunner, url: bareUrl, rounds: [], heapBefore: 0, heapAfter: 0 });
    targets.push({ name: 'memory', server: memoryServer, runner: memoryRunner, url: memoryUrl, rounds: [], heapBefore: 0, heapAfter: 0 });

    const replayPort = await freePort();
    const replayServer = await startServer('http/app-server.js', [], serviceEnv(replayPort, { BENCH_REPLAY_TURNS: '1' }), options.serverExecArgv);
    children.push(replayServer);
    const replayRunner = await startRunner();
    children.push(replayRunner);
    const replayUrl = `http://127.0.0.1:${replayPort}`;
    await call(replayRunner, 'prepare', { baseUrl: replayUrl, sessions: options.sessions, bare: false, userPrefix: 'replay' });
    targets.push({ name: 'replay', server: replayServer, runner: replayRunner, url: replayUrl, rounds: [], heapBefore: 0, heapAfter: 0 });

    const redisServerCounts: number[] = [];
    const redisUp = probe ? await probe.reachable() : false;
    if (probe && !redisUp) options.log(`  Redis at ${options.redisUrl} does not answer: skipping the Redis store`);
    if (options.redisUrl && probe && redisUp) {
      const redisPort = await freePort();
      const env = serviceEnv(redisPort, { SESSION_STORE: 'redis', REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: probe.prefix });
      const redisServer = await startServer('http/app-server.js', [], env, options.serverExecArgv);
      children.push(redisServer);
      const redisRunner = await startRunner();
      children.push(redisRunner);
      const redisUrl = `http://127.0.0.1:${redisPort}`;
      options.log(`  preparing ${options.sessions} sessions (Redis store, prefix ${probe.prefix})`);
      await call(redisRunner, 'prepare', { baseUrl: redisUrl, sessions: options.sessions, bare: false, userPrefix: 'redis' });
      targets.push({ name: 'redis', server: redisServer, runner: redisRunner, url: redisUrl, rounds: [], heapBefore: 0, heapAfter: 0 });
    }

    const roundTimeout = (options.durationS + 60) * 1000;
    for (const target of targets) {
      await call(target.runner, 'round', { url: target.url, connections: options.connections, durationS: Math.min(3, options.durationS) }, roundTimeout);
    }
    for (const target of targets) target.heapBefore = await call<number>(target.server, 'heapAfterGc');
    if (options.profileDir) for (const target of targets) await call(target.server, 'profileStart');
    for (let round = 1; round <= options.rounds; round++) {
      for (const target of targets) {
        await call(target.server, 'reset');
        const before = target.name === 'redis' && probe ? await probe.commandCalls() : 0;
        const result = await call<RoundResult>(target.runner, 'round', { url: target.url, connections: options.connections, durationS: options.durationS }, roundTimeout);
        const server = await call<ServerStats>(target.server, 'stats');
        if (target.name === 'redis' && probe) redisServerCounts.push(((await probe.commandCalls()) - before - 1) / Math.max(1, result.turns + result.offScript));
        target.rounds.push({ ...result, server });
        options.log(
          `  round ${round} ${target.name.padEnd(6)} ${result.turnsPerS.toFixed(0).padStart(6)} turns/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms` +
            (result.offScript || result.errors || result.non2xx ? `  (off-script ${result.offScript}, errors ${result.errors}, non-2xx ${result.non2xx})` : ''),
        );
      }
    }

    for (const target of targets) target.heapAfter = await call<number>(target.server, 'heapAfterGc');
    if (options.profileDir) {
      for (const target of targets) await call(target.server, 'profileStop', { path: join(options.profileDir, `http-${target.name}.cpuprofile`) });
    }
    const [bare, memory, replay, redis] = [targets[0]!, targets[1]!, targets[2]!, targets[3]];
    const ratio = (target: Target): Spread => spread(target.rounds.map((round, index) => round.turnsPerS / bare.rounds[index]!.turnsPerS));
    let redisSummary: ThroughputResult['redis'] = null;
    if (redis) {
      const byName: Record<string, number> = {};
      let turns = 0;
      for (const round of redis.rounds) {
        turns += round.turns + round.offScript;
        for (const [name, count] of Object.entries(round.server.redisCommands)) byName[name] = (byName[name] ?? 0) + count;
      }
      for (const name of Object.keys(byName)) byName[name] = byName[name]! / Math.max(1, turns);
      redisSummary = {
        ...summarize(redis),
        commands: {
          clientPerTurn: spread(
            redis.rounds.map((round) => Object.values(round.server.redisCommands).reduce((sum, count) => sum + count, 0) / Math.max(1, round.turns + round.offScript)),
          ),
          byName,
          serverPerTurn: spread(redisServerCounts),
        },
      };
    }
    for (const target of targets) await closeServer(target.server);
    return {
      options: { rounds: options.rounds, durationS: options.durationS, connections: options.connections, sessions: options.sessions, redis: !!redis },
      mix: {
        steps: TURN_MIX.length,
        eventsPerTurn: events.reduce((sum, count) => sum + count, 0) / events.length,
        bytesPerTurn: bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0) / bodies.length,
      },
      bare: summarize(bare),
      memory: summarize(memory),
      replay: summarize(replay),
      redis: redisSummary,
      memoryRatio: ratio(memory),
      replayRatio: ratio(replay),
      redisRatio: redis ? ratio(redis) : null,
    };
  } finally {
    await Promise.all(children.map((child) => stopChild(child)));
    await probe?.cleanup().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
}
