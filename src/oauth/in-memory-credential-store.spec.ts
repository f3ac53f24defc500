import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { CredentialCipher, CredentialIntegrityError } from './credential-cipher.js';
import { type CredentialKey, type CredentialStore, type StoredCredential, credentialKeyId } from './credential-store.js';
import { InMemoryCredentialStore } from './in-memory-credential-store.js';

const alice: CredentialKey = {
  tenantId: 'acme',
  userId: 'alice',
  provider: 'google',
};
const bob: CredentialKey = {
  tenantId: 'acme',
  userId: 'bob',
  provider: 'google',
};
const credential: StoredCredential = {
  accessToken: 'ya29.access-token-of-alice',
  refreshToken: '1//refresh-token-of-alice',
  tokenType: 'Bearer',
  scope: 'https://www.googleapis.com/auth/gmail.modify',
  expiresAt: 1_800_000_000_000,
  obtainedAt: 1_700_000_000_000,
};

/**
 * How the shared scenarios reach a backend: a store over a cipher, and raw access to the sealed
 * values by key id (a Map here; GET/SET on the key for Redis). Ready to move to test/contracts/
 * when a second implementation arrives.
 */
interface CredentialStoreInit {
  name: string;
  create(cipher: CredentialCipher): {
    store: CredentialStore;
    sealed: {
      get(id: string): string | undefined;
      set(id: string, value: string): void;
    };
  };
}

const inMemory: CredentialStoreInit = {
  name: InMemoryCredentialStore.name,
  create(cipher) {
    const sealed = new Map<string, string>();
    return { store: new InMemoryCredentialStore(cipher, sealed), sealed };
  },
};

describeCredentialStore(inMemory);

function describeCredentialStore(init: CredentialStoreInit): void {
  const setup = () => {
    const cipher = CredentialCipher.fromSecret(randomBytes(32).toString('hex'));
    return { cipher, ...init.create(cipher) };
  };

  describe(init.name, () => {
    it('round-trips a credential per tenant, user and provider', async () => {
      const { store } = setup();
      await store.put(alice, credential);
      expect(await store.get(alice)).toEqual(credential);
      expect(await store.has(alice)).toBe(true);
      expect(await store.has(bob)).toBe(false);
      expect(await store.get(bob)).toBeNull();
      expect(await store.has({ ...alice, provider: 'slack' })).toBe(false);
      expect(await store.has({ ...alice, tenantId: 'other' })).toBe(false);
    });

    it('replaces on put and forgets on delete (idempotent)', async () => {
      const { store } = setup();
      await store.put(alice, credential);
      await store.put(alice, { ...credential, accessToken: 'second' });
      expect((await store.get(alice))?.accessToken).toBe('second');
      await store.delete(alice);
      await store.delete(alice);
      expect(await store.get(alice)).toBeNull();
      expect(await store.has(alice)).toBe(false);
    });

    it('stores ciphertext that contains no plaintext', async () => {
      const { store, sealed } = setup();
      await store.put(alice, credential);
      const value = sealed.get(credentialKeyId(alice));
      expect(value).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
      for (const secret of [credential.accessToken, credential.refreshToken!, 'access-token', 'refresh', 'accessToken']) {
        expect(value).not.toContain(secret);
        expect(Buffer.from(value!.split('.')[2]!, 'base64url').toString('latin1')).not.toContain(secret);
      }
    });

    it('uses a fresh IV each time: the same credential seals differently', async () => {
      const { store, sealed } = setup();
      await store.put(alice, credential);
      const first = sealed.get(credentialKeyId(alice));
      await store.put(alice, credential);
      expect(sealed.get(credentialKeyId(alice))).not.toBe(first);
    });

    it('detects tampering with any part of the sealed value', async () => {
      const { store, sealed } = setup();
      await store.put(alice, credential);
      const id = credentialKeyId(alice);
      const original = sealed.get(id)!;
      const parts = original.split('.');
      for (let index = 1; index < parts.length; index += 1) {
        const bytes = Buffer.from(parts[index]!, 'base64url');
        bytes[0]! ^= 0x01;
        const tampered = [...parts];
        tampered[index] = bytes.toString('base64url');
        sealed.set(id, tampered.join('.'));
        await expect(store.get(alice)).rejects.toBeInstanceOf(CredentialIntegrityError);
      }
      for (const garbage of ['', 'v1', 'v2.a.b.c', `${original}.extra`, original.slice(0, -4)]) {
        sealed.set(id, garbage);
        await expect(store.get(alice)).rejects.toBeInstanceOf(CredentialIntegrityError);
      }
    });

    it("refuses a value copied into another user's slot (bound to the key)", async () => {
      const { store, sealed } = setup();
      await store.put(alice, credential);
      sealed.set(credentialKeyId(bob), sealed.get(credentialKeyId(alice))!);
      await expect(store.get(bob)).rejects.toBeInstanceOf(CredentialIntegrityError);
    });

    it('cannot open values sealed with another key', async () => {
      const { store, sealed } = setup();
      await store.put(alice, credential);
      const other = init.create(CredentialCipher.ephemeral());
      other.sealed.set(credentialKeyId(alice), sealed.get(credentialKeyId(alice))!);
      await expect(other.store.get(alice)).rejects.toBeInstanceOf(CredentialIntegrityError);
    });
  });
}

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
