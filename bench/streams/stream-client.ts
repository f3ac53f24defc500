import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { report, runChild, serveCalls } from '../lib/child.js';
import { inPool } from '../lib/pool.js';
import { percentile } from '../lib/stats.js';

/**
 * The client side of section 6, in its own process: starts sessions over HTTP, opens one `/events`
 * stream per session on a plain socket (lighter than fetch at 10 000 connections), and records when
 * each heartbeat (`: ping`) arrives.
 */
export interface StreamHoldResult {
  opened: number;
  /** Streams that ended or failed before the hold was over. */
  dropped: number;
  openMs: number;
  heartbeats: number;
  /** Time between consecutive heartbeats of a stream (ms). */
  gapP50Ms: number;
  gapP99Ms: number;
  gapMaxMs: number;
}

interface Stream {
  socket: Socket;
  open: boolean;
  dropped: boolean;
  lastPing: number;
  carry: string;
}

const streams: Stream[] = [];
const gaps: number[] = [];
let heartbeats = 0;
let recording = false;

function startSessions(baseUrl: string, count: number): Promise<{ id: string; userId: string }[]> {
  return inPool(count, 32, async (index) => {
    const userId = `stream-${index}`;
    const response = await fetch(`${baseUrl}/v1/sessions`, { method: 'POST', headers: { 'x-user-id': userId, 'x-tenant-id': 'bench-tenant' } });
    if (response.status !== 201) throw new Error(`start session: HTTP ${response.status} ${await response.text()}`);
    return { id: ((await response.json()) as { sessionId: string }).sessionId, userId };
  });
}

function openStream(host: string, port: number, session: { id: string; userId: string }): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, host);
    const stream: Stream = { socket, open: false, dropped: false, lastPing: 0, carry: '' };
    socket.setNoDelay(true);
    socket.setEncoding('latin1');
    socket.once('connect', () =>
      socket.write(
        `GET /v1/sessions/${session.id}/events HTTP/1.1\r\nHost: ${host}:${port}\r\nAccept: text/event-stream\r\n` +
          `x-user-id: ${session.userId}\r\nx-tenant-id: bench-tenant\r\n\r\n`,
      ),
    );
    socket.on('data', (chunk: string) => {
      const now = performance.now();
      if (!stream.open) {
        if (!chunk.startsWith('HTTP/1.1 200')) return reject(new Error(`stream refused: ${chunk.split('\r\n')[0]}`));
        stream.open = true;
        stream.lastPing = now;
        resolve(stream);
      }
      // A ping may be split across reads: keep the tail that could be its start.
      const text = stream.carry + chunk;
      for (let at = text.indexOf(': ping'); at >= 0; at = text.indexOf(': ping', at + 1)) {
        heartbeats++;
        if (recording) gaps.push(now - stream.lastPing);
        stream.lastPing = now;
      }
      stream.carry = text.slice(-5);
    });
    const drop = (): void => {
      if (!stream.open) reject(new Error('stream closed before it opened'));
      stream.dropped = true;
    };
    socket.once('error', drop);
    socket.once('close', drop);
  });
}

runChild(async () => {
  let openMs = 0;
  serveCalls({
    open: async (args: { baseUrl: string; streams: number }) => {
      const url = new URL(args.baseUrl);
      const sessions = await startSessions(args.baseUrl, args.streams);
      const started = performance.now();
      streams.push(...(await inPool(sessions.length, 200, (index) => openStream(url.hostname, Number(url.port), sessions[index]!))));
      openMs = performance.now() - started;
      return streams.length;
    },
    /** Holds every stream for `holdS`, recording heartbeat gaps from the first full period on. */
    hold: async (args: { holdS: number }): Promise<StreamHoldResult> => {
      for (const stream of streams) stream.lastPing = performance.now();
      recording = true;
      heartbeats = 0;
      await new Promise((resolve) => setTimeout(resolve, args.holdS * 1000));
      recording = false;
      return {
        opened: streams.length,
        dropped: streams.filter((stream) => stream.dropped).length,
        openMs,
        heartbeats,
        gapP50Ms: percentile(gaps, 50),
        gapP99Ms: percentile(gaps, 99),
        gapMaxMs: gaps.length ? Math.max(...gaps) : Number.NaN,
      };
    },
    close: () => {
      for (const stream of streams) stream.socket.destroy();
      setImmediate(() => process.exit(0));
      return true;
    },
  });
  report({ type: 'ready' });
});
