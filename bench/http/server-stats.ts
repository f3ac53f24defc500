import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serveCalls } from '../lib/child.js';
import { CpuProfiler } from '../lib/cpu-profile.js';

/** Event-loop delay in milliseconds. */
export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface ServerStats {
  rssBytes: number;
  /** Largest RSS sampled (every 250 ms) since the last reset. */
  rssMaxBytes: number;
  heapUsedBytes: number;
  /** CPU time (user + system) of the server process since the last reset, in microseconds. */
  cpuUs: number;
  loopDelay: LoopDelay;
  /** Redis commands sent since the last reset, by name (service with the Redis store only). */
  redisCommands: Record<string, number>;
}

/**
 * In a server process: samples RSS and event-loop delay and answers `reset`, `stats`, `profileStart`,
 * `profileStop` (a CPU profile of just the measured rounds, through the inspector) and `stop` (closes
 * the app and exits normally, so `--cpu-prof` gets to write its profile too).
 */
export function serveServerStats(close: () => Promise<void>, redisCommands: Map<string, number> = new Map()): void {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let rssMax = process.memoryUsage.rss();
  let cpuAtReset = process.cpuUsage();
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage.rss())), 250);
  sampler.unref();
  const profiler = new CpuProfiler();
  serveCalls({
    profileStart: async () => {
      await profiler.start();
      return true;
    },
    profileStop: (args: { path: string }) => profiler.stop(args.path),
    reset: () => {
      delay.reset();
      redisCommands.clear();
      rssMax = process.memoryUsage.rss();
      cpuAtReset = process.cpuUsage();
      return true;
    },
    /** Heap in use after a full collection (servers are started with `--expose-gc`): what the process really retains. */
    heapAfterGc: (): number => {
      const collect = (globalThis as { gc?: () => void }).gc;
      collect?.();
      collect?.();
      return process.memoryUsage().heapUsed;
    },
    stats: (): ServerStats => ({
      rssBytes: process.memoryUsage.rss(),
      rssMaxBytes: Math.max(rssMax, process.memoryUsage.rss()),
      heapUsedBytes: process.memoryUsage().heapUsed,
      cpuUs: cpuSince(cpuAtReset),
      loopDelay: { p50Ms: delay.percentile(50) / 1e6, p99Ms: delay.percentile(99) / 1e6, maxMs: delay.max / 1e6 },
      redisCommands: Object.fromEntries(redisCommands),
    }),
    stop: async () => {
      await close();
      setImmediate(() => process.exit(0));
      return true;
    },
  });
}

/** CPU microseconds (user + system) this process used since `start`. */
export function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return used.user + used.system;
}
