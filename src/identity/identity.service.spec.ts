import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { AppConfig } from '../config/app-config.js';
import { IdentityService } from './identity.service.js';

const SECRET = 'identity-spec-secret-of-32-characters+';
const ISSUER = 'https://issuer.example.com/';
const AUDIENCE = 'agent-builder';
const encoder = new TextEncoder();

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = (): number => Math.floor(Date.now() / 1000);

/** A valid token unless `claims` spoil it (an `undefined` claim is left out). */
async function hs256(claims: JWTPayload, key = SECRET, header: Record<string, unknown> = {}): Promise<string> {
  const payload = { sub: 'alice', tenant_id: 'acme', iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 300, ...claims };
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', ...header }).sign(encoder.encode(key));
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Flips the lowest bit of the 6 the character at `index` encodes, keeping it base64url. */
function flip(token: string, at: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const flipped = alphabet[alphabet.indexOf(token[at]!) ^ 1]!;
  return token.slice(0, at) + flipped + token.slice(at + 1);
}

describe(IdentityService.name, () => {
  describe('with AUTH_JWT_SECRET (HS256), issuer and audience', () => {
    const identity = new IdentityService(
      new AppConfig({ NODE_ENV: 'test', AUTH_JWT_SECRET: SECRET, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE }),
    );
    const refused = async (headers: Record<string, string | undefined>): Promise<void> => {
      await expect(identity.resolve(headers)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    };

    it('takes the user from sub and the tenant from tenant_id', async () => {
      await expect(identity.resolve(bearer(await hs256({})))).resolves.toEqual({ userId: 'alice', tenantId: 'acme' });
      await expect(identity.resolve({ authorization: `bearer ${await hs256({})}` })).resolves.toMatchObject({ userId: 'alice' });
    });

    it('never reads identity from the development headers', async () => {
      await refused({ 'x-user-id': 'alice', 'x-tenant-id': 'acme' });
    });

    it('refuses alg none', async () => {
      const payload = { sub: 'alice', tenant_id: 'acme', iss: ISSUER, aud: AUDIENCE, exp: now() + 300 };
      await refused(bearer(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`));
      await refused(bearer(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.c2ln`));
    });

    it('refuses a token signed with another key', async () => {
      await refused(bearer(await hs256({}, 'another-secret-of-32-characters-long!')));
    });

    it('refuses the wrong issuer or audience', async () => {
      await refused(bearer(await hs256({ iss: 'https://evil.example.com/' })));
      await refused(bearer(await hs256({ aud: 'someone-else' })));
    });

    it('refuses an expired token, one not valid yet, and one without exp', async () => {
      await refused(bearer(await hs256({ exp: now() - 60 })));
      await refused(bearer(await hs256({ nbf: now() + 120 })));
      await refused(bearer(await hs256({ exp: undefined })));
    });

    it('refuses a token with any bit of any character flipped', async () => {
      const token = await hs256({});
      for (let index = 0; index < token.length; index++) {
        if (token[index] === '.') continue;
        await refused(bearer(flip(token, index)));
      }
    });

    it('refuses a missing or unusable subject or tenant, and malformed headers', async () => {
      await refused(bearer(await hs256({ tenant_id: undefined })));
      await refused(bearer(await hs256({ sub: 'has space' })));
      await refused(bearer(await hs256({ tenant_id: 42 })));
      for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Basic YWxpY2U6c2VjcmV0', `Token ${await hs256({})}`, 'Bearer a.b']) {
        await refused({ authorization: header });
      }
    });

    it('reads the tenant from AUTH_TENANT_CLAIM', async () => {
      const custom = new IdentityService(new AppConfig({ NODE_ENV: 'test', AUTH_JWT_SECRET: SECRET, AUTH_TENANT_CLAIM: 'org' }));
      await expect(custom.resolve(bearer(await hs256({ org: 'globex' })))).resolves.toEqual({ userId: 'alice', tenantId: 'globex' });
    });
  });

  describe('with AUTH_JWKS_URL', () => {
    let server: Server;
    let identity: IdentityService;
    let rsa: Awaited<ReturnType<typeof generateKeyPair>>;

    beforeAll(async () => {
      rsa = await generateKeyPair('RS256');
      const jwk = { ...(await exportJWK(rsa.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
      server = createServer((_, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
      identity = new IdentityService(new AppConfig({ NODE_ENV: 'test', AUTH_JWKS_URL: url, AUTH_ISSUER: ISSUER }));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const rs256 = (kid: string, key = rsa.privateKey) =>
      new SignJWT({ tenant_id: 'acme' })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject('bob')
        .setIssuer(ISSUER)
        .setExpirationTime('5m')
        .sign(key);

    it('accepts a token signed by a key of the set', async () => {
      await expect(identity.resolve(bearer(await rs256('key-1')))).resolves.toEqual({ userId: 'bob', tenantId: 'acme' });
    });

    it('refuses an unknown kid, a foreign key under a known kid, and HS256 (key confusion)', async () => {
      await expect(identity.resolve(bearer(await rs256('key-2')))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      const other = await generateKeyPair('RS256');
      await expect(identity.resolve(bearer(await rs256('key-1', other.privateKey)))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      await expect(identity.resolve(bearer(await hs256({ iss: ISSUER }, SECRET, { kid: 'key-1' })))).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    });
  });

  describe('in development without auth config', () => {
    const identity = new IdentityService(new AppConfig({ NODE_ENV: 'test' }));

    it('reads X-User-Id / X-Tenant-Id, with defaults, and refuses unusable ids', async () => {
      await expect(identity.resolve({ 'x-user-id': 'carol', 'x-tenant-id': 'globex' })).resolves.toEqual({ userId: 'carol', tenantId: 'globex' });
      await expect(identity.resolve({})).resolves.toEqual({ userId: 'demo-user', tenantId: 'demo-tenant' });
      await expect(identity.resolve({ 'x-user-id': 'a b' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  it('refuses to configure production without auth or CREDENTIALS_KEY, naming the variables', () => {
    expect(() => new AppConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET[\s\S]*CREDENTIALS_KEY/);
    expect(() => new AppConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'short', CREDENTIALS_KEY: 'k'.repeat(64) })).toThrow(
      /AUTH_JWT_SECRET: must be at least 32 characters/,
    );
  });
});
