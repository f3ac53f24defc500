import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { describe, it } from '@jest/globals';
import { freePort } from './free-port.js';

export { freePort };

/** Whether `redis-server` can be started here. */
export function redisServerAvailable(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `body` when redis-server is installed; otherwise skips with a message, or fails when
 * `REQUIRE_REDIS=1` (CI).
 */
export function describeWithRedisServer(name: string, body: () => void): void {
  if (redisServerAvailable()) {
    describe(name, body);
  } else if (process.env.REQUIRE_REDIS === '1') {
    describe(name, () => {
      throw new Error(`${name}: REQUIRE_REDIS=1 but redis-server is not installed`);
    });
  } else {
    console.warn(`${name}: SKIPPED, redis-server is not installed (apt-get install redis-server).`);
    describe.skip(`${name} (skipped: no redis-server)`, () => {
      it('needs redis-server', () => undefined);
    });
  }
}


/**
 * A redis-server of the test's own, on its own port, keeping nothing on disk: the fault tests kill,
 * restart and pause it without touching the machine's shared Redis. Only the process it started is
 * ever signalled, by its pid.
 */
export class PrivateRedisServer {
  private process: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(port?: number): Promise<PrivateRedisServer> {
    const server = new PrivateRedisServer(port ?? (await freePort()));
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.process !== undefined;
  }

  async start(): Promise<void> {
    if (this.process) return;
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    this.process = child;
    child.once('exit', () => {
      if (this.process === child) this.process = undefined;
    });
    await this.waitUntilAccepting(5000);
  }

  /** SIGKILL: the server disappears mid-whatever, as in a crash. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(child.pid, 'SIGKILL');
    await exited;
    this.process = undefined;
  }

  private async waitUntilAccepting(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await this.answersPing()) return;
      if (Date.now() > deadline) throw new Error(`redis-server on ${this.port} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private answersPing(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = new Socket();
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(500, () => done(false));
      socket.once('error', () => done(false));
      socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
      socket.connect(this.port, '127.0.0.1', () => socket.write('PING\r\n'));
    });
  }
}
