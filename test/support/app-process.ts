import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../contracts/private-redis-server.js';

/**
 * The built service (`node dist/src/main.js`) as a child process of the test, for what an in-process
 * app cannot show: several replicas with their own memory, and a replica killed with SIGKILL. Only
 * processes started here are ever signalled, by their pid.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = join(ROOT, 'dist/src/main.js');
const LOCK = join(ROOT, 'dist/.build-lock');
/** Output kept per process for failure messages. */
const OUTPUT_LIMIT = 64 * 1024;

export interface AppProcessOptions {
  /** Defaults to a free loopback port. */
  port?: number;
  /** What "started" means: `/health/ready` answers 200 (default) or only `/health/live` (Redis may be down). */
  waitFor?: 'ready' | 'live';
  timeoutMs?: number;
}

export interface AppProcess {
  readonly pid: number;
  readonly port: number;
  readonly baseUrl: string;
  /** Whether the process is still running. */
  readonly running: boolean;
  /** The last 64 KB of its stdout and stderr. */
  output(): string;
  /** SIGKILL (a crash): no shutdown hook runs, a lease it holds stays until it expires. */
  kill(): Promise<void>;
  /** SIGTERM (graceful shutdown), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const started = new Set<ChildProcess>();

// A test runner that dies must not leave replicas behind.
process.once('exit', () => {
  for (const child of started) if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
});

/**
 * Starts the built app with `env` (plus PATH, `NODE_ENV=test`, loopback `HOST`, `PORT` and a matching
 * `PUBLIC_URL` unless given) and waits until it answers on `/health/ready` (or `/health/live`).
 * The test runner's own environment is not passed on, so nothing like `REDIS_URL` leaks in unasked.
 */
export async function startAppProcess(env: Record<string, string>, options: AppProcessOptions = {}): Promise<AppProcess> {
  await ensureBuilt();
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'warn',
      NO_COLOR: '1',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('The app process did not start');
  started.add(child);
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => started.delete(child));

  const app: AppProcess = {
    pid: child.pid,
    port,
    baseUrl,
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    output: () => output,
    async kill() {
      if (!app.running) return;
      process.kill(app.pid, 'SIGKILL');
      await exited;
    },
    async stop(graceMs = 3000) {
      if (!app.running) return;
      process.kill(app.pid, 'SIGTERM');
      const timer = setTimeout(() => app.running && process.kill(app.pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };

  const path = options.waitFor === 'live' ? '/health/live' : '/health/ready';
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (!app.running) throw new Error(`The app exited before answering ${path}:\n${output}`);
    const status = await fetch(baseUrl + path, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return app;
    if (Date.now() > deadline) {
      await app.kill();
      throw new Error(`The app did not answer ${path} with 200 within ${options.timeoutMs ?? 20_000} ms (last ${status}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Stops every app process still running (for `afterAll`). */
export async function stopAllAppProcesses(): Promise<void> {
  await Promise.all(
    [...started].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          process.kill(child.pid, 'SIGKILL');
        }),
    ),
  );
}

let built: Promise<void> | undefined;

/**
 * Compiles the server (`tsc -p tsconfig.build.json`, no web assets) when `dist/src/main.js` is missing
 * or older than a source file: about 6 s, once per run. Test files that run at the same time in other
 * workers wait on a lock directory instead of compiling over each other.
 */
export function ensureBuilt(): Promise<void> {
  built ??= buildIfStale();
  return built;
}

async function buildIfStale(): Promise<void> {
  for (const startedAt = Date.now(); ; ) {
    if (!isStale()) return;
    mkdirSync(dirname(LOCK), { recursive: true });
    if (tryLock()) {
      try {
        if (!isStale()) return;
        const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
          cwd: ROOT,
          encoding: 'utf8',
        });
        // tsc emits despite type errors (the type-check step reports those); a missing output is fatal.
        if (!existsSync(MAIN)) throw new Error(`tsc -p tsconfig.build.json produced no ${MAIN}:\n${result.stdout}${result.stderr}`);
        if (result.status !== 0) console.warn(`tsc -p tsconfig.build.json reported errors:\n${result.stdout}`);
        return;
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
    }
    if (Date.now() - startedAt > 120_000) throw new Error(`Waited 120 s for another build (${LOCK})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    // A lock left by a runner that died is taken over after a minute.
    if (Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 60_000) {
      rmSync(LOCK, { recursive: true, force: true });
    }
    return false;
  }
}

function isStale(): boolean {
  const builtAt = statSync(MAIN, { throwIfNoEntry: false })?.mtimeMs;
  return builtAt === undefined || newestSource(join(ROOT, 'src')) > builtAt;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
