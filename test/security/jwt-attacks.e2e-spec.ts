import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import { freePort, startTestApp, type TestApp } from '../support/test-app.js';
import { HttpClient, type RawResponse } from './support/http-client.js';
import {
  flipPayloadBit,
  flipSignatureBit,
  hs256Raw,
  JwksServer,
  noneVariants,
  nowSeconds,
  publicJwk,
  sign,
  swapPayload,
  unsigned,
} from './support/jwt.js';

/**
 * Forged, tampered and misdirected bearer tokens against the app configured with an HS256 secret and
 * against the app configured with a JWKS (RS256 and ES256 keys on a loopback server): every one is
 * refused with 401 UNAUTHENTICATED in the API's shape, on every guarded route, and changes nothing.
 */
const ISSUER = 'https://issuer.test';
const AUDIENCE = 'agent-builder';
const SECRET = 'jwt-attacks-secret-0123456789abcdef0123456789';
const TENANT_CLAIM = 'https://agent-builder.test/tenant';
const ATTACKER = { sub: 'mallory', tenant: 'evil-corp' };

interface Attack {
  name: string;
  token: string | null;
  /** Extra headers (dev identity headers, odd Authorization values). */
  headers?: Record<string, string>;
}

/** The guarded routes, against a real session of the victim so a bypass would show. */
const routes = (sessionId: string): { method: string; path: string; body?: string }[] => [
  { method: 'GET', path: '/v1/sessions' },
  { method: 'POST', path: '/v1/sessions' },
  { method: 'GET', path: `/v1/sessions/${sessionId}` },
  {
    method: 'POST',
    path: `/v1/sessions/${sessionId}/messages`,
    body: JSON.stringify({ message: 'post my GitHub issues to #dev on Slack' }),
  },
  { method: 'POST', path: `/v1/sessions/${sessionId}/stop` },
  { method: 'GET', path: `/v1/sessions/${sessionId}/events` },
  { method: 'DELETE', path: `/v1/sessions/${sessionId}` },
];

function expectUnauthenticated(response: RawResponse, label: string): void {
  let body: unknown = response.text;
  try {
    body = JSON.parse(response.text);
  } catch {
    // reported below with the raw text
  }
  expect({ label, status: response.status, body }).toEqual({
    label,
    status: 401,
    body: { statusCode: 401, code: 'UNAUTHENTICATED', message: expect.any(String) },
  });
}

/** Runs every attack on every route, then checks the victim's session and listing are untouched. */
async function expectAllRefused(http: HttpClient, attacks: Attack[], victim: { token: string; sessionId: string }): Promise<void> {
  const before = await http.send({
    method: 'GET',
    path: `/v1/sessions/${victim.sessionId}`,
    headers: { authorization: `Bearer ${victim.token}` },
  });
  expect(before.status).toBe(200);
  for (const attack of attacks) {
    for (const route of routes(victim.sessionId)) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...attack.headers };
      if (attack.token !== null) headers['authorization'] = `Bearer ${attack.token}`;
      const response = await http.send({ ...route, headers });
      expectUnauthenticated(response, `${attack.name}: ${route.method} ${route.path}`);
    }
  }
  const after = await http.send({
    method: 'GET',
    path: `/v1/sessions/${victim.sessionId}`,
    headers: { authorization: `Bearer ${victim.token}` },
  });
  expect(JSON.parse(after.text)).toEqual(JSON.parse(before.text));
  const listed = await http.send({ method: 'GET', path: '/v1/sessions', headers: { authorization: `Bearer ${victim.token}` } });
  expect((JSON.parse(listed.text) as { sessions: unknown[] }).sessions).toHaveLength(1);
}

