import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { RedisKeys } from '../../src/redis/keyspace.js';
import { closeRedisClient } from '../../src/redis/redis-client.js';
import { PrivateRedisCluster } from '../contracts/private-redis-cluster.js';
import { describeWithRedisServer } from '../contracts/private-redis-server.js';
import { clusterCommandClient, clusterDeleteKeysUnder, clusterKeysWithoutTtl } from '../contracts/redis-cluster-test-env.js';
import { testKeyPrefix } from '../contracts/redis-test-env.js';
import { type AppProcess, startAppProcess, stopAllAppProcesses } from '../support/app-process.js';
import { ConversationClient, type TurnResult } from '../support/conversation-client.js';
import { eventually, KEYS_KEPT_WITHOUT_TTL, replicaEnv, sleep, statusOf } from './replica-support.js';

const CONVERSATIONS = 24;
/** Turns per conversation after the master is gone (the loop also runs until then): bounded either way. */
const TURNS_AFTER_FAILOVER = 2;
const MAX_TURNS = 14;
/** Attempts of one turn (503 and 409 are sent again with the same Idempotency-Key). */
const MAX_ATTEMPTS = 40;
const TURN_LEASE_MS = 2000;
const MESSAGES = ['Post to Slack when a new row is added in Google Sheets', 'hello', 'What can you do?', 'skip', 'ok'];

/** What became of one turn (one Idempotency-Key): every answer it got, in order. */
interface TurnRecord {
  statuses: number[];
  /** Answered 200 with a stream ending in `done` and no `error`: the turn is committed. */
  committed: boolean;
}

/**
 * Two replicas of the built service on a Redis Cluster of the test's own (3 masters, 3 replicas) with
 * `REDIS_COMMIT_REPLICAS=1`, running 24 conversations while the master holding some of them is
 * SIGKILLed and its replica takes over. Every answer is 200 (ending with `done`), 409 or 503; no turn
 * answered 200 is lost, and a 503 sent again with its Idempotency-Key is never applied twice: a
 * session's version moves by at least its committed turns and by at most those plus its unresolved ones.
 */
describeWithRedisServer('Replicas on a Redis Cluster through a failover', () => {
  const prefix = `${testKeyPrefix()}cluster:`;
  const headers = { 'x-user-id': 'cluster-user', 'x-tenant-id': 'cluster-tenant' };
  let cluster: PrivateRedisCluster;
  let admin: Redis;
  let apps: AppProcess[] = [];

  beforeAll(async () => {
    cluster = await PrivateRedisCluster.start();
    admin = await clusterCommandClient(cluster, 'failover-spec');
    const env: Record<string, string> = {
      // A replica's acknowledgement waited for up to 3 s: on a busy machine 500 ms ran out once before any failover.
      ...replicaEnv('', prefix, { TURN_LEASE_MS: String(TURN_LEASE_MS), REDIS_COMMIT_REPLICAS: '1', REDIS_COMMIT_REPLICA_TIMEOUT_MS: '3000' }),
      REDIS_CLUSTER_NODES: cluster.seeds,
    };
    delete env['REDIS_URL'];
    apps = await Promise.all([startAppProcess(env), startAppProcess(env)]);
    // Listening is not ready: a new cluster may still be settling its slots (a session started then got 503 once).
    await Promise.all(apps.map((app) => eventually('ready', async () => (await statusOf(`${app.baseUrl}/health/ready`)) === 200, 30_000)));
  }, 90_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await stopAllAppProcesses();
    if (admin) {
      const forever = (await clusterKeysWithoutTtl(admin, prefix)).filter((key) => !KEYS_KEPT_WITHOUT_TTL.some((part) => key.startsWith(prefix + part)));
      await clusterDeleteKeysUnder(admin, prefix);
      await closeRedisClient(admin);
      expect(forever).toEqual([]);
    }
    await cluster?.stop();
  }, 60_000);

  /** Sends one turn until it is answered 200, or gives up after `MAX_ATTEMPTS` 503/409 answers. */
  const turn = async (client: ConversationClient, message: string): Promise<TurnRecord> => {
    const key = randomUUID();
    const record: TurnRecord = { statuses: [], committed: false };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const result: TurnResult = await client.send(message, { 'idempotency-key': key });
      record.statuses.push(result.status);
      if (result.status === 200) {
        expect(result.responses.at(-1)?.type).toBe('done');
        record.committed = !result.responses.some((event) => event.type === 'error');
        if (record.committed) return record;
      } else {
        expect([409, 503]).toContain(result.status);
      }
      await sleep(100 + 50 * Math.min(attempt, 6));
    }
    return record;
  };

  /**
   * A session started before the failover. Its creation waits for a replica's acknowledgement
   * (`REDIS_COMMIT_REPLICAS`), which a machine busy with the rest of the suite gave too late once (503):
   * asked again then, as a client would.
   */
  const started = async (baseUrl: string): Promise<ConversationClient> => {
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${baseUrl}/v1/sessions`, { method: 'POST', headers });
      if (response.status !== 503 || attempt === MAX_ATTEMPTS) {
        expect(response.status).toBe(201);
        const client = new ConversationClient(baseUrl, headers);
        client.sessionId = ((await response.json()) as { sessionId: string }).sessionId;
        return client;
      }
      await sleep(200);
    }
  };

  it('answers 200, 409 or 503, loses no committed turn and applies none twice', async () => {
    const clients = await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => started(apps[i % 2]!.baseUrl)));
    const startVersions = await Promise.all(clients.map(async (client) => (await client.session()).version));
    // The master of the first session's slot: at least that session (and, by chance, others) is on it.
    const victim = await cluster.masterOf(new RedisKeys(prefix).session(clients[0]!.sessionId));

    let failedOver = false;
    const conversations = clients.map(async (client, i) => {
      const turns: TurnRecord[] = [];
      let afterFailover = 0;
      // Replicas take turns on each conversation: a session moves between them as it would behind a balancer.
      const other = new ConversationClient(apps[(i + 1) % 2]!.baseUrl, headers);
      other.sessionId = client.sessionId;
      while (turns.length < MAX_TURNS && afterFailover < TURNS_AFTER_FAILOVER) {
        turns.push(await turn(turns.length % 2 === 0 ? client : other, MESSAGES[turns.length % MESSAGES.length]!));
        if (failedOver) afterFailover++;
        await sleep(50);
      }
      return turns;
    });
    await sleep(300);
    await cluster.killMaster(victim);
    failedOver = true;
    const outcomes = await Promise.all(conversations);

    const all = outcomes.flat();
    expect(all.length).toBeGreaterThanOrEqual(CONVERSATIONS * TURNS_AFTER_FAILOVER);
    for (const [i, turns] of outcomes.entries()) {
      const view = await clients[i]!.session();
      const moved = view.version - startVersions[i]!;
      const committed = turns.filter((record) => record.committed).length;
      const unresolved = turns.filter((record) => !record.committed).length;
      // Each committed turn moved the version once (none lost); a turn never resolved may have moved it once.
      expect({ session: i, moved: moved >= committed && moved <= committed + unresolved }).toEqual({ session: i, moved: true });
    }
    // The failover was felt (some answer was not a first-time 200) and the service came back from it.
    expect(all.some((record) => record.statuses.some((status) => status !== 200))).toBe(true);
    expect(outcomes.every((turns) => turns.at(-1)?.committed)).toBe(true);
  }, 120_000);
});
