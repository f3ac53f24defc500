import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * A CPU profile of just the measured part of a benchmark (`--cpu-prof` would cover the set-up too),
 * through the inspector, written as a `.cpuprofile` that Chrome DevTools and `profile-summary` read.
 */
export class CpuProfiler {
  private session: Session | null = null;

  async start(): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 200 });
    await this.session.post('Profiler.start');
  }

  async stop(path: string): Promise<boolean> {
    if (!this.session) return false;
    const { profile } = await this.session.post('Profiler.stop');
    writeFileSync(path, JSON.stringify(profile));
    this.session.disconnect();
    this.session = null;
    return true;
  }
}

/** Starts a profiler when `path` is given (a benchmark's optional argument), otherwise does nothing. */
export async function profileIf(path: string | undefined): Promise<{ stop(): Promise<void> }> {
  if (!path) return { stop: async () => undefined };
  const profiler = new CpuProfiler();
  await profiler.start();
  return { stop: async () => void (await profiler.stop(path)) };
}
