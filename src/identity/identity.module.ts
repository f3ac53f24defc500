import { Module } from '@nestjs/common';
import { IdentityGuard } from './identity.guard.js';
import { IdentityService } from './identity.service.js';

/** Who is calling: bearer JWTs, or dev headers outside production without auth config. */
@Module({ providers: [IdentityService, IdentityGuard], exports: [IdentityService, IdentityGuard] })
export class IdentityModule {}
