import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 7636 §4.1: 43 to 128 characters from the unreserved set. */
const VERIFIER_FORMAT = /^[A-Za-z0-9\-._~]{43,128}$/;
/** An S256 challenge is the base64url (no padding) of a SHA-256 digest: always 43 characters. */
const S256_CHALLENGE_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/**
 * A fresh PKCE code verifier: base64url of `bytes` random bytes (32 → 43 characters, 96 → 128).
 * Secret: it lives only in the pending-OAuth record.
 */
export function createCodeVerifier(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < 32 || bytes > 96) {
    throw new RangeError('A code verifier needs 32 to 96 random bytes (43 to 128 characters)');
  }
  return randomBytes(bytes).toString('base64url');
}

/** The S256 code challenge of a verifier: BASE64URL(SHA256(ASCII(verifier))). */
export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function isCodeVerifier(value: unknown): value is string {
  return typeof value === 'string' && VERIFIER_FORMAT.test(value);
}

export function isS256Challenge(value: unknown): value is string {
  return typeof value === 'string' && S256_CHALLENGE_FORMAT.test(value);
}

/** Whether `verifier` is well formed and hashes to `challenge`, compared in constant time. */
export function verifyS256(verifier: unknown, challenge: string): boolean {
  if (!isCodeVerifier(verifier)) return false;
  const expected = Buffer.from(codeChallengeS256(verifier));
  const given = Buffer.from(challenge);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
