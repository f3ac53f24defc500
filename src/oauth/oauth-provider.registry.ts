import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/errors.js';
import { INTEGRATION_CATALOG } from './integration-catalog.js';
import { DEV_OAUTH_CLIENT_ID, devOauthEndpoints } from './dev-oauth-server.js';
import { CLIENT_AUTH_METHODS, type ClientAuthMethod, PROVIDER_DEFAULTS } from './provider-defaults.js';

/** A provider ready to use: where to send the user, where to exchange the code, as which client. */
export interface OauthProvider {
  id: string;
  /** `configured`: a real client from `OAUTH_<PROVIDER>_*`; `development`: the built-in provider. */
  kind: 'configured' | 'development';
  clientId: string;
  /** Secret: never logged, never returned. Absent for a public client (PKCE only). */
  clientSecret?: string;
  /** `none`: a public client, which sends only its `client_id`. */
  clientAuth: ClientAuthMethod | 'none';
  authorizeUrl: string;
  tokenUrl: string;
  /** The `iss` a callback must carry when it carries one (RFC 9207). */
  issuer?: string;
  /** `OAUTH_<PROVIDER>_SCOPES`: replaces the catalog's scopes of every integration of the provider. */
  scopes?: readonly string[];
  scopeSeparator: ' ' | ',';
  authorizeParams: Readonly<Record<string, string>>;
  tokenRequestFormat: 'form' | 'json';
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The OAuth providers, built and validated once from configuration. A provider with a client id
 * configured is real; any other one is served by the development provider outside production and
 * is unavailable in production.
 */
@Injectable()
export class OauthProviderRegistry {
  private readonly configured = new Map<string, OauthProvider>();

  constructor(private readonly config: AppConfig) {
    const problems: string[] = [];
    for (const [id, settings] of Object.entries(config.oauthProviders)) {
      const provider = this.build(id, settings, problems);
      if (provider) this.configured.set(id, provider);
    }
    if (problems.length > 0) throw new Error(`Invalid OAuth configuration:\n  ${problems.join('\n  ')}`);
    const configured = [...this.configured.keys()].join(', ') || 'none';
    const others = config.isProduction ? 'cannot be connected' : 'use the development provider';
    new Logger(OauthProviderRegistry.name).log(`OAuth clients configured: ${configured}; other providers ${others}`);
  }

  /** Whether the provider can be used: configured, or served by the development provider. */
  isAvailable(id: string): boolean {
    return this.find(id) !== undefined;
  }

  /** The provider, or undefined when it is unavailable (unconfigured in production). */
  find(id: string): OauthProvider | undefined {
    return this.configured.get(id) ?? (this.config.isProduction ? undefined : this.development(id));
  }

  /** The provider; throws a `DomainError` naming it when it is unavailable. */
  get(id: string): OauthProvider {
    const provider = this.find(id);
    if (!provider) {
      throw new DomainError('VALIDATION_FAILED', `Connecting ${id} is not available: no OAuth client is configured for it.`, {
        reason: 'PROVIDER_NOT_CONFIGURED',
        provider: id,
      });
    }
    return provider;
  }

  /** Ids of the providers with a real client configured. */
  configuredIds(): string[] {
    return [...this.configured.keys()];
  }

  /** Ids the service knows: the catalog's, the built-in defaults' and the configured ones. */
  knownIds(): string[] {
    const ids = new Set([...INTEGRATION_CATALOG.map((integration) => integration.provider), ...Object.keys(PROVIDER_DEFAULTS)]);
    for (const id of this.configured.keys()) ids.add(id);
    return [...ids];
  }

