/**
 * The environment of a service started for a benchmark: the embedded defaults (memory store, rule-based
 * interpreter, development OAuth provider, dev identity headers) on loopback, logging at the default
 * level (one JSON line per request; the orchestrator discards stdout). The rate limits are set out of
 * reach: the load comes from one address and a few hundred users at thousands of turns a second; the
 * limiters still count every request and turn.
 */
export function serviceEnv(port: number, extra: Record<string, string> = {}): Record<string, string> {
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'info',
    OPENAI_API_KEY: '',
    RATE_LIMIT_TURNS_PER_MINUTE: '1000000000',
    RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '1000000000',
    ...extra,
  };
}
