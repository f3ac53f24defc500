import { Global, Module } from '@nestjs/common';
import { GracefulShutdown } from './graceful-shutdown.js';
import { idempotencyStoreProvider } from './idempotency/idempotency.providers.js';
import { IdempotentTurns } from './idempotency/idempotent-turns.js';
import { RateLimits } from './rate-limits.js';

/** Rate limits, idempotent turns and draining on shutdown, for the controllers that need them. */
@Global()
@Module({
  providers: [RateLimits, GracefulShutdown, idempotencyStoreProvider, IdempotentTurns],
  exports: [RateLimits, GracefulShutdown, IdempotentTurns],
})
export class HttpHardeningModule {}
