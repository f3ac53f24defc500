import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConversationClient } from '../support/conversation-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const GMAIL_TO_SLACK =
  'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel';

const alice = { 'x-user-id': 'alice', 'x-tenant-id': 'acme' };

describe('HTTP hardening: headers, CORS, limits, isolation of /events', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ CORS_ORIGINS: 'https://app.example.com,http://localhost:5173', SESSIONS_PER_USER: '3' });
  });
  afterAll(() => app.close());

  it('sets helmet security headers on API answers, and a request id', async () => {
    const response = await fetch(`${app.baseUrl}/v1/sessions`, { headers: alice });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await fetch(`${app.baseUrl}/health/live`, { headers: { 'x-request-id': 'req-123.abc' } });
    expect(echoed.headers.get('x-request-id')).toBe('req-123.abc');
    const refused = await fetch(`${app.baseUrl}/health/live`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps a page's own Content-Security-Policy (the development consent page)", async () => {
    const response = await fetch(`${app.baseUrl}/dev/oauth/authorize?client_id=x`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers CORS only for the listed origins', async () => {
    const allowed = await fetch(`${app.baseUrl}/v1/sessions`, { headers: { ...alice, origin: 'https://app.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

    const preflight = await fetch(`${app.baseUrl}/v1/sessions/x/messages`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/i);

    const denied = await fetch(`${app.baseUrl}/v1/sessions`, { headers: { ...alice, origin: 'https://evil.example.net' } });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const deniedPreflight = await fetch(`${app.baseUrl}/v1/sessions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' },
    });
    expect(deniedPreflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 413 PAYLOAD_TOO_LARGE in the API shape past 16 KB', async () => {
    const client = new ConversationClient(app.baseUrl, alice);
    await client.start();
    const result = await client.post(undefined, {}, JSON.stringify({ message: 'x'.repeat(17 * 1024) }));
    expect(result.status).toBe(413);
    expect(result.error).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) });
    await fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}`, { method: 'DELETE', headers: alice });
  });

  it('refuses a session past SESSIONS_PER_USER with 429 RATE_LIMITED, and frees a place when one ends', async () => {
    const bob = { 'x-user-id': 'bob', 'x-tenant-id': 'acme' };
    const ids: string[] = [];
    const starts = await Promise.all(Array.from({ length: 5 }, () => fetch(`${app.baseUrl}/v1/sessions`, { method: 'POST', headers: bob })));
    for (const response of starts) {
      const body = (await response.json()) as { sessionId?: string; code?: string; statusCode?: number };
      if (response.status === 201) ids.push(body.sessionId!);
      else expect(body).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: expect.stringContaining('open sessions') });
    }
    expect(ids).toHaveLength(3);
    // Another user of the same tenant is not affected.
    expect((await fetch(`${app.baseUrl}/v1/sessions`, { method: 'POST', headers: { ...bob, 'x-user-id': 'carol' } })).status).toBe(201);
    expect((await fetch(`${app.baseUrl}/v1/sessions/${ids[0]}`, { method: 'DELETE', headers: bob })).status).toBe(204);
    expect((await fetch(`${app.baseUrl}/v1/sessions`, { method: 'POST', headers: bob })).status).toBe(201);
  });

  it("answers 404 for another tenant's /events and opens no stream", async () => {
    const client = new ConversationClient(app.baseUrl, { 'x-user-id': 'dave', 'x-tenant-id': 'acme' });
    await client.start();
    for (const intruder of [
      { 'x-user-id': 'dave', 'x-tenant-id': 'other' },
      { 'x-user-id': 'eve', 'x-tenant-id': 'acme' },
    ]) {
      const response = await fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}/events`, { headers: intruder });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ statusCode: 404, code: 'SESSION_NOT_FOUND', message: 'No such session.' });
    }
    const missing = await fetch(`${app.baseUrl}/v1/sessions/00000000-0000-0000-0000-000000000000/events`, { headers: client.headers });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ statusCode: 404, code: 'SESSION_NOT_FOUND', message: 'No such session.' });
    const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^abc_event_streams_open 0$/m);
  });
});

describe('rate limits', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '8', RATE_LIMIT_TURNS_PER_MINUTE: '2' });
  });
  afterAll(() => app.close());

  it('limits turns per user with 429 RATE_LIMITED and Retry-After', async () => {
    const client = new ConversationClient(app.baseUrl, { 'x-user-id': 'frank' });
    await client.start();
    expect((await client.send(GMAIL_TO_SLACK)).status).toBe(200);
    expect((await client.send({ action: 'skip' })).status).toBe(200);
    const response = await fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}/messages`, {
      method: 'POST',
      headers: { ...client.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'hello' }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await response.json()).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: expect.any(String) });
  });

  it('limits requests per IP with 429 and Retry-After, never /health or /metrics', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 12 && !limited; i++) {
      const response = await fetch(`${app.baseUrl}/v1/sessions`, { headers: { 'x-user-id': 'grace' } });
      if (response.status === 429) limited = response;
      else await response.arrayBuffer();
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited!.json()).toEqual({ statusCode: 429, code: 'RATE_LIMITED', message: expect.any(String) });
    for (const path of ['/health/live', '/health/ready', '/health', '/metrics']) {
      expect((await fetch(app.baseUrl + path)).status).toBe(200);
    }
    const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^abc_rate_limited_total\{scope="ip"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^abc_rate_limited_total\{scope="turns"\} [1-9]\d*$/m);
  });
});
