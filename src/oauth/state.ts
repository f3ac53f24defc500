import { randomBytes } from 'node:crypto';

/** Random bytes in a `state` value: 256 bits, well above the 128 an attacker would have to guess. */
const STATE_BYTES = 32;
const STATE_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** A fresh, unguessable OAuth `state` (base64url, 43 characters). */
export function createOauthState(): string {
  return randomBytes(STATE_BYTES).toString('base64url');
}

/** Whether a value has the shape of a state we issue; lets callers skip a store lookup for junk. */
export function isOauthStateFormat(value: unknown): value is string {
  return typeof value === 'string' && STATE_FORMAT.test(value);
}
