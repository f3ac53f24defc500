import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { isS256Challenge, verifyS256 } from './pkce.js';

/** The client id the service uses with the development provider (a public client: PKCE, no secret). */
export const DEV_OAUTH_CLIENT_ID = 'agent-builder-dev';
export const DEV_OAUTH_BASE_PATH = '/dev/oauth';

/** How long an issued code can be exchanged. */
export const DEV_CODE_TTL_MS = 60_000;
/** Bound on codes waiting to be exchanged; the oldest go first past it. */
const MAX_PENDING_CODES = 1_000;
const MAX_STATE_LENGTH = 512;
const MAX_SCOPE_LENGTH = 2_000;

export function devOauthEndpoints(publicUrl: string): { authorizeUrl: string; tokenUrl: string; issuer: string } {
  const issuer = `${publicUrl}${DEV_OAUTH_BASE_PATH}`;
  return { authorizeUrl: `${issuer}/authorize`, tokenUrl: `${issuer}/token`, issuer };
}

/** An authorization request that passed validation. */
export interface DevAuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes: string[];
  /** Catalog integration id, only to name it on the consent page. */
  integration?: string;
}

export type DevTokenAnswer =
  | {
      status: 200;
      body: { access_token: string; refresh_token: string; token_type: 'Bearer'; expires_in: number; scope: string };
    }
  | { status: 400; body: { error: string; error_description: string } };

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  expiresAt: number;
}

/**
 * The built-in development authorization server: validates authorization requests, issues one-time
 * codes bound to the PKCE challenge, the redirect URI and the client, and exchanges them. Serves
 * every provider that has no client configured, outside production only. Codes live in this process.
 */
@Injectable()
export class DevOauthServer {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(
    @Inject(Clock) private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  get issuer(): string {
    return devOauthEndpoints(this.config.publicUrl).issuer;
  }

  /** Checks the parameters of an authorization request (query or decision form); a message when invalid. */
  validateAuthorizationRequest(
    params: Record<string, unknown>,
  ): { ok: true; request: DevAuthorizationRequest } | { ok: false; message: string } {
    const text = (name: string): string | undefined => (typeof params[name] === 'string' ? (params[name] as string) : undefined);
    const clientId = text('client_id');
    const redirectUri = text('redirect_uri');
    const state = text('state');
    const codeChallenge = text('code_challenge');
    const scope = text('scope') ?? '';
    const integration = text('integration');

    if (clientId !== DEV_OAUTH_CLIENT_ID) return { ok: false, message: 'Unknown client_id.' };
    // Checked before anything could be sent back to it: a foreign redirect_uri is never followed.
    if (redirectUri !== this.config.oauthRedirectUrl) return { ok: false, message: 'redirect_uri is not the registered one.' };
    if (!state || state.length > MAX_STATE_LENGTH) return { ok: false, message: 'state is required.' };
    if (text('code_challenge_method') !== 'S256' || !isS256Challenge(codeChallenge)) {
      return { ok: false, message: 'PKCE is required: code_challenge with code_challenge_method=S256.' };
    }
    if (scope.length > MAX_SCOPE_LENGTH) return { ok: false, message: 'scope is too long.' };
    return {
      ok: true,
      request: {
        clientId,
        redirectUri,
        state,
        codeChallenge,
        scopes: scope.split(' ').filter((item) => item.length > 0),
        ...(integration ? { integration } : {}),
      },
    };
  }

  /** Issues a one-time code for an approved request. */
  issueCode(request: DevAuthorizationRequest): string {
    this.sweep();
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      scope: request.scopes.join(' '),
      expiresAt: this.clock.now() + DEV_CODE_TTL_MS,
    });
    return code;
  }

  /** The token endpoint (`grant_type=authorization_code`), answering as RFC 6749 §5 describes. */
  exchange(params: Record<string, unknown>): DevTokenAnswer {
    const fields = ['grant_type', 'code', 'redirect_uri', 'client_id', 'code_verifier'] as const;
    if (fields.some((name) => params[name] !== undefined && typeof params[name] !== 'string')) {
      return invalid('invalid_request', 'Parameters must not repeat.');
    }
    const {
      grant_type: grantType,
      code,
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: verifier,
    } = params as Partial<Record<(typeof fields)[number], string>>;
    if (grantType !== 'authorization_code') return invalid('unsupported_grant_type', 'Only authorization_code is supported.');
    if (!code || !redirectUri || !verifier)
      return invalid('invalid_request', 'code, redirect_uri and code_verifier are required.');
    if (clientId !== DEV_OAUTH_CLIENT_ID) return invalid('invalid_client', 'Unknown client.');

    const issued = this.codes.get(code);
    // Single use: any attempt consumes the code, so a verifier cannot be guessed against it.
    this.codes.delete(code);
    if (!issued || issued.expiresAt <= this.clock.now()) return invalid('invalid_grant', 'The code is invalid, expired or used.');
    if (issued.clientId !== clientId) return invalid('invalid_grant', 'The code was issued to another client.');
    if (issued.redirectUri !== redirectUri)
      return invalid('invalid_grant', 'redirect_uri does not match the authorization request.');
    if (!verifyS256(verifier, issued.codeChallenge))
      return invalid('invalid_grant', 'code_verifier does not match the code_challenge.');

    return {
      status: 200,
      body: {
        access_token: `dev-at-${randomBytes(24).toString('base64url')}`,
        refresh_token: `dev-rt-${randomBytes(24).toString('base64url')}`,
        token_type: 'Bearer',
        expires_in: 3600,
        scope: issued.scope,
      },
    };
  }

  /** Drops expired codes, and the oldest ones past the bound (a Map iterates in insertion order). */
  private sweep(): void {
    const now = this.clock.now();
    for (const [code, issued] of this.codes) {
      if (issued.expiresAt <= now || this.codes.size >= MAX_PENDING_CODES) this.codes.delete(code);
      else break;
    }
  }
}

function invalid(error: string, description: string): DevTokenAnswer {
  return { status: 400, body: { error, error_description: description } };
}
