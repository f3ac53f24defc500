import { type Env, parseEnv, readOauthProviderEnv } from './env.schema.js';

/** Typed, validated configuration; injected everywhere instead of reading the environment. */
export class AppConfig {
  readonly env: Env;
  /** Raw `OAUTH_<PROVIDER>_*` settings by provider id. */
  readonly oauthProviders: Record<string, Record<string, string>>;

  constructor(source: Record<string, string | undefined>) {
    this.env = parseEnv(source);
    this.oauthProviders = readOauthProviderEnv(source);
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  /** Base URL the service is reachable at (used for the dev provider and default redirect). */
  get publicUrl(): string {
    return (this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/$/, '');
  }

  get oauthRedirectUrl(): string {
    return this.env.OAUTH_REDIRECT_URL ?? `${this.publicUrl}/v1/oauth/callback`;
  }

  /** Whether identity comes from dev headers (no auth configured, not production). */
  get devIdentity(): boolean {
    return !this.env.AUTH_JWT_SECRET && !this.env.AUTH_JWKS_URL && !this.isProduction;
  }

  /** Builds the configuration from the process environment (the one place that reads it). */
  static fromProcessEnv(): AppConfig {
    return new AppConfig(process.env);
  }
}
