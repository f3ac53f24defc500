import { describe, expect, it } from '@jest/globals';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../../config/app-config.js';
import { GracefulShutdown } from '../../http/graceful-shutdown.js';
import type { SessionExpirer, SweepResult } from './session-expirer.js';
import { SessionExpiryJob } from './session-expiry.job.js';

/** An expirer whose sweep waits for the test, counting its sweeps. */
class GatedExpirer {
  sweeps = 0;
  private release: () => void = () => undefined;

  sweep(): Promise<SweepResult> {
    this.sweeps++;
    return new Promise((resolve) => (this.release = () => resolve({ expired: 0, warned: 0 } as SweepResult)));
  }

  finish(): void {
    this.release();
  }
}

describe(SessionExpiryJob.name, () => {
  it('issue 14: shutdown waits for a running sweep, and no sweep starts on a draining replica', async () => {
    const config = new AppConfig({ NODE_ENV: 'test', SHUTDOWN_GRACE_MS: '5000' });
    const shutdown = new GracefulShutdown(config);
    const expirer = new GatedExpirer();
    const job = new SessionExpiryJob(expirer as unknown as SessionExpirer, new SchedulerRegistry(), config, shutdown);

    const running = job.tick();
    let drained = false;
    const draining = shutdown.beforeApplicationShutdown('SIGTERM').then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    expect(shutdown.isDraining).toBe(true);

    expirer.finish();
    await running;
    await draining;
    expect(drained).toBe(true);
    await job.tick();
    expect(expirer.sweeps).toBe(1);
  });
});
