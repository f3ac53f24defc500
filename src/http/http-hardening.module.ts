import { Global, Module } from '@nestjs/common';
import { GracefulShutdown } from './graceful-shutdown.js';
import { idempotencyStoreProvider } from './idempotency/idempotency.providers.js';
import { IdempotencyStore } from './idempotency/idempotency-store.js';
import { RateLimits } from './rate-limits.js';

/** Rate limits, the idempotency-key store and draining on shutdown, for the controllers that need them. */
@Global()
@Module({
  providers: [RateLimits, GracefulShutdown, idempotencyStoreProvider],
  exports: [RateLimits, GracefulShutdown, IdempotencyStore],
})
export class HttpHardeningModule {}
