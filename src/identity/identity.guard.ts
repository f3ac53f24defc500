import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from './owner.decorator.js';
import { IdentityService } from './identity.service.js';

/** Resolves the caller for every route it guards; 401 `UNAUTHENTICATED` otherwise. */
@Injectable()
export class IdentityGuard implements CanActivate {
  constructor(private readonly identity: IdentityService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.owner = await this.identity.resolve(request.headers);
    return true;
  }
}
