import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { type CredentialKey, type StoredCredential, credentialKeyId } from './credential-store.js';

const ALGORITHM = 'aes-256-gcm';
const FORMAT_VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MIN_PASSPHRASE_LENGTH = 16;
/**
 * Fixed on purpose: every replica must derive the same key from the same passphrase. The salt
 * still keeps the key apart from other uses of the passphrase; the cost parameters slow guessing.
 */
const SCRYPT_SALT = 'agent-builder/credentials-key/v1';
const SCRYPT_OPTIONS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** A sealed value that does not authenticate: tampered with, moved to another key, or another key. */
export class CredentialIntegrityError extends Error {
  constructor() {
    super('A stored credential could not be decrypted (tampered with, or sealed with another key)');
    this.name = 'CredentialIntegrityError';
  }
}

/**
 * AES-256-GCM with a random 96-bit IV per value. A sealed value is `v1.<iv>.<ciphertext>.<tag>`
 * (base64url parts) and is bound to a context string (the credential's key) as associated data.
 */
export class CredentialCipher {
  private constructor(private readonly key: Buffer) {}

  /**
   * From `CREDENTIALS_KEY`: 32 bytes as 64 hex characters or as base64/base64url; anything else is a
   * passphrase of at least 16 characters, stretched with scrypt (N=2^15, r=8, p=1, fixed salt).
   */
  static fromSecret(secret: string): CredentialCipher {
    if (/^[0-9a-fA-F]{64}$/.test(secret)) return new CredentialCipher(Buffer.from(secret, 'hex'));
    if (/^[A-Za-z0-9+/_-]{43}=?$/.test(secret)) {
      const key = Buffer.from(secret, 'base64');
      if (key.length === 32) return new CredentialCipher(key);
    }
    if (secret.length < MIN_PASSPHRASE_LENGTH) {
      throw new Error(
        `CREDENTIALS_KEY: must be 32 bytes (64 hex characters or base64) or a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`,
      );
    }
    return new CredentialCipher(scryptSync(secret, SCRYPT_SALT, 32, SCRYPT_OPTIONS));
  }

  /** A random key for this process only: credentials do not outlive it (development). */
  static ephemeral(): CredentialCipher {
    return new CredentialCipher(randomBytes(32));
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT_VERSION, iv, ciphertext, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The plaintext of a sealed value; throws `CredentialIntegrityError` when it does not authenticate. */
  open(sealed: string, context: string): string {
    const [version, iv, ciphertext, tag, ...rest] = sealed.split('.');
    if (version !== FORMAT_VERSION || iv === undefined || ciphertext === undefined || tag === undefined || rest.length > 0) {
      throw new CredentialIntegrityError();
    }
    try {
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new CredentialIntegrityError();
      const decipher = createDecipheriv(ALGORITHM, this.key, ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new CredentialIntegrityError();
    }
  }
}

/** Seals a credential for its key: what every `CredentialStore` implementation stores. */
export function sealCredential(cipher: CredentialCipher, key: CredentialKey, credential: StoredCredential): string {
  const id = credentialKeyId(key);
  return cipher.seal(JSON.stringify(credential), id);
}

/** Opens what `sealCredential` produced for the same key; throws `CredentialIntegrityError` otherwise. */
export function openCredential(cipher: CredentialCipher, key: CredentialKey, sealed: string): StoredCredential {
  const value: unknown = JSON.parse(cipher.open(sealed, credentialKeyId(key)));
  if (typeof value !== 'object' || value === null) throw new CredentialIntegrityError();
  const record = value as Record<string, unknown>;
  if (typeof record['accessToken'] !== 'string' || typeof record['tokenType'] !== 'string') throw new CredentialIntegrityError();
  return value as StoredCredential;
}
