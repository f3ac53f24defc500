import { Controller, Get, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import type { ErrorBody } from '../common/domain-exception.filter.js';
import { StoreReadiness } from './store-readiness.js';

/** How long the store may take to answer a readiness probe. */
export const READINESS_TIMEOUT_MS = 2_000;

/** A 503 readiness answer: the API's error shape plus Terminus's details. */
export type NotReadyBody = ErrorBody & HealthCheckResult;

/**
 * Liveness (the process answers) and readiness (the session store takes a write; see `StoreReadiness`). A load balancer polls
 * readiness, so a store outage is logged once when it starts and once when it ends, not per probe.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);
  private ready = true;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly store: StoreReadiness,
  ) {}

  @Get()
  @HealthCheck()
  check(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult | NotReadyBody> {
    return this.readiness(res);
  }

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  readiness(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult | NotReadyBody> {
    return this.health
      .check([
        () =>
          this.indicators
            .check('store')
            .attempt(() => this.store.check())
            .withTimeout(READINESS_TIMEOUT_MS),
      ])
      .then(
        (result) => {
          this.changed(true, result);
          return result;
        },
        (error: unknown) => {
          if (!(error instanceof ServiceUnavailableException)) throw error;
          const result = error.getResponse() as HealthCheckResult;
          this.changed(false, result);
          res.status(503);
          const shuttingDown = result.status === 'shutting_down';
          return {
            statusCode: 503,
            code: shuttingDown ? 'SHUTTING_DOWN' : 'STORE_UNAVAILABLE',
            message: shuttingDown ? 'The service is shutting down.' : 'The session store cannot take writes (unreachable, full or evicting).',
            ...result,
          };
        },
      );
  }

  private changed(ready: boolean, result: HealthCheckResult): void {
    if (ready === this.ready) return;
    this.ready = ready;
    if (ready) this.logger.log('Ready again: the session store answers');
    else this.logger.warn(`Not ready: ${JSON.stringify(result.error ?? result.details)}`);
  }
}