/** Attacks that need no key material of the verifier's. */
function keylessAttacks(claims: Record<string, unknown>, kid?: string): Attack[] {
  return [
    { name: 'alg none', token: unsigned(claims) },
    ...noneVariants(claims, kid).map((token, index) => ({ name: `alg none (spelling ${index})`, token })),
    { name: 'no Authorization, dev headers', token: null, headers: { 'x-user-id': 'victim', 'x-tenant-id': 'acme' } },
    { name: 'garbage token with dev headers', token: 'a.b.c', headers: { 'x-user-id': 'victim', 'x-tenant-id': 'acme' } },
    { name: 'Basic credentials', token: null, headers: { authorization: 'Basic dmljdGltOnBhc3N3b3Jk' } },
    { name: 'empty Bearer', token: null, headers: { authorization: 'Bearer ' } },
    { name: 'two tokens', token: `${unsigned(claims)} ${unsigned(claims)}` },
    { name: 'not a JWT', token: 'eyJhbGciOiJIUzI1NiJ9' },
  ];
}

describe('JWT attacks', () => {
  const claimsFor = (sub: string, tenant: string, tenantClaim: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    sub,
    [tenantClaim]: tenant,
    iss: ISSUER,
    aud: AUDIENCE,
    iat: nowSeconds(),
    exp: nowSeconds() + 600,
    ...extra,
  });

  describe('with AUTH_JWT_SECRET (HS256)', () => {
    let app: TestApp;
    let http: HttpClient;
    const key = new TextEncoder().encode(SECRET);
    const claims = (extra: Record<string, unknown> = {}) => claimsFor('victim', 'acme', 'tenant_id', extra);
    const hs = (extra: Record<string, unknown> = {}, signingKey: Uint8Array = key, alg = 'HS256') =>
      sign({ claims: claims(extra), header: { alg, typ: 'JWT' }, key: signingKey });
    let victim: { token: string; sessionId: string };

    beforeAll(async () => {
      app = await startTestApp({
        AUTH_JWT_SECRET: SECRET,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
        RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '1000000000',
      });
      http = new HttpClient(app.baseUrl);
      const token = await hs();
      const created = await http.send({ method: 'POST', path: '/v1/sessions', headers: { authorization: `Bearer ${token}` } });
      expect(created.status).toBe(201);
      victim = { token, sessionId: (JSON.parse(created.text) as { sessionId: string }).sessionId };
    });
    afterAll(async () => {
      http?.close();
      await app?.close();
    });

    it('accepts a valid token: sub is the user, tenant_id the tenant, dev headers ignored', async () => {
      const raw = hs256Raw({ alg: 'HS256', typ: 'JWT' }, claims(), key);
      expect((await http.send({ method: 'GET', path: '/v1/sessions', headers: { authorization: `Bearer ${raw}` } })).status).toBe(200);
      const response = await http.send({
        method: 'GET',
        path: `/v1/sessions/${victim.sessionId}`,
        headers: { authorization: `Bearer ${victim.token}`, 'x-user-id': 'someone-else', 'x-tenant-id': 'other' },
      });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.text)).toMatchObject({ userId: 'victim', tenantId: 'acme', version: 0 });
    });

    it('refuses forged, tampered, expired and misdirected tokens on every route, changing nothing', async () => {
      const valid = await hs();
      const attacks: Attack[] = [
        ...keylessAttacks(claims()),
        { name: 'wrong secret', token: await hs({}, new TextEncoder().encode(`${SECRET}-not`)) },
        { name: 'empty secret', token: await hs({}, new Uint8Array(32)) },
        { name: 'HS512 with the right secret (algorithm not allowed)', token: await hs({}, key, 'HS512') },
        { name: 'wrong issuer', token: await hs({ iss: 'https://evil.test' }) },
        { name: 'no issuer', token: await hs({ iss: undefined }) },
        { name: 'wrong audience', token: await hs({ aud: 'another-service' }) },
        { name: 'no audience', token: await hs({ aud: undefined }) },
        { name: 'expired', token: await hs({ exp: nowSeconds() - 60 }) },
        { name: 'not yet valid', token: await hs({ nbf: nowSeconds() + 60 }) },
        { name: 'bit-flipped signature', token: flipSignatureBit(valid) },
        { name: 'bit-flipped payload', token: flipPayloadBit(valid) },
        { name: 'payload swapped for another user', token: swapPayload(valid, claimsFor(ATTACKER.sub, 'acme', 'tenant_id')) },
        { name: 'payload swapped for another tenant', token: swapPayload(valid, claimsFor('victim', ATTACKER.tenant, 'tenant_id')) },
        { name: 'signature stripped', token: `${valid.split('.').slice(0, 2).join('.')}.` },
        { name: 'missing sub', token: await hs({ sub: undefined }) },
        { name: 'sub not an id', token: await hs({ sub: 'victim acme' }) },
        { name: 'sub not a string', token: await hs({ sub: 42 }) },
        { name: 'missing tenant claim', token: await hs({ tenant_id: undefined }) },
        { name: 'tenant claim not a string', token: await hs({ tenant_id: ['acme'] }) },
        { name: 'tenant claim too long', token: await hs({ tenant_id: 'a'.repeat(129) }) },
        {
          name: 'unknown critical header',
          token: hs256Raw({ alg: 'HS256', crit: ['x-must-understand'], 'x-must-understand': true }, claims(), key),
        },
        { name: 'trailing garbage after the signature', token: `${hs256Raw({ alg: 'HS256' }, claims(), key)}x` },
      ];
      await expectAllRefused(http, attacks, victim);
    });
  });

  describe('with AUTH_JWKS_URL (RS256 and ES256)', () => {
    let app: TestApp;
    let http: HttpClient;
    let jwks: JwksServer;
    let attackerJwks: JwksServer;
    let rsa: { privateKey: CryptoKey; publicKey: CryptoKey };
    let ec: { privateKey: CryptoKey; publicKey: CryptoKey };
    let attacker: { privateKey: CryptoKey; publicKey: CryptoKey };
    let victim: { token: string; sessionId: string };
    const claims = (extra: Record<string, unknown> = {}) => claimsFor('victim', 'acme', TENANT_CLAIM, extra);
    const rs = (extra: Record<string, unknown> = {}, key?: CryptoKey, kid = 'k1') =>
      sign({ claims: claims(extra), header: { alg: 'RS256', kid, typ: 'JWT' }, key: key ?? rsa.privateKey });

    beforeAll(async () => {
      rsa = await generateKeyPair('RS256', { extractable: true });
      ec = await generateKeyPair('ES256', { extractable: true });
      attacker = await generateKeyPair('RS256', { extractable: true });
      jwks = await JwksServer.start([await publicJwk(rsa.publicKey, 'k1', 'RS256'), await publicJwk(ec.publicKey, 'k2', 'ES256')]);
      attackerJwks = await JwksServer.start([await publicJwk(attacker.publicKey, 'k1', 'RS256')]);
      app = await startTestApp({
        AUTH_JWKS_URL: jwks.url,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
        AUTH_TENANT_CLAIM: TENANT_CLAIM,
        RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '1000000000',
      });
      http = new HttpClient(app.baseUrl);
      const token = await rs();
      const created = await http.send({ method: 'POST', path: '/v1/sessions', headers: { authorization: `Bearer ${token}` } });
      expect(created.status).toBe(201);
      victim = { token, sessionId: (JSON.parse(created.text) as { sessionId: string }).sessionId };
    });
    afterAll(async () => {
      http?.close();
      await app?.close();
      await jwks?.close();
      await attackerJwks?.close();
    });

    it('accepts valid RS256 and ES256 tokens with the configured tenant claim', async () => {
      for (const token of [victim.token, await sign({ claims: claims(), header: { alg: 'ES256', kid: 'k2' }, key: ec.privateKey })]) {
        const response = await http.send({
          method: 'GET',
          path: `/v1/sessions/${victim.sessionId}`,
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(200);
        expect(JSON.parse(response.text)).toMatchObject({ userId: 'victim', tenantId: 'acme' });
      }
    });

    it('refuses alg confusion, foreign keys, unknown kids, tampering and bad claims on every route, changing nothing', async () => {
      const valid = await rs();
      const pem = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
      const jwkBytes = new TextEncoder().encode(JSON.stringify(await publicJwk(rsa.publicKey, 'k1', 'RS256')));
      const attackerJwk = await publicJwk(attacker.publicKey, 'k1', 'RS256');
      const attacks: Attack[] = [
        ...keylessAttacks(claims(), 'k1'),
        {
          name: 'HS256 signed with the public key PEM (alg confusion)',
          token: await sign({ claims: claims(), header: { alg: 'HS256', kid: 'k1' }, key: pem }),
        },
        {
          name: 'HS256 signed with the public JWK (alg confusion)',
          token: await sign({ claims: claims(), header: { alg: 'HS256', kid: 'k1' }, key: jwkBytes }),
        },
        { name: 'HS256 without kid, public key PEM', token: await sign({ claims: claims(), header: { alg: 'HS256' }, key: pem }) },
        { name: "attacker's key under the real kid", token: await rs({}, attacker.privateKey, 'k1') },
        { name: "attacker's key under an unknown kid", token: await rs({}, attacker.privateKey, 'k9') },
        { name: "attacker's key without kid", token: await sign({ claims: claims(), header: { alg: 'RS256' }, key: attacker.privateKey }) },
        {
          name: "attacker's key embedded as jwk header",
          token: await sign({ claims: claims(), header: { alg: 'RS256', jwk: attackerJwk }, key: attacker.privateKey }),
        },
        {
          name: "attacker's JWKS as jku header",
          token: await sign({ claims: claims(), header: { alg: 'RS256', kid: 'k1', jku: attackerJwks.url }, key: attacker.privateKey }),
        },
        {
          name: 'ES256 key used under the RS256 kid',
          token: await sign({ claims: claims(), header: { alg: 'ES256', kid: 'k1' }, key: ec.privateKey }),
        },
        { name: 'wrong issuer', token: await rs({ iss: 'https://evil.test' }) },
        { name: 'wrong audience', token: await rs({ aud: ['another-service'] }) },
        { name: 'expired', token: await rs({ exp: nowSeconds() - 60 }) },
        { name: 'not yet valid', token: await rs({ nbf: nowSeconds() + 60 }) },
        { name: 'bit-flipped signature', token: flipSignatureBit(valid) },
        { name: 'bit-flipped payload', token: flipPayloadBit(valid) },
        { name: 'payload swapped for another tenant', token: swapPayload(valid, claimsFor('victim', ATTACKER.tenant, TENANT_CLAIM)) },
        { name: 'missing sub', token: await rs({ sub: undefined }) },
        { name: 'missing tenant claim (only the default claim name)', token: await rs({ [TENANT_CLAIM]: undefined, tenant_id: 'acme' }) },
      ];
      await expectAllRefused(http, attacks, victim);
      // Nothing in a token made the service fetch keys from elsewhere.
      expect(attackerJwks.requests).toBe(0);
    });

    it('answers 401, not 5xx, when the JWKS cannot be fetched, and keeps using the keys it has', async () => {
      await jwks.close();
      const cached = await http.send({
        method: 'GET',
        path: `/v1/sessions/${victim.sessionId}`,
        headers: { authorization: `Bearer ${victim.token}` },
      });
      expect(cached.status).toBe(200);
      // An app that never reached its JWKS: the first token makes it fetch, the fetch fails.
      const unreachable = await startTestApp({
        AUTH_JWKS_URL: `http://127.0.0.1:${await freePort()}/jwks.json`,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
      });
      const client = new HttpClient(unreachable.baseUrl);
      try {
        const response = await client.send({ method: 'GET', path: '/v1/sessions', headers: { authorization: `Bearer ${victim.token}` } });
        expectUnauthenticated(response, 'JWKS unreachable');
      } finally {
        client.close();
        await unreachable.close();
      }
    });
  });
});
