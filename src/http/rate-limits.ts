import { Injectable, Logger } from '@nestjs/common';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/errors.js';
import type { SessionOwner } from '../conversation/state.js';
import { ConversationMetrics } from '../metrics/conversation-metrics.js';
import type { Redis } from 'ioredis';
import { untilReady } from '../redis/redis-client.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { RedisKeys } from '../redis/keyspace.js';

const WINDOW_SECONDS = 60;
/** How long a call waits for a Redis connection being (re)made before counting in memory instead. */
const READY_WAIT_MS = 500;

/**
 * The per-IP request limit and the per-user turn limit (fixed one-minute windows). The per-IP limit
 * is counted by each replica in memory: it guards a replica against a flood, and counting it in Redis
 * cost a round trip on every request. With `SESSION_STORE=redis` the turn counters live in Redis, so
 * the turn limit holds across replicas; while Redis is unreachable each replica falls back to its own
 * in-memory counters (the insurance limiter) instead of refusing or waving everything through.
 */
@Injectable()
export class RateLimits {
  private readonly logger = new Logger(RateLimits.name);
  /** Null when `RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP=0`. */
  private readonly perIp: RateLimiterAbstract | null;
  private readonly turnsPerUser: RateLimiterAbstract;
  private readonly redis: Redis | undefined;

  constructor(
    config: AppConfig,
    connections: RedisConnections,
    private readonly metrics: ConversationMetrics,
  ) {
    const env = config.env;
    this.redis = env.SESSION_STORE === 'redis' ? connections.command : undefined;
    const make = (name: string, points: number, shared: boolean): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ keyPrefix: name, points, duration: WINDOW_SECONDS });
      if (!shared || env.SESSION_STORE !== 'redis') return memory;
      return new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: new RedisKeys(env.REDIS_KEY_PREFIX).rateLimit(name),
        points,
        duration: WINDOW_SECONDS,
        // Straight to the in-memory counters while the connection is down, rather than a failed call first.
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      });
    };
    const perIp = env.RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP;
    this.perIp = perIp > 0 ? make('ip', perIp, false) : null;
    this.turnsPerUser = make('turns', env.RATE_LIMIT_TURNS_PER_MINUTE, true);
  }

  /** Counts a request from `ip`; throws 429 `RATE_LIMITED` (with the seconds to wait) past the limit. */
  async consumeRequest(ip: string): Promise<void> {
    if (!this.perIp) return;
    await this.consume(this.perIp, ip, 'ip', 'Too many requests from this address; slow down.');
  }

  /** Counts a turn of `owner`; throws 429 `RATE_LIMITED` past `RATE_LIMIT_TURNS_PER_MINUTE`. */
  async consumeTurn(owner: SessionOwner): Promise<void> {
    const key = `${encodeURIComponent(owner.tenantId)}:${encodeURIComponent(owner.userId)}`;
    await this.consume(this.turnsPerUser, key, 'turns', 'Too many turns in the last minute; wait a moment and try again.');
  }

  private async consume(limiter: RateLimiterAbstract, key: string, scope: 'ip' | 'turns', message: string): Promise<void> {
    try {
      // Counting in memory while the first connection is still being made would split the budget.
      if (this.redis && scope === 'turns' && this.redis.status !== 'ready') await untilReady(this.redis, READY_WAIT_MS).catch(() => undefined);
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        this.metrics.limited(scope);
        throw new DomainError('RATE_LIMITED', message, { retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) });
      }
      // Both the store and the insurance failed: let the request through rather than fail it.
      this.logger.warn(`Rate limiter (${scope}) failed: ${(rejection as Error).message}`);
    }
  }
}
