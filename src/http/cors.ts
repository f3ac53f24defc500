import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface.js';
import type { AppConfig } from '../config/app-config.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/** The exact origins in `CORS_ORIGINS` (validated at boot), or none. */
export function corsOrigins(config: AppConfig): string[] {
  return (config.env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/**
 * CORS for the listed origins only; `null` (no CORS headers at all) when none are listed. Credentials
 * are not allowed: identity travels in the `Authorization` header, never in a cookie.
 */
export function corsOptions(config: AppConfig): CorsOptions | null {
  const origins = corsOrigins(config);
  if (origins.length === 0) return null;
  const allowed = new Set(origins);
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'Accept',
      'Idempotency-Key',
      'Last-Event-ID',
      REQUEST_ID_HEADER,
      // Development identity only; harmless otherwise (ignored when auth is configured).
      ...(config.devIdentity ? ['X-User-Id', 'X-Tenant-Id'] : []),
    ],
    exposedHeaders: ['Retry-After', REQUEST_ID_HEADER],
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  };
}
