import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { CredentialCipher, CredentialIntegrityError } from './credential-cipher.js';
import { credentialKeyId } from './credential-store.js';
import { InMemoryCredentialStore } from './in-memory-credential-store.js';
import { credentialStoreContract } from './testing/credential-store.contract.js';

credentialStoreContract({
  name: InMemoryCredentialStore.name,
  async create(cipher) {
    const sealed = new Map<string, string>();
    return {
      store: new InMemoryCredentialStore(cipher, sealed),
      readRaw: async (key) => sealed.get(credentialKeyId(key)),
      writeRaw: async (key, value) => void sealed.set(credentialKeyId(key), value),
      twin: (other) => new InMemoryCredentialStore(other, sealed),
    };
  },
});

describe(CredentialCipher.name, () => {
  const key = randomBytes(32);

  it('reads a 32-byte key as hex, base64 or base64url, all the same key', () => {
    const sealed = CredentialCipher.fromSecret(key.toString('hex')).seal('plain', 'ctx');
    for (const secret of [key.toString('base64'), key.toString('base64url')]) {
      expect(CredentialCipher.fromSecret(secret).open(sealed, 'ctx')).toBe('plain');
    }
  });

  it('derives the same key from the same passphrase (every replica agrees)', () => {
    const passphrase = 'correct horse battery staple';
    const sealed = CredentialCipher.fromSecret(passphrase).seal('plain', 'ctx');
    expect(CredentialCipher.fromSecret(passphrase).open(sealed, 'ctx')).toBe('plain');
    expect(() => CredentialCipher.fromSecret('another passphrase!').open(sealed, 'ctx')).toThrow(CredentialIntegrityError);
  });

  it('refuses a short passphrase, naming the variable', () => {
    expect(() => CredentialCipher.fromSecret('too-short')).toThrow(/^CREDENTIALS_KEY: /);
  });
});
