import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../../config/app-config.js';
import { GracefulShutdown } from '../../http/graceful-shutdown.js';
import { SessionExpirer } from './session-expirer.js';

const JOB_NAME = 'session-expiry';

/** Sweeps idle sessions every `SESSION_SWEEP_INTERVAL_MS` (a period from config, so registered at init). */
@Injectable()
export class SessionExpiryJob implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionExpiryJob.name);
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly expirer: SessionExpirer,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
    private readonly shutdown: GracefulShutdown,
  ) {}

  onModuleInit(): void {
    const interval = setInterval(() => void this.tick(), this.config.env.SESSION_SWEEP_INTERVAL_MS);
    interval.unref();
    this.scheduler.addInterval(JOB_NAME, interval);
  }

  /** One sweep; overlapping ticks are skipped while the previous one runs, and every tick once the replica drains. */
  async tick(): Promise<void> {
    // Issue 14: no sweep starts on a draining replica, and a running one is waited for before Redis closes.
    if (this.running || this.shutdown.isDraining) return;
    const done = this.shutdown.workStarted('sweep');
    this.running = this.expirer
      .sweep()
      .then((result) => {
        if (result.expired || result.warned) this.logger.log(`Expired ${result.expired} sessions, warned ${result.warned}`);
      })
      .catch((error: unknown) => this.logger.warn(`Expiry sweep failed: ${(error as Error).message}`))
      .finally(() => {
        this.running = null;
        done();
      });
    await this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', JOB_NAME)) this.scheduler.deleteInterval(JOB_NAME);
    await this.running;
  }
}
