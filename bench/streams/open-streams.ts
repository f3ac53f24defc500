import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { call, closeServer, nextMessage, spawnBench, stopChild } from '../lib/child.js';
import { freePort } from '../lib/ports.js';
import { serviceEnv } from '../lib/service-env.js';
import type { ServerStats } from '../http/server-stats.js';
import type { StreamHoldResult } from './stream-client.js';

export interface OpenStreamsOptions {
  streams: number;
  holdS: number;
  heartbeatMs: number;
  serverExecArgv: string[];
  /** Where to write a CPU profile of the server during the hold (none without). */
  profileDir?: string;
  log: (line: string) => void;
}

export interface OpenStreamsResult {
  streams: number;
  holdS: number;
  heartbeatMs: number;
  client: StreamHoldResult;
  /** The server during the hold. */
  server: ServerStats;
  /** Server RSS before any stream was opened (sessions started). */
  rssBeforeBytes: number;
}

/**
 * Section 6: 10 000 concurrent `/events` streams held for 30 s on the service (memory store), the
 * client in a second process; both raise their open-files limit first.
 */
export async function runOpenStreams(options: OpenStreamsOptions): Promise<OpenStreamsResult> {
  const children: ChildProcess[] = [];
  const fdLimit = options.streams + 1024;
  try {
    const port = await freePort();
    const env = serviceEnv(port, { SSE_HEARTBEAT_MS: String(options.heartbeatMs) });
    const server = spawnBench('http/app-server.js', [], { env, execArgv: options.serverExecArgv, fdLimit, quiet: true });
    children.push(server);
    await nextMessage(server, 'ready', 60_000);
    const client = spawnBench('streams/stream-client.js', [], { fdLimit });
    children.push(client);
    await nextMessage(client, 'ready');

    const baseUrl = `http://127.0.0.1:${port}`;
    await call(server, 'reset');
    const rssBefore = (await call<ServerStats>(server, 'stats')).rssBytes;
    options.log(`  opening ${options.streams} /events streams`);
    const opened = await call<number>(client, 'open', { baseUrl, streams: options.streams }, 180_000);
    options.log(`  ${opened} open; holding for ${options.holdS} s (heartbeat every ${options.heartbeatMs} ms)`);
    await call(server, 'reset');
    if (options.profileDir) await call(server, 'profileStart');
    const hold = await call<StreamHoldResult>(client, 'hold', { holdS: options.holdS }, (options.holdS + 60) * 1000);
    const stats = await call<ServerStats>(server, 'stats');
    if (options.profileDir) await call(server, 'profileStop', { path: join(options.profileDir, 'streams-server.cpuprofile') });
    await call(client, 'close').catch(() => undefined);
    await closeServer(server);
    return { streams: options.streams, holdS: options.holdS, heartbeatMs: options.heartbeatMs, client: hold, server: stats, rssBeforeBytes: rssBefore };
  } finally {
    await Promise.all(children.map((child) => stopChild(child)));
  }
}
