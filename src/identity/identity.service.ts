import { Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/errors.js';
import type { SessionOwner } from '../conversation/state.js';

/** Ids from headers or claims: short, printable, no separators we use in keys. */
const ID_PATTERN = /^[A-Za-z0-9._@|:+-]{1,128}$/;

const unauthenticated = (message = 'A valid bearer token is required.'): DomainError => new DomainError('UNAUTHENTICATED', message);

/**
 * Who is calling: a verified bearer JWT (`sub` → userId, tenant claim → tenantId), or in development
 * without auth config the `X-User-Id` / `X-Tenant-Id` headers. Never a request body.
 */
@Injectable()
export class IdentityService {
  private readonly logger = new Logger(IdentityService.name);
  private readonly secret: Uint8Array | undefined;
  private readonly jwks: JWTVerifyGetKey | undefined;

  constructor(private readonly config: AppConfig) {
    const env = config.env;
    this.secret = env.AUTH_JWT_SECRET ? new TextEncoder().encode(env.AUTH_JWT_SECRET) : undefined;
    this.jwks = env.AUTH_JWKS_URL ? createRemoteJWKSet(new URL(env.AUTH_JWKS_URL), { cacheMaxAge: 600_000, timeoutDuration: 3_000 }) : undefined;
    if (config.devIdentity) {
      this.logger.warn('No AUTH_JWT_SECRET or AUTH_JWKS_URL: identity comes from X-User-Id / X-Tenant-Id (development only).');
    }
  }

  async resolve(headers: Record<string, string | string[] | undefined>): Promise<SessionOwner> {
    if (this.config.devIdentity) return this.fromDevHeaders(headers);
    const header = single(headers['authorization']);
    // The scheme is case-insensitive (RFC 9110); the token is a compact JWS (three base64url parts).
    const match = header ? /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i.exec(header) : null;
    if (!match || !isCanonical(match[1]!)) throw unauthenticated();
    return this.verify(match[1]!);
  }

  private async verify(token: string): Promise<SessionOwner> {
    const env = this.config.env;
    try {
      const options = {
        // One family per configuration: an HS256 token never passes against a JWKS (key confusion), and
        // `none` is never accepted.
        algorithms: this.secret ? ['HS256'] : ['RS256', 'ES256', 'PS256', 'EdDSA'],
        issuer: env.AUTH_ISSUER,
        audience: env.AUTH_AUDIENCE,
        // A token without an expiry would be valid forever.
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
      };
      const { payload } = this.secret ? await jwtVerify(token, this.secret, options) : await jwtVerify(token, this.jwks!, options);
      const userId = payload.sub;
      const tenantId = payload[env.AUTH_TENANT_CLAIM];
      if (typeof userId !== 'string' || !ID_PATTERN.test(userId)) throw unauthenticated('The token has no usable subject.');
      if (typeof tenantId !== 'string' || !ID_PATTERN.test(tenantId)) throw unauthenticated('The token has no usable tenant.');
      return { userId, tenantId };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw unauthenticated('The bearer token is invalid or expired.');
    }
  }

  private fromDevHeaders(headers: Record<string, string | string[] | undefined>): SessionOwner {
    const userId = single(headers['x-user-id']) ?? 'demo-user';
    const tenantId = single(headers['x-tenant-id']) ?? 'demo-tenant';
    if (!ID_PATTERN.test(userId) || !ID_PATTERN.test(tenantId)) {
      throw unauthenticated('X-User-Id and X-Tenant-Id must be 1 to 128 letters, digits or ._@|:+-');
    }
    return { userId, tenantId };
  }
}

/**
 * Trap: the last base64url character of a part can carry unused bits, and decoders ignore them, so a
 * token with such a bit flipped still verifies (same bytes, different string). Only the canonical
 * spelling of each part is accepted, so one signed token has exactly one accepted form.
 */
function isCanonical(token: string): boolean {
  return token.split('.').every((part) => Buffer.from(part, 'base64url').toString('base64url') === part);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
