import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ThroughputResult, runThroughput } from './http/throughput.js';
import type { ExpiryResult } from './inproc/expiry.js';
import type { MemoryResult } from './inproc/memory.js';
import type { ClusterResult } from './inproc/cluster.js';
import type { PeersResult } from './inproc/peers.js';
import { type TurnCostResult, runTurnCost } from './inproc/turn-cost-runner.js';
import { type BenchMessage, exited, nextMessage, spawnBench, stopChild } from './lib/child.js';
import { type CpuProfile, type ProfileSummary, formatSummary, summarizeProfile } from './lib/profile-summary.js';
import type { Spread } from './lib/stats.js';
import { type Row, formatTable, markdownTable, overBy, underBy } from './lib/table.js';
import { type OpenStreamsResult, runOpenStreams } from './streams/open-streams.js';
import { type FallbackRate, type FirstDeltaLatency, measureFallbackRate, measureFirstDeltaLatency } from './llm-latency.js';

/**
 * `npm run bench [-- --only=http,turn,memory,expiry,streams,llm,peers,cluster] [--quick] [--profile]`
 *
 * Runs the six benchmarks of issue 7 and the LLM path's (issue 5) one after the other, each in processes of its own, prints a
 * table of every figure with its target and whether it is met, and writes everything measured to
 * `bench/results/latest.json` (and the table to `latest.md`). `--profile` also writes CPU profiles of
 * the measured parts to `bench/results/profiles/` and prints where their time went. `--quick` is a
 * smoke run with small sizes (its figures are not the benchmark's).
 */
const SECTIONS = ['http', 'turn', 'memory', 'expiry', 'streams', 'llm', 'peers', 'cluster'] as const;
type Section = (typeof SECTIONS)[number];

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const only = args.find((arg) => arg.startsWith('--only='))?.slice(7).split(',') as Section[] | undefined;
const quick = flag('quick');
const profile = flag('profile');
const enabled = (section: Section): boolean => !only || only.includes(section);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = join(root, 'bench/results');
const profileDir = join(resultsDir, 'profiles');
mkdirSync(profile ? profileDir : resultsDir, { recursive: true });

const sizes = quick
  ? { rounds: 1, durationS: 3, sessions: 100, turnRounds: 2, turnsPerRound: 700, idle: 10_000, finished: 200, capped: 50, expiry: 100_000, expiryRounds: 2, streams: 1_000, holdS: 6, heartbeatMs: 2_000, peerRounds: 1, peerTurns: 1_400 }
  : { rounds: 3, durationS: 10, sessions: 500, turnRounds: 5, turnsPerRound: 2_100, idle: 100_000, finished: 2_000, capped: 300, expiry: 1_000_000, expiryRounds: 3, streams: 10_000, holdS: 30, heartbeatMs: 5_000, peerRounds: 3, peerTurns: 7_000 };

const log = (line: string): void => console.log(line);
const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;

/**
 * Runs a one-shot benchmark process and returns what it reports. With `--profile`, the process gets
 * the path of its profile as one more argument (`profileArg`: it profiles only what it measures) or,
 * without one, runs under `--cpu-prof`.
 */