  private development(id: string): OauthProvider {
    const endpoints = devOauthEndpoints(this.config.publicUrl);
    const scopes = this.config.oauthProviders[id]?.SCOPES;
    return {
      id,
      kind: 'development',
      clientId: DEV_OAUTH_CLIENT_ID,
      clientAuth: 'none',
      authorizeUrl: endpoints.authorizeUrl,
      tokenUrl: endpoints.tokenUrl,
      issuer: endpoints.issuer,
      ...(scopes ? { scopes: splitScopes(scopes) } : {}),
      scopeSeparator: ' ',
      authorizeParams: {},
      tokenRequestFormat: 'form',
    };
  }

  /** Validates one provider's variables, pushing a message naming each bad one; undefined when no client. */
  private build(id: string, settings: Record<string, string>, problems: string[]): OauthProvider | undefined {
    const name = (field: string) => `OAUTH_${id.toUpperCase()}_${field}`;
    const defaults = PROVIDER_DEFAULTS[id];
    const clientId = settings['CLIENT_ID'];
    const secret = settings['CLIENT_SECRET'];

    const clientAuth = settings['CLIENT_AUTH'];
    if (clientAuth !== undefined && !(CLIENT_AUTH_METHODS as readonly string[]).includes(clientAuth)) {
      problems.push(`${name('CLIENT_AUTH')}: must be one of ${CLIENT_AUTH_METHODS.join(', ')}`);
    }
    if (!clientId) {
      // Only the scopes may be set for the development provider; anything else is a typo or a half setup.
      for (const field of Object.keys(settings).filter((field) => field !== 'SCOPES')) {
        problems.push(`${name('CLIENT_ID')}: is required when ${name(field)} is set`);
      }
      return undefined;
    }
    if (clientAuth === 'client_secret_basic' || clientAuth === 'client_secret_post') {
      if (!secret) problems.push(`${name('CLIENT_SECRET')}: is required when ${name('CLIENT_AUTH')}=${clientAuth}`);
    }

    const endpoint = (field: 'AUTHORIZE_URL' | 'TOKEN_URL' | 'ISSUER', fallback: string | undefined, required: boolean) => {
      const value = settings[field] ?? fallback;
      if (value === undefined) {
        if (required) problems.push(`${name(field)}: is required for provider "${id}" (it has no built-in default)`);
        return undefined;
      }
      const problem = this.checkUrl(value, field !== 'ISSUER');
      if (problem) problems.push(`${name(field)}: ${problem}`);
      return value;
    };
    const authorizeUrl = endpoint('AUTHORIZE_URL', defaults?.authorizeUrl, true);
    const tokenUrl = endpoint('TOKEN_URL', defaults?.tokenUrl, true);
    const issuer = endpoint('ISSUER', defaults?.issuer, false);
    if (!authorizeUrl || !tokenUrl) return undefined;

    return {
      id,
      kind: 'configured',
      clientId,
      ...(secret ? { clientSecret: secret } : {}),
      clientAuth: secret
        ? ((clientAuth as ClientAuthMethod | undefined) ?? defaults?.clientAuth ?? 'client_secret_post')
        : 'none',
      authorizeUrl,
      tokenUrl,
      ...(issuer ? { issuer } : {}),
      ...(settings['SCOPES'] ? { scopes: splitScopes(settings['SCOPES']) } : {}),
      scopeSeparator: defaults?.scopeSeparator ?? ' ',
      authorizeParams: defaults?.authorizeParams ?? {},
      tokenRequestFormat: defaults?.tokenRequestFormat ?? 'form',
    };
  }

  /** A problem with an endpoint URL, or undefined. Production endpoints must be https (loopback aside). */
  private checkUrl(value: string, endpoint: boolean): string | undefined {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return 'must be an absolute URL';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
    if (endpoint && url.hash) return 'must not have a fragment';
    if (this.config.isProduction && url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
      return 'must use https in production';
    }
    return undefined;
  }
}

/** `OAUTH_<PROVIDER>_SCOPES`: separated by commas and/or whitespace. */
export function splitScopes(value: string): string[] {
  return value.split(/[\s,]+/).filter((scope) => scope.length > 0);
}
