import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SessionStore } from '../../src/conversation/store/session-store.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eachWithConcurrency, HttpClient, type RawRequest, type RawResponse } from './support/http-client.js';
import { nowSeconds, sign } from './support/jwt.js';

/**
 * Random cross-tenant and cross-user attempts on every route, with verified identities (HS256 JWTs):
 * another owner's session answers exactly like a session that does not exist, shows nothing of
 * itself, and is not changed. Owners share user ids across tenants on purpose (`u1` of `t-a` is not
 * `u1` of `t-b`). `ISOLATION_ATTEMPTS` scales the count (default 1000).
 */
const ATTEMPTS = Number(process.env.ISOLATION_ATTEMPTS ?? 1000);
const SEED = process.env.ISOLATION_SEED ? Number(process.env.ISOLATION_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
const SECRET = 'isolation-secret-0123456789abcdef0123456789';
const TENANTS = ['t-a', 't-b', 't-c'];
const USERS = ['u1', 'u2', 'u3'];

interface Owner {
  userId: string;
  tenantId: string;
  token: string;
  /** A string only this owner's sessions contain: must never reach anyone else. */
  marker: string;
  sessionIds: string[];
  /** Idempotency keys this owner used (another owner reusing one must not get this owner's events). */
  idempotencyKeys: string[];
}

type Route = 'get' | 'delete' | 'turn-sse' | 'turn-json' | 'turn-idempotent' | 'stop' | 'events' | 'events-resume' | 'chat' | 'chat-resume';
const ROUTES: readonly Route[] = ['get', 'delete', 'turn-sse', 'turn-json', 'turn-idempotent', 'stop', 'events', 'events-resume', 'chat', 'chat-resume'];

/** Headers whose values differ between any two answers (ids, dates, lengths of differing ids). */
const VOLATILE_HEADERS = new Set([
  'date',
  'x-request-id',
  'request-id',
  'content-length',
  'etag',
  'ratelimit-reset',
  'ratelimit-remaining',
  'ratelimit',
]);

describe('tenant and user isolation', () => {
  let app: TestApp;
  let http: HttpClient;
  const owners: Owner[] = [];
  /** What each owner sees of each session before the attempts. */
  const views = new Map<string, string>();

  const auth = (owner: Owner): Record<string, string> => ({ authorization: `Bearer ${owner.token}` });

  beforeAll(async () => {
    app = await startTestApp({
      AUTH_JWT_SECRET: SECRET,
      RATE_LIMIT_TURNS_PER_MINUTE: '1000000000',
      RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '1000000000',
      SESSIONS_PER_USER: '1000000',
    });
    http = new HttpClient(app.baseUrl, { streamMs: 40 });
    let n = 0;
    for (const tenantId of TENANTS) {
      for (const userId of USERS) {
        const token = await sign({
          claims: { sub: userId, tenant_id: tenantId, exp: nowSeconds() + 3600 },
          header: { alg: 'HS256' },
          key: new TextEncoder().encode(SECRET),
        });
        owners.push({ userId, tenantId, token, marker: `secret-${n++}`, sessionIds: [], idempotencyKeys: [] });
      }
    }
    for (const owner of owners) {
      for (let i = 0; i < 2; i++) {
        const created = await http.send({ method: 'POST', path: '/v1/sessions', headers: auth(owner) });
        expect(created.status).toBe(201);
        const { sessionId } = JSON.parse(created.text) as { sessionId: string };
        owner.sessionIds.push(sessionId);
        if (i === 0) {
          const key = randomUUID();
          owner.idempotencyKeys.push(key);
          const turn = await http.send({
            method: 'POST',
            path: `/v1/sessions/${sessionId}/messages`,
            headers: { ...auth(owner), 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify({ message: `Summarize my unread Gmail every morning at 8am and post it to #${owner.marker} on Slack` }),
          });
          expect(turn.status).toBe(200);
        }
        const view = await http.send({ method: 'GET', path: `/v1/sessions/${sessionId}`, headers: auth(owner) });
        if (i === 0) expect(view.text).toContain(owner.marker);
        views.set(sessionId, view.text);
      }
    }
  });
  afterAll(async () => {
    http?.close();
    await app?.close();
  });

  function requestFor(route: Route, attacker: Owner, sessionId: string, lastEventId: number, victim: Owner): RawRequest {
    const headers = auth(attacker);
    const turn = (extra: Record<string, string>): RawRequest => ({
      method: 'POST',
      path: `/v1/sessions/${sessionId}/messages`,
      headers: { ...headers, 'content-type': 'application/json', ...extra },
      body: JSON.stringify({ message: 'only emails from my manager' }),
    });
    switch (route) {
      case 'get':
        return { method: 'GET', path: `/v1/sessions/${sessionId}`, headers };
      case 'delete':
        return { method: 'DELETE', path: `/v1/sessions/${sessionId}`, headers };
      case 'turn-sse':
        return turn({ accept: 'text/event-stream' });
      case 'turn-json':
        return turn({ accept: 'application/json' });
      case 'turn-idempotent':
        return turn({ 'idempotency-key': victim.idempotencyKeys[0]! });
      case 'stop':
        return { method: 'POST', path: `/v1/sessions/${sessionId}/stop`, headers };
      case 'events':
        return { method: 'GET', path: `/v1/sessions/${sessionId}/events`, headers };
      case 'events-resume':
        return { method: 'GET', path: `/v1/sessions/${sessionId}/events`, headers: { ...headers, 'last-event-id': String(lastEventId) } };
      case 'chat':
        return {
          method: 'POST',
          path: '/v1/chat',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({
            id: sessionId,
            trigger: 'submit-message',
            messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: 'only emails from my manager' }] }],
          }),
        };
      case 'chat-resume':
        return { method: 'GET', path: `/v1/chat/${encodeURIComponent(sessionId)}/stream`, headers };
    }
  }

  /** Status, content type, body and header names: what tells a foreign session from a missing one. */
  function fingerprint(response: RawResponse): unknown {
    const headerNames = Object.keys(response.headers)
      .filter((name) => !VOLATILE_HEADERS.has(name))
      .sort();
    const stable = Object.fromEntries(headerNames.filter((name) => name !== 'content-type').map((name) => [name, response.headers[name]]));
    return { status: response.status, contentType: response.contentType, text: response.text, headers: stable };
  }

  it(`answers ${ATTEMPTS} attempts on others' sessions exactly like missing ones, leaking and changing nothing`, async () => {
    const pairs = fc.sample(
      fc
        .record({
          attacker: fc.nat(owners.length - 1),
          victim: fc.nat(owners.length - 1),
          session: fc.nat(1),
          route: fc.constantFrom(...ROUTES),
          lastEventId: fc.oneof(fc.constant(0), fc.nat(10)),
        })
        .filter(({ attacker, victim }) => attacker !== victim),
      { numRuns: ATTEMPTS, seed: SEED },
    );
    const leaks: string[] = [];
    let sameTenant = 0;
    let sameUserId = 0;
    await eachWithConcurrency(pairs, 8, async ({ attacker: a, victim: v, session, route, lastEventId }) => {
      const attacker = owners[a]!;
      const victim = owners[v]!;
      if (attacker.tenantId === victim.tenantId) sameTenant++;
      if (attacker.userId === victim.userId) sameUserId++;
      const sessionId = victim.sessionIds[session]!;
      const [foreign, missing] = await Promise.all([
        http.send(requestFor(route, attacker, sessionId, lastEventId, victim)),
        http.send(requestFor(route, attacker, randomUUID(), lastEventId, victim)),
      ]);
      const label = `${attacker.tenantId}/${attacker.userId} → ${victim.tenantId}/${victim.userId} ${route}`;
      if (foreign.status !== 404 || !foreign.text.includes('"code":"SESSION_NOT_FOUND"'))
        leaks.push(`${label}: ${foreign.status} ${foreign.text.slice(0, 200)}`);
      else if (JSON.stringify(fingerprint(foreign)) !== JSON.stringify(fingerprint(missing))) {
        leaks.push(
          `${label}: differs from a missing session: ${JSON.stringify(fingerprint(foreign))} vs ${JSON.stringify(fingerprint(missing))}`,
        );
      }
      for (const other of owners) {
        if (other === attacker) continue;
        if (foreign.text.includes(other.marker) || other.sessionIds.some((id) => foreign.text.includes(id)))
          leaks.push(`${label}: shows ${other.marker}`);
      }
    });
    expect({ seed: SEED, leaks: leaks.slice(0, 10), count: leaks.length }).toEqual({ seed: SEED, leaks: [], count: 0 });
    // Both kinds of neighbour were tried: same tenant other user, same user id other tenant.
    expect(sameTenant).toBeGreaterThan(ATTEMPTS / 10);
    expect(sameUserId).toBeGreaterThan(ATTEMPTS / 10);

    // Every victim is exactly as before: same view, same version, no lease left behind.
    const store = app.app.get<SessionStore>(SessionStore);
    for (const owner of owners) {
      for (const sessionId of owner.sessionIds) {
        const view = await http.send({ method: 'GET', path: `/v1/sessions/${sessionId}`, headers: auth(owner) });
        expect({ sessionId, view: JSON.parse(view.text) as unknown }).toEqual({
          sessionId,
          view: JSON.parse(views.get(sessionId)!) as unknown,
        });
        expect(await store.isLeased(sessionId)).toBe(false);
      }
    }
  }, 120_000);

  it("lists only the caller's own sessions, and an idempotency key replays only the caller's own turn", async () => {
    for (const owner of owners) {
      const listed = await http.send({ method: 'GET', path: '/v1/sessions', headers: auth(owner) });
      expect(listed.status).toBe(200);
      const sessions = (JSON.parse(listed.text) as { sessions: { sessionId: string; userId: string; tenantId: string }[] }).sessions;
      expect(sessions.map((session) => session.sessionId).sort()).toEqual([...owner.sessionIds].sort());
      expect(sessions.every((session) => session.userId === owner.userId && session.tenantId === owner.tenantId)).toBe(true);
      for (const other of owners) if (other !== owner) expect(listed.text).not.toContain(other.marker);
    }
    // Another owner sends a turn to its own session under a key a victim used: it runs as its own turn.
    const [victim, intruder] = [owners[0]!, owners[4]!];
    const response = await http.send({
      method: 'POST',
      path: `/v1/sessions/${intruder.sessionIds[1]}/messages`,
      headers: {
        ...auth(intruder),
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': victim.idempotencyKeys[0]!,
      },
      body: JSON.stringify({ message: 'hello' }),
    });
    expect(response.status).toBe(200);
    expect(response.text).not.toContain(victim.marker);
    expect(response.text).not.toContain(victim.sessionIds[0]);
    expect(
      (JSON.parse(response.text) as { responses: { sessionId: string }[] }).responses.every(
        (event) => event.sessionId === intruder.sessionIds[1],
      ),
    ).toBe(true);
  });
});