async function oneShot<T>(script: string, scriptArgs: (string | number)[], execArgv: string[], name: string, profileArg = false): Promise<T> {
  const path = join(profileDir, `${name}.cpuprofile`);
  const flags = profile && !profileArg ? [...execArgv, '--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : execArgv;
  const child = spawnBench(script, [...scriptArgs.map(String), ...(profile && profileArg ? [path] : [])], { execArgv: flags });
  try {
    const message = await nextMessage<BenchMessage & { result: T }>(child, 'result', 240_000);
    // A profiled child writes its profile as it exits.
    await exited(child, 30_000);
    return message.result;
  } finally {
    await stopChild(child);
  }
}

const ms = (value: number, digits = 0): string => `${value.toFixed(digits)} ms`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const range = (value: Spread, format: (n: number) => string): string =>
  value.rounds.length > 1 ? `${format(value.median)} (${format(value.min)}–${format(value.max)})` : format(value.median);
const num = (digits: number) => (n: number): string => n.toFixed(digits);

function httpRows(result: ThroughputResult): Row[] {
  const rows: Row[] = [];
  const latency = (summary: ThroughputResult['bare']): string => `${summary.p50Ms.median} / ${summary.p99Ms.median} ms`;
  rows.push({ section: '1', figure: 'bare NestJS SSE endpoint, turns/s', value: range(result.bare.turnsPerS, num(0)), target: 'the floor', met: null });
  rows.push({ section: '1', figure: 'service, memory store, turns/s', value: range(result.memory.turnsPerS, num(0)), target: '', met: null });
  const ratio = result.memoryRatio.median;
  rows.push({ section: '1', figure: 'service / bare throughput (memory)', value: range(result.memoryRatio, num(2)), target: '≥ 0.50', met: ratio >= 0.5, miss: underBy(ratio, 0.5) });
  const cpu = (summary: ThroughputResult['bare']): string => `${summary.serverCpuUsPerTurn.median.toFixed(0)} / ${summary.loadCpuUsPerTurn.median.toFixed(0)} µs`;
  rows.push({ section: '1', figure: 'CPU per turn, server / load generator, bare', value: cpu(result.bare), target: '', met: null });
  rows.push({ section: '1', figure: 'CPU per turn, server / load generator, memory store', value: cpu(result.memory), target: '', met: null });
  rows.push({ section: '1', figure: 'service route, turns replayed (no turn work) / bare', value: range(result.replayRatio, num(2)), target: '', met: null });
  rows.push({ section: '1', figure: 'CPU per turn, server / load generator, turns replayed', value: cpu(result.replay), target: '', met: null });
  rows.push({ section: '1', figure: 'latency p50 / p99, bare', value: latency(result.bare), target: '', met: null });
  rows.push({ section: '1', figure: 'latency p50 / p99, memory store', value: latency(result.memory), target: '', met: null });
  rows.push({ section: '1', figure: 'server event-loop delay p99 under load, memory', value: range(result.memory.loopDelayP99Ms, num(0)) + ' ms', target: '', met: null });
  const retained = result.memory.heapAfterGc;
  rows.push({
    section: '1',
    figure: `server heap after GC, before → after ${retained.turns.toLocaleString('en')} turns (memory)`,
    value: `${mb(retained.beforeBytes)} → ${mb(retained.afterBytes)} (${((retained.afterBytes - retained.beforeBytes) / Math.max(1, retained.turns)).toFixed(0)} B/turn)`,
    target: '',
    met: null,
  });
  if (result.redis && result.redisRatio) {
    rows.push({ section: '2', figure: 'service, Redis store, turns/s', value: range(result.redis.turnsPerS, num(0)), target: '', met: null });
    rows.push({ section: '2', figure: 'service / bare throughput (Redis)', value: range(result.redisRatio, num(2)), target: '(0.50 is for memory)', met: null });
    rows.push({ section: '2', figure: 'latency p50 / p99, Redis store', value: latency(result.redis), target: '', met: null });
    const sent = result.redis.commands.clientPerTurn.median;
    const server = result.redis.commands.serverPerTurn.median;
    rows.push({ section: '2', figure: 'Redis commands per turn (sent by the service)', value: range(result.redis.commands.clientPerTurn, num(2)), target: '≤ 3', met: sent <= 3, miss: overBy(sent, 3) });
    rows.push({ section: '2', figure: 'Redis commands per turn (server side, incl. inside scripts)', value: range(result.redis.commands.serverPerTurn, num(1)), target: '≤ 12', met: server <= 12, miss: overBy(server, 12) });
  } else {
    rows.push({ section: '2', figure: 'Redis store', value: process.env['REDIS_URL'] ? 'skipped (Redis did not answer)' : 'skipped (REDIS_URL not set)', target: '', met: null });
  }
  return rows;
}

function turnRows(result: TurnCostResult): Row[] {
  const rows: Row[] = result.bySessions.map((entry) => ({
    section: '3',
    figure: `in-process turn at ${entry.sessions.toLocaleString('en')} live sessions`,
    value: range(entry.usPerTurn, (n) => `${n.toFixed(0)} µs`),
    target: '',
    met: null,
  }));
  rows.push({
    section: '3',
    figure: `µs per turn at ${result.bySessions.at(-1)!.sessions.toLocaleString('en')} over at 1 session`,
    value: range(result.growth, num(2)),
    target: '≤ 1.25 (flat)',
    met: result.growth.median <= 1.25,
    miss: overBy(result.growth.median, 1.25),
  });
  return rows;
}

function memoryRows(result: MemoryResult): Row[] {
  return [
    { section: '4', figure: `heap per idle session (${result.idle.sessions.toLocaleString('en')})`, value: kb(result.idle.bytesPerSession), target: '< 4 KB', met: result.idle.bytesPerSession < 4096, miss: overBy(result.idle.bytesPerSession, 4096) },
    { section: '4', figure: `heap per finished conversation (${result.finished.sessions.toLocaleString('en')})`, value: kb(result.finished.bytesPerSession), target: '≤ 8 KB', met: result.finished.bytesPerSession <= 8192, miss: overBy(result.finished.bytesPerSession, 8192) },
    {
      section: '4',
      figure: `heap per session at the caps (history ${result.caps.history}, events ${result.caps.eventLog}, transcript ${result.caps.transcript})`,
      value: kb(result.atCaps.bytesPerSession),
      target: '',
      met: null,
    },
  ];
}

function expiryRows(result: ExpiryResult): Row[] {
  const worstBlock = result.maxBlockMs.max;
  const allExpired = result.expired.every((count) => count === result.idle);
  return [
    { section: '5', figure: `sweep of ${result.sessions.toLocaleString('en')} sessions, ${result.idle.toLocaleString('en')} idle`, value: range(result.sweepMs, (n) => ms(n)), target: '< 100 ms', met: result.sweepMs.median < 100, miss: overBy(result.sweepMs.median, 100) },
    { section: '5', figure: 'longest event-loop block during a sweep (worst round)', value: ms(worstBlock, 1), target: '< 20 ms', met: worstBlock < 20, miss: overBy(worstBlock, 20) },
    { section: '5', figure: 'idle sessions expired by each sweep', value: result.expired.map((count) => count.toLocaleString('en')).join(', '), target: `all ${result.idle.toLocaleString('en')}`, met: allExpired, miss: 'some left' },
  ];
}

function streamRows(result: OpenStreamsResult): Row[] {
  const n = result.streams.toLocaleString('en');
  return [
    { section: '6', figure: `server RSS with ${n} open /events streams (at start)`, value: `${mb(result.server.rssMaxBytes)} (${mb(result.rssBeforeBytes)})`, target: '< 1 GB', met: result.server.rssMaxBytes < 1024 ** 3, miss: overBy(result.server.rssMaxBytes, 1024 ** 3) },
    { section: '6', figure: `event-loop delay p99 (max) over ${result.holdS} s`, value: `${ms(result.server.loopDelay.p99Ms, 1)} (${ms(result.server.loopDelay.maxMs)})`, target: '< 50 ms', met: result.server.loopDelay.p99Ms < 50, miss: overBy(result.server.loopDelay.p99Ms, 50) },
    { section: '6', figure: `heartbeat gaps p50 / p99 / max (period ${result.heartbeatMs} ms)`, value: `${result.client.gapP50Ms.toFixed(0)} / ${result.client.gapP99Ms.toFixed(0)} / ${result.client.gapMaxMs.toFixed(0)} ms`, target: '', met: null },
    { section: '6', figure: 'streams held to the end', value: `${(result.client.opened - result.client.dropped).toLocaleString('en')} of ${n}`, target: 'all', met: result.client.opened === result.streams && result.client.dropped === 0, miss: `${result.streams - result.client.opened + result.client.dropped} lost` },
  ];
}

/** Section 8, and the in-process turn of section 3 held against the XState peer when both ran. */
function peerRows(result: PeersResult, turn: TurnCostResult | undefined): Row[] {
  const us = (n: number): string => `${n.toFixed(0)} µs`;
  const rows: Row[] = [
    { section: '8', figure: 'XState 5 peer, restore → send → persist JSON, Map, µs per turn (p50 last round)', value: `${range(result.xstateMapUs, us)} (p50 ${us(result.xstateMapP50Us)})`, target: '', met: null },
  ];
  rows.push({ section: '8', figure: 'service in process, memory store, 1 session, µs per turn (same rounds)', value: range(result.serviceMapUs, us), target: '', met: null });
  // Each round against the peer's round just before it, in one process: section 3's figure came minutes
  // earlier, and a ratio across sections moved with the machine's load.
  const ratio = result.mapRatio.median;
  rows.push({ section: '8', figure: 'in-process turn / XState peer (rounds alternating in one process)', value: range(result.mapRatio, num(2)), target: '≤ 1.00', met: ratio <= 1, miss: overBy(ratio, 1) });
  const sectionThree = turn?.bySessions[0]?.usPerTurn.median;
  if (sectionThree !== undefined) {
    rows.push({ section: '8', figure: 'section 3 (1 session) / XState peer, across sections (for comparison)', value: num(2)(sectionThree / result.xstateMapUs.median), target: '', met: null });
  }
  if (result.xstateRedisTurnsPerS && result.serviceRedisTurnsPerS && result.redisRatio) {
    rows.push({ section: '8', figure: 'XState peer with Redis GET + SET, 50 in flight, turns/s', value: range(result.xstateRedisTurnsPerS, num(0)), target: '', met: null });
    rows.push({ section: '8', figure: 'service, Redis store, in process, 50 in flight, turns/s', value: range(result.serviceRedisTurnsPerS, num(0)), target: '', met: null });
    const ratio = result.redisRatio.median;
    rows.push({ section: '8', figure: 'service / XState peer on Redis (50 in flight)', value: range(result.redisRatio, num(2)), target: '≥ 1.50', met: ratio >= 1.5, miss: underBy(ratio, 1.5) });
  } else {
    rows.push({ section: '8', figure: 'Redis peers', value: 'skipped (REDIS_URL not set)', target: '', met: null });
  }
  return rows;
}

/** Section 9: turns/s and commands per turn on the cluster beside the single node. */
function clusterRows(result: ClusterResult): Row[] {
  if (!result.clusterTurnsPerS || result.clusterCommandsPerTurn === undefined) {
    return [{ section: '9', figure: 'service on Redis Cluster', value: `skipped (${result.skipped ?? 'no result'})`, target: '', met: null }];
  }
  const rows: Row[] = [
    { section: '9', figure: 'service, Redis Cluster (3 masters, 3 replicas), in process, 50 in flight, turns/s', value: range(result.clusterTurnsPerS, num(0)), target: '', met: null },
  ];
  if (!result.singleTurnsPerS || result.singleCommandsPerTurn === undefined) {
    rows.push({ section: '9', figure: 'single node beside it', value: 'skipped (REDIS_URL not set)', target: '', met: null });
    return rows;
  }
  const [cluster, single] = [result.clusterCommandsPerTurn, result.singleCommandsPerTurn];
  rows.push({ section: '9', figure: 'service, single node, in process, 50 in flight, turns/s', value: range(result.singleTurnsPerS, num(0)), target: '', met: null });
  // A cluster counts the user's turn quota in the user's slot, apart from the lease script in the session's
  // slot: one command a turn more than a single node, where the lease script counts it.
  rows.push({ section: '9', figure: 'Redis commands per turn, cluster / single node (sent by the service)', value: `${num(2)(cluster)} / ${num(2)(single)}`, target: 'cluster ≤ single + 1 (the quota)', met: cluster <= single + 1, miss: overBy(cluster, single + 1) });
  return rows;
}

function machine(): Record<string, unknown> {
  const cpuList = cpus();
  return { cpus: cpuList.length, model: cpuList[0]?.model ?? 'unknown', node: process.version, memoryGb: +(totalmem() / 1024 ** 3).toFixed(1), platform: `${process.platform} ${process.arch}` };
}

function llmRows(latency: FirstDeltaLatency, fallback: FallbackRate): Row[] {
  return [
    {
      section: '7',
      figure: `model's first streamed token → first delta byte at the client, p50 (${latency.samples} turns)`,
      value: `${latency.p50Ms} ms (p99 ${latency.p99Ms} ms)`,
      target: '< 5 ms',
      met: latency.p50Ms < 5,
      miss: overBy(latency.p50Ms, 5),
    },
    {
      section: '7',
      figure: `fallback to rule-based, endpoint failing ${fallback.failureRate * 100} % (retries ${fallback.maxRetries})`,
      value: `${(fallback.fallbackRate * 100).toFixed(1)} % of ${fallback.turns} turns, ${fallback.turnErrors} failed turns`,
      target: '0 failed turns',
      met: fallback.turnErrors === 0,
    },
  ];
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = {};
  const rows: Row[] = [];
  const profiles: Record<string, ProfileSummary> = {};
  const loadBefore = loadavg();
  log(`npm run bench${quick ? ' (quick)' : ''}: ${cpus().length} cores, load ${loadBefore.map((n) => n.toFixed(2)).join(' ')}`);

  if (enabled('http')) {
    log(`[1, 2] turn throughput over HTTP + SSE (${sizes.rounds} rounds of ${sizes.durationS} s, 50 connections) — ${elapsed()}`);
    const result = await runThroughput({
      rounds: sizes.rounds,
      durationS: sizes.durationS,
      connections: 50,
      sessions: sizes.sessions,
      redisUrl: process.env['REDIS_URL'] || undefined,
      serverExecArgv: [],
      profileDir: profile ? profileDir : undefined,
      log,
    });
    results['http'] = result;
    rows.push(...httpRows(result));
  }
  if (enabled('turn')) {
    log(`[3] in-process turn cost — ${elapsed()}`);
    const result = await runTurnCost({ rounds: sizes.turnRounds, turnsPerRound: sizes.turnsPerRound, profileDir: profile ? profileDir : undefined });
    results['turn'] = result;
    rows.push(...turnRows(result));
  }
  if (enabled('memory')) {
    log(`[4] heap per session — ${elapsed()}`);
    const result = await oneShot<MemoryResult>('inproc/memory.js', [sizes.idle, sizes.finished, sizes.capped], ['--expose-gc'], 'memory');
    results['memory'] = result;
    rows.push(...memoryRows(result));
  }
  if (enabled('expiry')) {
    log(`[5] expiry sweep over ${sizes.expiry.toLocaleString('en')} sessions — ${elapsed()}`);
    const result = await oneShot<ExpiryResult>('inproc/expiry.js', [sizes.expiry, sizes.expiryRounds], ['--expose-gc', '--max-old-space-size=6144'], 'expiry', true);
    results['expiry'] = result;
    rows.push(...expiryRows(result));
  }
  if (enabled('streams')) {
    log(`[6] ${sizes.streams.toLocaleString('en')} open /events streams for ${sizes.holdS} s — ${elapsed()}`);
    const result = await runOpenStreams({ streams: sizes.streams, holdS: sizes.holdS, heartbeatMs: sizes.heartbeatMs, serverExecArgv: [], profileDir: profile ? profileDir : undefined, log });
    results['streams'] = result;
    rows.push(...streamRows(result));
  }

  if (enabled('llm')) {
    log(`[7] LLM path: first streamed token to first delta byte, fallback rate — ${elapsed()}`);
    const latency = await measureFirstDeltaLatency({ samples: quick ? 50 : 300 });
    const fallback = await measureFallbackRate({ maxRetries: 2 });
    results['llm'] = { latency, fallback };
    rows.push(...llmRows(latency, fallback));
  }

  if (enabled('peers')) {
    log(`[8] XState 5 peer (Map; Redis GET + SET at 50 in flight) and the service on Redis in process — ${elapsed()}`);
    const prefix = `bench-peers-${process.pid}-${Date.now().toString(36)}:`;
    const result = await oneShot<PeersResult>('inproc/peers.js', [sizes.peerRounds, sizes.peerTurns, process.env['REDIS_URL'] ?? '', prefix], ['--expose-gc'], 'peers');
    results['peers'] = result;
    rows.push(...peerRows(result, results['turn'] as TurnCostResult | undefined));
  }

  if (enabled('cluster')) {
    log(`[9] the service on a private Redis Cluster beside the single node, in process, 50 in flight — ${elapsed()}`);
    const prefix = `bench-cluster-${process.pid}-${Date.now().toString(36)}:`;
    const result = await oneShot<ClusterResult>('inproc/cluster.js', [sizes.peerRounds, sizes.peerTurns, process.env['REDIS_URL'] ?? '', prefix], ['--expose-gc'], 'cluster');
    results['cluster'] = result;
    rows.push(...clusterRows(result));
  }

  if (profile) {
    log('\nCPU profiles (bench/results/profiles/):');
    const names = ['http-bare', 'http-memory', 'http-redis', 'turn-cost', 'memory', 'expiry', 'streams-server', 'peers', 'cluster'];
    for (const name of names) {
      try {
        const summary = summarizeProfile(JSON.parse(readFileSync(join(profileDir, `${name}.cpuprofile`), 'utf8')) as CpuProfile, 12);
        profiles[name] = summary;
        log(formatSummary(name, summary));
      } catch {
        // That section did not run.
      }
    }
  }

  const loadAfter = loadavg();
  const output = {
    finishedAt: new Date().toISOString(),
    durationS: (Date.now() - started) / 1000,
    quick,
    machine: { ...machine(), loadBefore, loadAfter },
    table: rows,
    results,
    profiles,
  };
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(output, null, 2)}\n`);
  writeFileSync(join(resultsDir, 'latest.md'), `${markdownTable(rows)}\n`);
  log(`\n${formatTable(rows)}\n`);
  log(`${elapsed()} in all; load ${loadAfter.map((n) => n.toFixed(2)).join(' ')}; results in bench/results/latest.json`);
  const missed = rows.filter((row) => row.met === false).length;
  if (missed) log(`${missed} target(s) not met.`);
}

await main();
