import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { describeWithRedisServer, freePort } from '../contracts/private-redis-server.js';
import { describeWithRedis } from '../contracts/redis-test-env.js';
import { type AppProcess, startAppProcess, stopAllAppProcesses } from '../support/app-process.js';
import { ConversationClient } from '../support/conversation-client.js';
import {
  EventFollower,
  eventually,
  expectEveryKeyHasTtlThenClean,
  RedisServerProcess,
  replicaEnv,
  sleep,
  StubLlmServer,
  statusOf,
  timed,
} from './replica-support.js';

const PREFIX = 'faults:';
/** Long on purpose: a lease left behind by a failed turn would show as 409s for this long. */
const TURN_LEASE_MS = 30_000;

/**
 * The built service as a child process on a redis-server of the test's own, which the test kills,
 * restarts and pauses (the machine's shared Redis is never touched). A turn is caught "mid-turn" by
 * an OpenAI-compatible stub the app's interpreter calls: the test acts once the request arrives, while
 * the turn holds its lease and has written nothing yet.
 */
describeWithRedis('Service on a failing Redis', () =>
  describeWithRedisServer('(private redis-server)', () => {
    const headers = { 'x-user-id': 'fault-user', 'x-tenant-id': 'fault-tenant' };
    const llm = new StubLlmServer();
    let dataDir: string;
    /** Persistent (AOF, fsync always): what it acknowledged survives a kill. */
    let redis: RedisServerProcess;
    let app: AppProcess;
    let client: ConversationClient;
    const findings: string[] = [];

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'abc-redis-faults-'));
      [redis] = await Promise.all([RedisServerProcess.start({ dir: dataDir }), llm.start()]);
      app = await startAppProcess(
        replicaEnv(redis.url, PREFIX, {
          OPENAI_API_KEY: 'test',
          OPENAI_BASE_URL: llm.baseUrl,
          LLM_TIMEOUT_MS: '800',
          LLM_MAX_RETRIES: '0',
          TURN_LEASE_MS: String(TURN_LEASE_MS),
        }),
      );
      client = new ConversationClient(app.baseUrl, headers);
    }, 60_000);

    afterAll(async () => {
      await app?.stop();
      await stopAllAppProcesses();
      if (redis) {
        await redis.start();
        await expectEveryKeyHasTtlThenClean(redis.url, PREFIX);
        await redis.kill();
      }
      await llm.stop();
      rmSync(dataDir, { recursive: true, force: true });
      console.log(`Redis faults:\n  ${findings.join('\n  ')}`);
    });

    it('Redis killed mid-turn: 503 STORE_UNAVAILABLE within 3 s; after a restart the session is as before and takes turns', async () => {
      await client.start();
      const before = await client.session();
      const follower = await EventFollower.open(app.baseUrl, client.sessionId, headers);
      expect(follower.status).toBe(200);

      llm.mode = 'hang';
      const reachedModel = llm.nextRequest();
      const turn = client.send('hello there');
      await reachedModel;
      const killedAt = Date.now();
      await redis.kill();
      const failed = await turn;
      const toFailure = Date.now() - killedAt;
      expect({ status: failed.status, code: failed.error?.code }).toEqual({ status: 503, code: 'STORE_UNAVAILABLE' });
      expect(toFailure).toBeLessThan(3000);

      // While it is down: not ready, and nothing is made up (no new session, no missing one).
      const ready = await timed(() => statusOf(`${app.baseUrl}/health/ready`));
      expect(ready.value).toBe(503);
      expect(ready.ms).toBeLessThan(2500);
      const read = await timed(() => fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}`, { headers }));
      expect(read.value.status).toBe(503);
      expect(read.ms).toBeLessThan(2500);
      expect((await fetch(`${app.baseUrl}/v1/sessions`, { method: 'POST', headers })).status).toBe(503);
      expect(await statusOf(`${app.baseUrl}/health/live`)).toBe(200);

      await redis.start();
      const toReady = await eventually('ready again', async () => (await statusOf(`${app.baseUrl}/health/ready`)) === 200, 5000);
      expect(app.running).toBe(true);
      expect(await client.session()).toEqual(before);
      // The live stream may have missed events while Redis was away: it ends, for the client to resume.
      const toStreamEnd = await timed(() => follower.ended(3000));

      // The failed turn's lease is gone too: the next turn runs at once, not after TURN_LEASE_MS.
      llm.mode = 'fail';
      llm.delayMs = 0;
      const next = await timed(() => client.send('hello again'));
      expect(next.value.status).toBe(200);
      expect((await client.session()).version).toBe(before.version + 1);
      // Resumed from the last event it saw, the stream has the turn committed since.
      const resumed = await EventFollower.open(app.baseUrl, client.sessionId, headers, follower.events.at(-1)?.data.seq ?? 0);
      const lastSeq = next.value.responses.at(-1)!.seq;
      await resumed.waitFor((event) => event.data.seq === lastSeq);
      await resumed.close();
      const committed = next.value.events.filter((event) => event.id !== undefined).map((event) => event.data.seq);
      expect(resumed.events.map((event) => event.data.seq)).toEqual(committed);
      findings.push(
        `killed mid-turn: 503 ${toFailure} ms after the kill (model timeout 800 ms), /health/ready 503 in ${ready.ms} ms, ` +
          `ready ${toReady} ms after restart, open /events stream ended ${toStreamEnd.ms} ms after that, next turn ${next.ms} ms`,
      );
    });

    it('Redis paused (CLIENT PAUSE) mid-turn: a bounded 503, and the held write does not commit once the pause ends', async () => {
      await client.start();
      const before = await client.session();

      llm.mode = 'fail';
      llm.delayMs = 300;
      const reachedModel = llm.nextRequest();
      const turn = client.send('hello there');
      await reachedModel;
      const pausedAt = Date.now();
      const PAUSE_MS = 4000;
      await redis.pause(PAUSE_MS);
      const failed = await turn;
      const toFailure = Date.now() - pausedAt;
      expect({ status: failed.status, code: failed.error?.code }).toEqual({ status: 503, code: 'STORE_UNAVAILABLE' });
      expect(toFailure).toBeLessThan(PAUSE_MS);
      const ready = await timed(() => statusOf(`${app.baseUrl}/health/ready`));
      expect(ready.value).toBe(503);
      expect(ready.ms).toBeLessThan(2500);

      await sleep(Math.max(0, pausedAt + PAUSE_MS - Date.now()));
      const toReady = await eventually('ready after the pause', async () => (await statusOf(`${app.baseUrl}/health/ready`)) === 200, 5000);
      // Redis ran what it held once the pause ended: the turn reported as failed must not have committed.
      await sleep(200);
      expect(await client.session()).toEqual(before);

      llm.delayMs = 0;
      const next = await timed(() => client.send('hello again'));
      expect(next.value.status).toBe(200);
      expect((await client.session()).version).toBe(before.version + 1);
      findings.push(`paused mid-turn: 503 ${toFailure} ms into a ${PAUSE_MS} ms pause, ready ${toReady} ms after it, next turn ${next.ms} ms`);
    });

    it('Redis down at boot: the app starts, is not ready (503) until Redis comes up, then ready without a restart', async () => {
      const port = await freePort();
      const late = await startAppProcess(replicaEnv(`redis://127.0.0.1:${port}`, PREFIX), { waitFor: 'live' });
      let lateRedis: RedisServerProcess | undefined;
      try {
        const ready = await timed(() => fetch(`${late.baseUrl}/health/ready`));
        expect(ready.value.status).toBe(503);
        expect(await ready.value.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
        expect(ready.ms).toBeLessThan(2500);
        const create = await timed(() => fetch(`${late.baseUrl}/v1/sessions`, { method: 'POST', headers }));
        expect(create.value.status).toBe(503);
        expect(create.ms).toBeLessThan(2500);

        lateRedis = await RedisServerProcess.start({ port });
        const toReady = await eventually('ready once Redis is up', async () => (await statusOf(`${late.baseUrl}/health/ready`)) === 200, 5000);
        expect(late.running).toBe(true);
        const created = await fetch(`${late.baseUrl}/v1/sessions`, { method: 'POST', headers });
        expect(created.status).toBe(201);
        findings.push(`down at boot: /health/ready 503 in ${ready.ms} ms, POST /v1/sessions 503 in ${create.ms} ms, ready ${toReady} ms after Redis started`);
      } finally {
        await late.stop();
        if (lateRedis) {
          await expectEveryKeyHasTtlThenClean(lateRedis.url, PREFIX);
          await lateRedis.kill();
        }
      }
    });
  }),
);
