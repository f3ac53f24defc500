import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, type JWK, type JWTPayload, SignJWT, UnsecuredJWT, type CryptoKey, type JWTHeaderParameters } from 'jose';

/** Seconds since the epoch. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export interface TokenSpec {
  /** Claims; `undefined` values are left out (so a test can drop `sub` or the tenant). */
  claims: Record<string, unknown>;
  header: JWTHeaderParameters;
  key: CryptoKey | Uint8Array;
}

/** Signs `claims` with exactly the header given (alg, kid, crit, jku, …). */
export async function sign({ claims, header, key }: TokenSpec): Promise<string> {
  const payload = Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined)) as JWTPayload;
  return new SignJWT(payload).setProtectedHeader(header).sign(key);
}

/** An `alg: none` token: header and payload, empty signature. */
export function unsigned(claims: Record<string, unknown>): string {
  return new UnsecuredJWT(claims as JWTPayload).encode();
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** `alg: none` spelled the ways a naive verifier might accept. */
export function noneVariants(claims: Record<string, unknown>, kid?: string): string[] {
  return ['none', 'None', 'NONE', 'nOnE'].map((alg) => `${b64({ alg, typ: 'JWT', ...(kid ? { kid } : {}) })}.${b64(claims)}.`);
}

/** HS256 over any header at all (jose refuses to sign some, such as an unknown `crit`). */
export function hs256Raw(header: Record<string, unknown>, claims: Record<string, unknown>, key: Uint8Array): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

/** Flips one bit in the signature's bytes. */
export function flipSignatureBit(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const bytes = Buffer.from(signature, 'base64url');
  bytes[bytes.length >> 1]! ^= 0x01;
  return `${header}.${payload}.${bytes.toString('base64url')}`;
}

/** Flips one bit in the payload's bytes (the signature no longer matches). */
export function flipPayloadBit(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const bytes = Buffer.from(payload, 'base64url');
  bytes[bytes.length - 3]! ^= 0x02;
  return `${header}.${bytes.toString('base64url')}.${signature}`;
}

/** Replaces the payload by `claims` (another user, another tenant) and keeps the original signature. */
export function swapPayload(token: string, claims: Record<string, unknown>): string {
  const [header, , signature] = token.split('.') as [string, string, string];
  return `${header}.${b64(claims)}.${signature}`;
}

/** A tiny JWKS endpoint on loopback that counts its requests. */
export class JwksServer {
  requests = 0;
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(keys: JWK[]): Promise<JwksServer> {
    let self: JwksServer | undefined;
    const server = createServer((req, res) => {
      if (self) self.requests++;
      if (req.url !== '/.well-known/jwks.json') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=600' }).end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new JwksServer(server, `http://127.0.0.1:${port}/.well-known/jwks.json`);
    return self;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The public JWK of `key` as a JWKS would publish it. */
export async function publicJwk(key: CryptoKey, kid: string, alg: string): Promise<JWK> {
  return { ...(await exportJWK(key)), kid, alg, use: 'sig' };
}
