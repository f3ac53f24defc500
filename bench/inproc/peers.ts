import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { report, runChild } from '../lib/child.js';
import { removeKeysUnder } from '../lib/redis-keys.js';
import { type Spread, spread } from '../lib/stats.js';
import { TURN_MIX } from '../lib/turn-mix.js';
import { connectIntegrations, expectDone, MixLoop, mixInput, ownerOf, serviceContext, sessionAtMixStart, turn } from './service-context.js';
import { initialSnapshot, peerEvent, peerTurn } from './xstate-peer.js';

/**
 * Section 8: the XState 5 peer of the turn and the service in process, side by side in rounds that
 * take turns: XState restore → send → persist JSON with a Map against the service on its memory store
 * (µs per turn, one session each)
 * and with Redis GET + SET (turns/s, 50 sessions in flight), and the service (`ConversationService`,
 * `SESSION_STORE=redis`, no HTTP) at 50 sessions in flight. All run the turn mix of section 3.
 * argv: rounds, turns per round, Redis URL (optional), key prefix.
 */
export interface PeersResult {
  turnsPerRound: number;
  /** XState with a Map, one session: µs per turn (mean per round; p50 of the last round). */
  xstateMapUs: Spread;
  xstateMapP50Us: number;
  /** The service in process (memory store, one session, section 3's loop), rounds alternating with the peer's: µs per turn. */
  serviceMapUs: Spread;
  /** Service over the XState peer, each round against the peer's round just before it. */
  mapRatio: Spread;
  /** With Redis: turns/s at 50 in flight (absent without REDIS_URL). */
  xstateRedisTurnsPerS?: Spread;
  serviceRedisTurnsPerS?: Spread;
  /** Service over the XState peer, both on Redis at 50 in flight. */
  redisRatio?: Spread;
}

const IN_FLIGHT = 50;

function xstateMapRound(turns: number, start: number): { meanUs: number; p50Us: number } {
  const store = new Map<string, string>([['s', initialSnapshot()]]);
  const samples: number[] = [];
  const started = performance.now();
  for (let index = 0; index < turns; index++) {
    const step = (start + index) % TURN_MIX.length;
    const began = performance.now();
    const { json, state } = peerTurn(store.get('s')!, peerEvent(step));
    store.set('s', json);
    samples.push(performance.now() - began);
    if (state !== TURN_MIX[step]!.donePhase) throw new Error(`XState peer: step ${step} ended in ${state}`);
  }
  samples.sort((a, b) => a - b);
  return { meanUs: ((performance.now() - started) * 1000) / turns, p50Us: samples[samples.length >> 1]! * 1000 };
}

/** `turns` turns over `IN_FLIGHT` sessions, each running the mix in order; turns/s. */
async function inFlight(turns: number, sessions: readonly string[], one: (session: string, step: number) => Promise<void>): Promise<number> {
  const perSession = Math.ceil(turns / sessions.length);
  const started = performance.now();
  await Promise.all(
    sessions.map(async (session) => {
      for (let step = 0; step < perSession; step++) await one(session, step % TURN_MIX.length);
    }),
  );
  return (perSession * sessions.length) / ((performance.now() - started) / 1000);
}

runChild(async () => {
  const rounds = Number(process.argv[2] ?? 3);
  const turns = Number(process.argv[3] ?? 7_000);
  const redisUrl = process.argv[4] || undefined;
  const prefix = process.argv[5] ?? `bench-peers-${process.pid}:`;

  const redis = redisUrl ? new Redis(redisUrl) : undefined;
  const peerKeys = Array.from({ length: IN_FLIGHT }, (_, index) => `${prefix}xstate:${index}`);
  const service = redisUrl ? await serviceContext({ SESSION_STORE: 'redis', REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix }) : undefined;
  const serviceSessions: { owner: ReturnType<typeof ownerOf>; sessionId: string }[] = [];
  if (service) {
    for (let index = 0; index < IN_FLIGHT; index++) {
      const owner = ownerOf(`peer-${index}`);
      await connectIntegrations(service, owner);
      serviceSessions.push({ owner, sessionId: await sessionAtMixStart(service, owner) });
    }
  }

  // The service on the memory store in this same process, so that its rounds and the peer's alternate
  // (section 3 runs minutes earlier, and a ratio across sections moved with the machine: 0.71–1.18).
  const local = await serviceContext();
  const localOwner = ownerOf('peer-local');
  await connectIntegrations(local, localOwner);
  const localMix = new MixLoop(local, localOwner, await sessionAtMixStart(local, localOwner));
  const serviceMap: number[] = [];
  const mapRatio: number[] = [];

  const map: number[] = [];
  let mapP50 = 0;
  const xstateRedis: number[] = [];
  const serviceRedis: number[] = [];
  // The first round warms the JIT up and is not counted.
  for (let round = 0; round <= rounds; round++) {
    const mapRound = xstateMapRound(turns, 0);
    const serviceUs = await localMix.round(turns);
    if (redis) {
      await Promise.all(peerKeys.map((key) => redis.set(key, initialSnapshot())));
      const peerRate = await inFlight(turns, peerKeys, async (key, step) => {
        const { json, state } = peerTurn((await redis.get(key))!, peerEvent(step));
        await redis.set(key, json);
        if (state !== TURN_MIX[step]!.donePhase) throw new Error(`XState peer on Redis: step ${step} ended in ${state}`);
      });
      const ids = serviceSessions.map((session) => String(serviceSessions.indexOf(session)));
      const serviceRate = await inFlight(turns, ids, async (index, step) => {
        const { owner, sessionId } = serviceSessions[Number(index)]!;
        const events = await turn(service!, owner, sessionId, mixInput(step));
        if (step === 0) expectDone(events, TURN_MIX[step]!.donePhase, `service on Redis, step ${step}`);
      });
      if (round > 0) [xstateRedis, serviceRedis].forEach((list, which) => list.push(which === 0 ? peerRate : serviceRate));
    }
    if (round > 0) {
      serviceMap.push(serviceUs);
      mapRatio.push(serviceUs / mapRound.meanUs);
      map.push(mapRound.meanUs);
      mapP50 = mapRound.p50Us;
    }
  }
  await service?.app.close();
  await local.app.close();
  if (redis) {
    await redis.quit();
    await removeKeysUnder(redisUrl!, prefix);
  }

  const result: PeersResult = {
    turnsPerRound: turns,
    xstateMapUs: spread(map),
    xstateMapP50Us: mapP50,
    serviceMapUs: spread(serviceMap),
    mapRatio: spread(mapRatio),
    ...(redis
      ? {
          xstateRedisTurnsPerS: spread(xstateRedis),
          serviceRedisTurnsPerS: spread(serviceRedis),
          redisRatio: spread(serviceRedis.map((rate, index) => rate / xstateRedis[index]!)),
        }
      : {}),
  };
  report({ type: 'result', result });
  if (!process.send) console.log(JSON.stringify(result, null, 2));
});
