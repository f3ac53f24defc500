import autocannon from 'autocannon';
import { report, runChild, serveCalls } from '../lib/child.js';
import { cpuSince } from './server-stats.js';
import { MIX_BODIES, TURN_MIX } from '../lib/turn-mix.js';
import { fakeSessions, type MixSession, prepareSessions, sessionPhase, STEP_IN_PHASE } from './prepare-sessions.js';

/**
 * The load generator of the HTTP benchmarks, in its own process so it does not share an event loop
 * with the server it measures. Each autocannon connection is a lane owning a slice of the sessions; it
 * sends each session the next step of the turn mix in rotation, so no session ever has two turns at
 * once and every turn is the one its phase expects. Every answer is checked (200, a `done` in the
 * expected phase, no `error`); a session found off the loop is put back on it from the phase it reports.
 */

export interface RoundOptions {
  url: string;
  connections: number;
  durationS: number;
}

export interface RoundResult {
  turnsPerS: number;
  /** Completed turns with a correct answer. */
  turns: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Answers that were not the expected turn (wrong phase, `error` event, refused). */
  offScript: number;
  /** Turns per mix step. */
  perStep: number[];
  bytesPerTurn: number;
  /** CPU µs (user + system) the load generator used during the round. */
  cpuUs: number;
}

interface Lane {
  sessions: MixSession[];
  cursor: number;
  /** The session whose request is in flight (unknown state if the round stops before its answer). */
  pending: MixSession | null;
}

const stepOf = (donePhase: string): number | undefined => STEP_IN_PHASE[donePhase];

/** The phase of the turn's final `done` event in an SSE body. */
function donePhase(body: string): string | null {
  const at = body.lastIndexOf('event: done\n');
  if (at < 0) return null;
  const match = /"phase":"([A-Z_]+)"/.exec(body.slice(at));
  return match ? match[1]! : null;
}

let sessions: MixSession[] = [];
let lanesFor: MixSession[][] = [];
let baseUrl = '';

function splitLanes(connections: number): MixSession[][] {
  const lanes: MixSession[][] = Array.from({ length: connections }, () => []);
  sessions.forEach((session, index) => lanes[index % connections]!.push(session));
  return lanes;
}

/** One bounded autocannon run of the turn mix. */
export async function runRound(options: RoundOptions): Promise<RoundResult> {
  if (lanesFor.length !== options.connections) lanesFor = splitLanes(options.connections);
  const lanes: Lane[] = lanesFor.map((laneSessions) => ({ sessions: laneSessions, cursor: 0, pending: null }));
  let offScript = 0;
  let good = 0;
  const perStep = TURN_MIX.map(() => 0);
  let laneIndex = 0;
  const cpuAtStart = process.cpuUsage();

  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    pipelining: 1,
    timeout: 10,
    setupClient: (client) => {
      const lane = lanes[laneIndex++ % lanes.length]!;
      client.setRequests([
        {
          method: 'POST',
          setupRequest: (request) => {
            const session = lane.sessions[lane.cursor % lane.sessions.length]!;
            lane.pending = session;
            return {
              ...request,
              method: 'POST',
              path: `/v1/sessions/${session.id}/messages`,
              headers: {
                'content-type': 'application/json',
                accept: 'text/event-stream',
                'x-user-id': session.userId,
                'x-tenant-id': session.tenantId,
                'x-bench-step': String(session.step),
              },
              body: MIX_BODIES[session.step]!,
            };
          },
          onResponse: (status, body) => {
            const session = lane.pending;
            lane.pending = null;
            lane.cursor++;
            if (!session) return;
            const phase = donePhase(body);
            const expected = TURN_MIX[session.step]!.donePhase;
            if (status === 200 && phase === expected && !body.includes('event: error\n')) {
              good++;
              perStep[session.step]!++;
              session.step = (session.step + 1) % TURN_MIX.length;
              return;
            }
            offScript++;
            const resync = phase ? stepOf(phase) : undefined;
            if (resync !== undefined) session.step = resync;
          },
        },
      ]);
    },
  });
  const result = await instance;
  const cpuUs = cpuSince(cpuAtStart);
  // Turns cut off by the end of the round may or may not have committed: ask where those sessions are.
  await Promise.all(
    lanes
      .filter((lane) => lane.pending && !lane.pending.id.startsWith('bare-'))
      .map(async (lane) => {
        const session = lane.pending!;
        const resync = stepOf(await sessionPhase(baseUrl, session));
        if (resync !== undefined) session.step = resync;
      }),
  );
  return {
    turnsPerS: good / options.durationS,
    turns: good,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    offScript,
    perStep,
    bytesPerTurn: result.requests.total ? result.throughput.total / result.requests.total : 0,
    cpuUs,
  };
}

/** Prepares the sessions the rounds will rotate through (fake ones for the bare endpoint). */
export async function prepare(options: { baseUrl: string; sessions: number; bare: boolean; userPrefix: string }): Promise<number> {
  baseUrl = options.baseUrl;
  sessions = options.bare ? fakeSessions(options.sessions) : await prepareSessions(options.baseUrl, options.sessions, options.userPrefix);
  lanesFor = [];
  return sessions.length;
}

/**
 * With an IPC channel: serves `prepare`, `round` and `calibrate` to the orchestrator. Started by
 * hand: `node dist/bench/http/load-runner.js '{"baseUrl":"http://127.0.0.1:3000","sessions":100,
 * "connections":50,"durationS":10}'` prepares sessions and prints one round's result as JSON.
 */
runChild(async () => {
  if (process.send) {
    serveCalls({
      prepare: (args: Parameters<typeof prepare>[0]) => prepare(args),
      round: (args: RoundOptions) => runRound(args),
      calibrate: (args: { baseUrl: string; userPrefix: string }) => calibrate(args.baseUrl, args.userPrefix),
    });
    report({ type: 'ready' });
    return;
  }
  const options = JSON.parse(process.argv[2] ?? '{}') as { baseUrl?: string; sessions?: number; connections?: number; durationS?: number; bare?: boolean };
  const url = options.baseUrl ?? 'http://127.0.0.1:3000';
  await prepare({ baseUrl: url, sessions: options.sessions ?? 100, bare: options.bare ?? false, userPrefix: `runner-${process.pid}` });
  const result = await runRound({ url, connections: options.connections ?? 50, durationS: options.durationS ?? 10 });
  console.log(JSON.stringify(result, null, 2));
});

/** One pass of the mix on a fresh session, returning each step's SSE body (the bare endpoint replays them). */
async function calibrate(url: string, userPrefix: string): Promise<string[]> {
  const [session] = await prepareSessions(url, 1, `${userPrefix}-calibration`, 1);
  const bodies: string[] = [];
  for (let step = 0; step < TURN_MIX.length; step++) {
    const response = await fetch(`${url}/v1/sessions/${session!.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-user-id': session!.userId, 'x-tenant-id': session!.tenantId },
      body: MIX_BODIES[step]!,
    });
    const body = await response.text();
    if (response.status !== 200 || donePhase(body) !== TURN_MIX[step]!.donePhase) {
      throw new Error(`calibration step ${step}: HTTP ${response.status}, done in ${donePhase(body)}: ${body.slice(0, 300)}`);
    }
    bodies.push(body);
  }
  return bodies;
}
