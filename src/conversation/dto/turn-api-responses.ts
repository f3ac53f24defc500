import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

/** The OpenAPI description every turn route shares: its `Idempotency-Key` and the answers that refuse a turn. */
export function ApiTurnRefusals(bodyLimit: string): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retrying with the same key returns the first attempt’s events instead of running the turn again (kept 24 h).',
    }),
    ApiResponse({ status: 400, description: 'VALIDATION_FAILED (body, or an Idempotency-Key reused for another request)' }),
    ApiResponse({ status: 404, description: 'SESSION_NOT_FOUND (missing or foreign)' }),
    ApiResponse({ status: 409, description: 'TURN_IN_PROGRESS' }),
    ApiResponse({ status: 410, description: 'SESSION_EXPIRED' }),
    ApiResponse({ status: 413, description: `PAYLOAD_TOO_LARGE (over ${bodyLimit})` }),
    ApiResponse({ status: 429, description: 'RATE_LIMITED (turns per user, or requests per IP), with Retry-After' }),
    ApiResponse({ status: 503, description: 'SHUTTING_DOWN (with Retry-After) or STORE_UNAVAILABLE' }),
  );
}
