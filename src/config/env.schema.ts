import { z } from 'zod';

const intFrom = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);
const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));
const optionalUrl = optionalString.pipe(z.url().optional());

/**
 * The environment, validated once at boot (API.md, "Configuration"). This module is the only reader of
 * `process.env`; `OAUTH_<PROVIDER>_*` variables are collected separately by `readOauthProviderEnv`.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: intFrom(3000, 0).refine((port) => port <= 65535, 'must be a port number'),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_URL: optionalUrl,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    SESSION_STORE: z.enum(['memory', 'redis']).default('memory'),
    REDIS_URL: optionalUrl,
    /** Seed nodes of a Redis Cluster, `host:port,host:port,…`; when set, `REDIS_URL` is unused. */
    REDIS_CLUSTER_NODES: optionalString,
    REDIS_KEY_PREFIX: z.string().default('abc:'),
    /** Replicas that must acknowledge each commit (`WAIT`); an unacknowledged commit answers 503. */
    REDIS_COMMIT_REPLICAS: intFrom(0, 0),
    /** How long a commit waits for those replicas. */
    REDIS_COMMIT_REPLICA_TIMEOUT_MS: intFrom(500),
    SESSION_IDLE_TIMEOUT_MS: intFrom(1_800_000),
    SESSION_SWEEP_INTERVAL_MS: intFrom(60_000),
    SESSION_EXPIRY_WARNING_MS: intFrom(120_000),
    SESSION_EXPIRED_RETENTION_MS: intFrom(3_600_000),
    TURN_LEASE_MS: intFrom(15_000),
    TURN_QUEUE_WAIT_MS: intFrom(120_000),
    HISTORY_CAP: intFrom(50),
    EVENT_LOG_CAP: intFrom(100),
    TRANSCRIPT_CAP: intFrom(12),
    SESSIONS_PER_USER: intFrom(50),

    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalUrl,
    OPENAI_MODEL: z.string().default('gpt-4o-mini'),
    LLM_TIMEOUT_MS: intFrom(20_000),
    LLM_MAX_RETRIES: intFrom(2, 0),

    OAUTH_REDIRECT_URL: optionalUrl,
    OAUTH_RETURN_URL: optionalUrl,
    OAUTH_STATE_TTL_MS: intFrom(600_000),
    OAUTH_TOKEN_TIMEOUT_MS: intFrom(10_000),

    AUTH_JWT_SECRET: optionalString,
    AUTH_JWKS_URL: optionalUrl,
    AUTH_ISSUER: optionalString,
    AUTH_AUDIENCE: optionalString,
    AUTH_TENANT_CLAIM: z.string().default('tenant_id'),

    CREDENTIALS_KEY: optionalString,
    CORS_ORIGINS: optionalString,
    RATE_LIMIT_TURNS_PER_MINUTE: intFrom(60),

    /** Requests per minute from one client IP, every route but `/health*` and `/metrics`; 0 turns it off. */
    RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: intFrom(1000, 0),
    /** Express `trust proxy`: `true`, `false`, a hop count, or addresses/subnets (`loopback, 10.0.0.0/8`). */
    TRUST_PROXY: optionalString,
    /** How long a turn's `Idempotency-Key` is remembered. */
    IDEMPOTENCY_TTL_MS: intFrom(86_400_000),
    /** On SIGTERM, how long in-flight turns may take to finish before connections are closed. */
    SHUTDOWN_GRACE_MS: intFrom(10_000, 0),
    /** How often an idle `/events` stream gets a `: ping` comment line (proxies close silent connections). */
    SSE_HEARTBEAT_MS: intFrom(15_000),
  })
  .superRefine((env, ctx) => {
    if (env.SESSION_STORE === 'redis' && !env.REDIS_URL && !env.REDIS_CLUSTER_NODES) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'is required when SESSION_STORE=redis (or REDIS_CLUSTER_NODES)' });
    }
    for (const seed of (env.REDIS_CLUSTER_NODES ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
      if (!/^[^\s:]+:\d{1,5}$/.test(seed)) {
        ctx.addIssue({ code: 'custom', path: ['REDIS_CLUSTER_NODES'], message: `"${seed}" is not host:port; list seed nodes separated by commas` });
      }
    }
    if (env.NODE_ENV === 'production' && !env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWT_SECRET'],
        message: 'AUTH_JWT_SECRET or AUTH_JWKS_URL is required in production',
      });
    }
    if (env.NODE_ENV === 'production' && !env.CREDENTIALS_KEY) {
      ctx.addIssue({ code: 'custom', path: ['CREDENTIALS_KEY'], message: 'is required in production' });
    }
    if (env.NODE_ENV === 'production' && env.AUTH_JWT_SECRET && env.AUTH_JWT_SECRET.length < 32) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_JWT_SECRET'], message: 'must be at least 32 characters in production (HS256 key)' });
    }
    for (const origin of (env.CORS_ORIGINS ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
      if (!isOrigin(origin)) {
        ctx.addIssue({
          code: 'custom',
          path: ['CORS_ORIGINS'],
          message: `"${origin}" is not an origin (scheme://host[:port], no path); list origins separated by commas`,
        });
      }
    }
  });

/** `https://app.example.com` or `http://localhost:5173`: a scheme, a host, maybe a port, nothing else. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

export type Env = z.infer<typeof envSchema>;

/** Parses an environment, throwing one message that names every invalid variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
  throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}

/** `OAUTH_<PROVIDER>_<FIELD>` variables, grouped by lower-case provider id. */
export function readOauthProviderEnv(source: Record<string, string | undefined>): Record<string, Record<string, string>> {
  const providers: Record<string, Record<string, string>> = {};
  const pattern = /^OAUTH_([A-Z0-9]+)_(CLIENT_ID|CLIENT_SECRET|AUTHORIZE_URL|TOKEN_URL|SCOPES|CLIENT_AUTH|ISSUER)$/;
  for (const [name, value] of Object.entries(source)) {
    const match = pattern.exec(name);
    if (!match || value === undefined || value.trim() === '') continue;
    const provider = match[1]!.toLowerCase();
    (providers[provider] ??= {})[match[2]!] = value.trim();
  }
  return providers;
}
