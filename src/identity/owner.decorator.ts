import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { SessionOwner } from '../conversation/state.js';

/** Requests that passed the identity guard carry their owner. */
export type AuthenticatedRequest = Request & { owner: SessionOwner };

/** The caller's verified identity (set by `IdentityGuard`). */
export const Owner = createParamDecorator((_: unknown, context: ExecutionContext): SessionOwner => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().owner;
});
