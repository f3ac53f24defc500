import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A message between the orchestrator and a benchmark process (over the IPC channel). */
export interface BenchMessage {
  type: string;
  [key: string]: unknown;
}

export interface SpawnOptions {
  /** Node flags (`--expose-gc`, `--max-old-space-size=…`, `--cpu-prof`). */
  execArgv?: string[];
  /** Added to the parent's environment. */
  env?: Record<string, string>;
  /** Raise the soft open-files limit to this (capped at the hard limit) before starting Node. */
  fdLimit?: number;
  /** Discard stdout (the service's JSON request log). */
  quiet?: boolean;
}

/** Absolute path of a compiled benchmark script, relative to `dist/bench/`. */
export function benchScript(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, import.meta.url));
}

/**
 * Starts a compiled benchmark script in its own Node process with an IPC channel. With `fdLimit`,
 * the process is started through `sh` so `ulimit -n` can be raised first: Node cannot change its
 * own limit, and 10 000 sockets need more than many systems' default of 1 024.
 */
export function spawnBench(script: string, args: string[] = [], options: SpawnOptions = {}): ChildProcess {
  const node = [process.execPath, ...(options.execArgv ?? []), benchScript(script), ...args];
  const env = { ...process.env, ...options.env };
  const stdio: ['ignore', 'ignore' | 'inherit', 'inherit', 'ipc'] = ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit', 'ipc'];
  if (options.fdLimit === undefined) return spawn(node[0]!, node.slice(1), { env, stdio });
  const raise = 'hard=$(ulimit -Hn); want="$1"; shift; if [ "$hard" != unlimited ] && [ "$hard" -lt "$want" ]; then want=$hard; fi; ulimit -n "$want" 2>/dev/null; exec "$@"';
  return spawn('/bin/sh', ['-c', raise, 'sh', String(options.fdLimit), ...node], { env, stdio });
}

/** The next message of `type` from `child`; rejects on an `error` message, an early exit or after `timeoutMs`. */
export function nextMessage<T extends BenchMessage>(child: ChildProcess, type: string, timeoutMs = 120_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no "${type}" message within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: BenchMessage): void => {
      if (message.type === type) finish(null, message as T);
      else if (message.type === 'error') finish(new Error(String(message['message'])));
    };
    const onExit = (code: number | null, signal: string | null): void =>
      finish(new Error(`benchmark process exited (${signal ?? code}) before sending "${type}"`));
    const finish = (error: Error | null, message?: T): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

let nextCallId = 0;

/** Asks a child started with `serveCalls` to run one of its handlers and returns its answer. */
export async function call<T>(child: ChildProcess, name: string, args: unknown = null, timeoutMs = 120_000): Promise<T> {
  const id = ++nextCallId;
  const answer = nextMessage<BenchMessage>(child, `answer:${id}`, timeoutMs);
  child.send({ type: 'call', id, name, args });
  const message = await answer;
  if (message['error']) throw new Error(`${name}: ${String(message['error'])}`);
  return message['value'] as T;
}

/** In a child: answers `call`s from the orchestrator with `handlers`. */
export function serveCalls(handlers: Record<string, (args: never) => unknown>): void {
  process.on('message', (message: BenchMessage) => {
    if (message.type !== 'call') return;
    const { id, name, args } = message as BenchMessage & { id: number; name: string; args: never };
    const handler = handlers[name];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no handler "${name}"`);
        return handler(args);
      })
      .then(
        (value) => process.send!({ type: `answer:${id}`, value }),
        (error: unknown) => process.send!({ type: `answer:${id}`, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
      );
  });
}

/** In a child: sends a message to the orchestrator (no-op when started by hand, without IPC). */
export function report(message: BenchMessage): void {
  if (process.send) process.send(message);
}

/** In a child: runs `main`, reports a failure as an `error` message, and disconnects so the process can exit. */
export function runChild(main: () => Promise<void>): void {
  main()
    .catch((error: unknown) => {
      const text = error instanceof Error ? error.stack ?? error.message : String(error);
      console.error(text);
      report({ type: 'error', message: text });
      process.exitCode = 1;
    })
    .finally(() => {
      if (process.connected && !process.listenerCount('message')) process.disconnect();
    });
}

/** Resolves true once the child has exited, false after `timeoutMs`. */
export function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Asks a server child started with `serveServerStats` to close and exit by itself (so `--cpu-prof` writes its profile). */
export async function closeServer(child: ChildProcess): Promise<void> {
  await call(child, 'stop', null, 15_000).catch(() => undefined);
  await exited(child, 15_000);
}

/** Stops a child and waits for it to go (SIGTERM, then SIGKILL after `graceMs`). */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
