import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { EventSource } from 'eventsource';
import { describeWithRedis, testKeyPrefix } from '../contracts/redis-test-env.js';
import { type AppProcess, startAppProcess, stopAllAppProcesses } from '../support/app-process.js';
import { ConversationClient } from '../support/conversation-client.js';
import { eventually, expectEveryKeyHasTtlThenClean, replicaEnv, StubLlmServer } from './replica-support.js';

/**
 * A TCP balancer on loopback that sends each connection to the first backend that accepts it: the
 * draining replica keeps getting connections until it closes its listener (as behind a balancer that
 * has not deregistered it yet), then the next one does.
 */
class FirstAvailableBalancer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly ports: number[]) {}

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  async start(): Promise<this> {
    this.server = createServer((client) => {
      client.on('error', () => client.destroy());
      this.route(client, 0);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private route(client: Socket, index: number): void {
    const port = this.ports[index];
    if (port === undefined) return void client.destroy();
    const upstream = createConnection({ port, host: '127.0.0.1' });
    let connected = false;
    upstream.once('error', () => {
      // Refused: that backend's listener is closed; try the next one.
      if (!connected) this.route(client, index + 1);
      else client.destroy();
    });
    upstream.once('connect', () => {
      connected = true;
      this.sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const close = (): void => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.once('close', close).once('error', close);
      upstream.once('close', close);
    });
  }
}

/**
 * Issue 14, fault 7: a real WHATWG EventSource (the `eventsource` package) following `/events` behind a
 * balancer never gives up when its replica drains. Before, the drain ended the stream with `retry:
 * 1000`, the reconnect reached the still-listening draining replica, got 503 `SHUTTING_DOWN`, and the
 * EventSource closed for good (it never retries a non-200 answer), missing every later event.
 */
describeWithRedis('EventSource across a drain', (redisUrl) => {
  const prefix = `${testKeyPrefix()}drain:`;
  const headers = { 'x-user-id': 'drain-user', 'x-tenant-id': 'drain-tenant' };
  const llm = new StubLlmServer();
  let a: AppProcess;
  let b: AppProcess;
  let balancer: FirstAvailableBalancer;

  beforeAll(async () => {
    await llm.start();
    const env = replicaEnv(redisUrl, prefix);
    [a, b] = await Promise.all([
      // A's turns hang in the model call: SIGTERM finds one running, so A drains for its whole grace.
      startAppProcess({ ...env, SHUTDOWN_GRACE_MS: '3000', OPENAI_API_KEY: 'test', OPENAI_BASE_URL: llm.baseUrl, LLM_TIMEOUT_MS: '20000', LLM_MAX_RETRIES: '0' }),
      startAppProcess(env),
    ]);
    balancer = await new FirstAvailableBalancer([a.port, b.port]).start();
  }, 60_000);

  afterAll(async () => {
    await balancer?.stop();
    await Promise.all([a, b].map((app) => app?.stop()));
    await stopAllAppProcesses();
    await llm.stop();
    await expectEveryKeyHasTtlThenClean(redisUrl, prefix);
  });

  it('keeps following through the drain and receives the turns committed on the other replica afterwards', async () => {
    const onB = new ConversationClient(b.baseUrl, headers);
    await onB.start();
    const source = new EventSource(`http://127.0.0.1:${balancer.port}/v1/sessions/${onB.sessionId}/events`, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } }),
    });
    const states: number[] = [];
    const opens: number[] = [];
    const done: number[] = [];
    source.addEventListener('open', () => opens.push(Date.now()));
    source.addEventListener('error', () => states.push(source.readyState));
    source.addEventListener('done', (event) => done.push(Number(event.lastEventId)));
    try {
      await eventually('the EventSource open', async () => opens.length === 1, 5000);

      // A turn on A, hanging in its model call; then SIGTERM to A.
      const onA = new ConversationClient(a.baseUrl, headers);
      onA.sessionId = onB.sessionId;
      const reachedModel = llm.nextRequest();
      const hanging = onA.send('hello, this turn waits for the model').catch(() => undefined);
      await reachedModel;
      const stopped = a.stop(15_000);

      // The drain ends the stream; the reconnect (1 s later) still reaches A, which is draining for 3 s.
      await eventually('a reconnect during the drain', async () => opens.length >= 2, 5000);
      expect(a.running).toBe(true);
      await stopped;
      await hanging;

      // A is gone: the EventSource reconnects to B and gets what B commits.
      const turn = await onB.send('hello again');
      expect(turn.status).toBe(200);
      const committedDone = turn.events.find((event) => event.data.type === 'done')!.data.seq;
      await eventually('the turn on B delivered', async () => done.includes(committedDone), 10_000);
      expect(source.readyState).not.toBe(EventSource.CLOSED);
      expect(states).not.toContain(EventSource.CLOSED);
    } finally {
      source.close();
    }
  }, 40_000);
});
