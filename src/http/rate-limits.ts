import { Injectable, Logger } from '@nestjs/common';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/errors.js';
import { ConversationMetrics } from '../metrics/conversation-metrics.js';

const WINDOW_SECONDS = 60;

/**
 * The per-IP request limit (fixed one-minute windows), counted by each replica in memory: it guards a
 * replica against a flood, and counting it in Redis cost a round trip on every request. The per-user
 * turn limit is not here: a turn counts it in the store step that takes its lease (`TurnQuota`), so it
 * holds across replicas at no extra round trip.
 */
@Injectable()
export class RateLimits {
  private readonly logger = new Logger(RateLimits.name);
  /** Null when `RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP=0`. */
  private readonly perIp: RateLimiterAbstract | null;

  constructor(
    config: AppConfig,
    private readonly metrics: ConversationMetrics,
  ) {
    const points = config.env.RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP;
    this.perIp = points > 0 ? new RateLimiterMemory({ keyPrefix: 'ip', points, duration: WINDOW_SECONDS }) : null;
  }

  /** Counts a request from `ip`; throws 429 `RATE_LIMITED` (with the seconds to wait) past the limit. */
  async consumeRequest(ip: string): Promise<void> {
    if (!this.perIp) return;
    try {
      await this.perIp.consume(ip);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        this.metrics.limited('ip');
        throw new DomainError('RATE_LIMITED', 'Too many requests from this address; slow down.', {
          retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        });
      }
      // The counter failed: let the request through rather than fail it.
      this.logger.warn(`Rate limiter (ip) failed: ${(rejection as Error).message}`);
    }
  }
}
