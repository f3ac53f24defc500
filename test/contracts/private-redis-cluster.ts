import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

const run = promisify(execFile);

interface ClusterNode {
  port: number;
  process: ChildProcess | undefined;
}

/**
 * A Redis Cluster of the test's own: 3 masters and 3 replicas on free loopback ports, keeping nothing on
 * disk but each node's cluster config in a temporary folder. Started and stopped by the tests; only the
 * processes it started are ever signalled, by their pids. A short node timeout lets a replica take over
 * within a few seconds of its master's death.
 */
export class PrivateRedisCluster {
  private constructor(
    private readonly nodes: ClusterNode[],
    private readonly dir: string,
  ) {}

  static async start(options: { nodeTimeoutMs?: number } = {}): Promise<PrivateRedisCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'redis-cluster-'));
    const nodes: ClusterNode[] = [];
    for (let i = 0; i < 6; i++) nodes.push({ port: await freePort(), process: undefined });
    const cluster = new PrivateRedisCluster(nodes, dir);
    try {
      for (const node of nodes) cluster.spawnNode(node, options.nodeTimeoutMs ?? 1500);
      await Promise.all(nodes.map((node) => cluster.waitForPing(node.port)));
      await run('redis-cli', [
        '--cluster',
        'create',
        ...nodes.map((node) => `127.0.0.1:${node.port}`),
        '--cluster-replicas',
        '1',
        '--cluster-yes',
      ]);
      await cluster.waitUntilHealthy(20_000, { replicated: true });
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  /** Seed nodes for `REDIS_CLUSTER_NODES`: `127.0.0.1:p1,127.0.0.1:p2,…`. */
  get seeds(): string {
    return this.nodes.map((node) => `127.0.0.1:${node.port}`).join(',');
  }

  get ports(): number[] {
    return this.nodes.map((node) => node.port);
  }

  /** Runs `redis-cli -p port args…` and returns its output. */
  async cli(port: number, ...args: string[]): Promise<string> {
    const { stdout } = await run('redis-cli', ['-p', String(port), ...args]);
    return stdout.trim();
  }

  /** The port of the master serving `key`'s slot right now. */
  async masterOf(key: string): Promise<number> {
    const live = this.nodes.find((node) => node.process !== undefined);
    if (!live) throw new Error('No node is running');
    const slot = Number(await this.cli(live.port, 'CLUSTER', 'KEYSLOT', key));
    const slots = JSON.parse(await this.cliJson(live.port, 'CLUSTER', 'SLOTS')) as [number, number, [string, number]][];
    const range = slots.find(([from, to]) => slot >= from && slot <= to);
    if (!range) throw new Error(`No master serves slot ${slot}`);
    return range[2][1];
  }

  /**
   * SIGKILLs the master on `port` (a crash: whatever it had not replicated is gone) and waits until a
   * replica has taken over its slots and the cluster is healthy again.
   */
  async killMaster(port: number, timeoutMs = 20_000): Promise<void> {
    const node = this.nodes.find((candidate) => candidate.port === port);
    if (!node?.process?.pid) throw new Error(`No running node on ${port}`);
    const exited = new Promise<void>((resolve) => node.process!.once('exit', () => resolve()));
    process.kill(node.process.pid, 'SIGKILL');
    await exited;
    node.process = undefined;
    await this.waitUntilHealthy(timeoutMs);
  }

  /** Stops every node it started and removes the temporary folder. */
  async stop(): Promise<void> {
    await Promise.all(
      this.nodes.map(async (node) => {
        const child = node.process;
        if (!child?.pid) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        process.kill(child.pid, 'SIGKILL');
        await exited;
        node.process = undefined;
      }),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }

  private spawnNode(node: ClusterNode, nodeTimeoutMs: number): void {
    const child = spawn(
      'redis-server',
      [
        '--port', String(node.port),
        '--bind', '127.0.0.1',
        '--save', '',
        '--appendonly', 'no',
        '--cluster-enabled', 'yes',
        '--cluster-config-file', join(this.dir, `nodes-${node.port}.conf`),
        '--cluster-node-timeout', String(nodeTimeoutMs),
        // A replica takes over however long it was cut off: the tests kill masters on purpose.
        '--cluster-replica-validity-factor', '0',
        '--dir', this.dir,
      ],
      { stdio: 'ignore' },
    );
    node.process = child;
    child.once('exit', () => {
      if (node.process === child) node.process = undefined;
    });
  }

  /**
   * Every live node says `cluster_state:ok` and every slot is served by a live master; with `replicated`,
   * every master also has an in-sync replica (a replica that never synced cannot take over).
   */
  private async waitUntilHealthy(timeoutMs: number, options: { replicated?: boolean } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.healthy()) && (!options.replicated || (await this.replicated()))) return;
      if (Date.now() > deadline) throw new Error('Redis Cluster did not become healthy in time');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private async healthy(): Promise<boolean> {
    const live = this.nodes.filter((node) => node.process !== undefined);
    try {
      for (const node of live) {
        const info = await this.cli(node.port, 'CLUSTER', 'INFO');
        if (!info.includes('cluster_state:ok')) return false;
      }
      const livePorts = new Set(live.map((node) => node.port));
      const slots = JSON.parse(await this.cliJson(live[0]!.port, 'CLUSTER', 'SLOTS')) as [number, number, [string, number]][];
      const served = slots.reduce((sum, [from, to, master]) => sum + (livePorts.has(master[1]) ? to - from + 1 : 0), 0);
      return served === 16384;
    } catch {
      return false;
    }
  }

  private async replicated(): Promise<boolean> {
    try {
      for (const node of this.nodes) {
        const info = await this.cli(node.port, 'INFO', 'replication');
        if (info.includes('role:master') ? !info.includes('connected_slaves:1') : !info.includes('master_link_status:up')) return false;
      }
      return true;
    } catch {
      return false;
    }
  }

  /** `redis-cli --json` answers as JSON (redis-cli 7). */
  private async cliJson(port: number, ...args: string[]): Promise<string> {
    const { stdout } = await run('redis-cli', ['--json', '-p', String(port), ...args]);
    return stdout;
  }

  private waitForPing(port: number): Promise<void> {
    const deadline = Date.now() + 5000;
    const attempt = async (): Promise<void> => {
      try {
        if ((await this.cli(port, 'PING')) === 'PONG') return;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return attempt();
    };
    return attempt();
  }
}
