import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { CredentialCipher, CredentialIntegrityError } from '../credential-cipher.js';
import type { CredentialKey, CredentialStore, StoredCredential } from '../credential-store.js';

/** One backend under test: a store over a fresh, isolated backend, and raw access to what it keeps. */
export interface CredentialStoreHarness {
  store: CredentialStore;
  /** The stored (sealed) value of a key, as the backend holds it. */
  readRaw(key: CredentialKey): Promise<string | undefined>;
  /** Overwrites the stored value of a key behind the store's back. */
  writeRaw(key: CredentialKey, value: string): Promise<void>;
  /** Another store over the same backend (another replica), with its own cipher. */
  twin(cipher: CredentialCipher): CredentialStore;
}

/** How a backend takes part in the suite (the langgraphjs checkpoint-validation pattern). */
export interface CredentialStoreInitializer {
  name: string;
  create(cipher: CredentialCipher): Promise<CredentialStoreHarness>;
}

const alice: CredentialKey = { tenantId: 'acme', userId: 'alice', provider: 'google' };
const bob: CredentialKey = { tenantId: 'acme', userId: 'bob', provider: 'google' };
const credential: StoredCredential = {
  accessToken: 'ya29.access-token-of-alice',
  refreshToken: '1//refresh-token-of-alice',
  tokenType: 'Bearer',
  scope: 'https://www.googleapis.com/auth/gmail.modify',
  expiresAt: 1_800_000_000_000,
  obtainedAt: 1_700_000_000_000,
};

/** The `CredentialStore` contract: every backend passes the same scenarios, none branches on the backend. */
export function credentialStoreContract(init: CredentialStoreInitializer): void {
  const setup = async () => {
    const cipher = CredentialCipher.fromSecret(randomBytes(32).toString('hex'));
    return { cipher, ...(await init.create(cipher)) };
  };

  describe(init.name, () => {
    it(`${init.name}#put round-trips a credential per tenant, user and provider`, async () => {
      const { store } = await setup();
      await store.put(alice, credential);
      expect(await store.get(alice)).toEqual(credential);
      expect(await store.has(alice)).toBe(true);
      expect(await store.has(bob)).toBe(false);
      expect(await store.get(bob)).toBeNull();
      expect(await store.has({ ...alice, provider: 'slack' })).toBe(false);
      expect(await store.has({ ...alice, tenantId: 'other' })).toBe(false);
    });

    it(`${init.name}#put keeps keys apart whatever characters their parts hold`, async () => {
      const { store } = await setup();
      const tricky: CredentialKey = { tenantId: 'a:b', userId: 'c', provider: 'google' };
      const lookalike: CredentialKey = { tenantId: 'a', userId: 'b:c', provider: 'google' };
      await store.put(tricky, credential);
      expect(await store.has(lookalike)).toBe(false);
      expect(await store.get(tricky)).toEqual(credential);
    });

    it(`${init.name}#delete replaces on put and forgets on delete (idempotent)`, async () => {
      const { store } = await setup();
      await store.put(alice, credential);
      await store.put(alice, { ...credential, accessToken: 'second' });
      expect((await store.get(alice))?.accessToken).toBe('second');
      await store.delete(alice);
      await store.delete(alice);
      expect(await store.get(alice)).toBeNull();
      expect(await store.has(alice)).toBe(false);
    });

    it(`${init.name}#put stores ciphertext that contains no plaintext`, async () => {
      const { store, readRaw } = await setup();
      await store.put(alice, credential);
      const value = await readRaw(alice);
      expect(value).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
      for (const secret of [credential.accessToken, credential.refreshToken!, 'access-token', 'refresh', 'accessToken']) {
        expect(value).not.toContain(secret);
        expect(Buffer.from(value!.split('.')[2]!, 'base64url').toString('latin1')).not.toContain(secret);
      }
    });

    it(`${init.name}#put uses a fresh IV each time: the same credential seals differently`, async () => {
      const { store, readRaw } = await setup();
      await store.put(alice, credential);
      const first = await readRaw(alice);
      await store.put(alice, credential);
      expect(await readRaw(alice)).not.toBe(first);
    });

    it(`${init.name}#get detects tampering with any part of the sealed value`, async () => {
      const { store, readRaw, writeRaw } = await setup();
      await store.put(alice, credential);
      const original = (await readRaw(alice))!;
      const parts = original.split('.');
      for (let index = 1; index < parts.length; index += 1) {
        const bytes = Buffer.from(parts[index]!, 'base64url');
        bytes[0]! ^= 0x01;
        const tampered = [...parts];
        tampered[index] = bytes.toString('base64url');
        await writeRaw(alice, tampered.join('.'));
        await expect(store.get(alice)).rejects.toBeInstanceOf(CredentialIntegrityError);
      }
      for (const garbage of ['', 'v1', 'v2.a.b.c', `${original}.extra`, original.slice(0, -4)]) {
        await writeRaw(alice, garbage);
        await expect(store.get(alice)).rejects.toBeInstanceOf(CredentialIntegrityError);
      }
    });

    it(`${init.name}#get refuses a value copied into another user's slot (bound to the key)`, async () => {
      const { store, readRaw, writeRaw } = await setup();
      await store.put(alice, credential);
      await writeRaw(bob, (await readRaw(alice))!);
      await expect(store.get(bob)).rejects.toBeInstanceOf(CredentialIntegrityError);
    });

    it(`${init.name}#get is shared by replicas with the same key, and closed to another key`, async () => {
      const { cipher, store, twin } = await setup();
      await store.put(alice, credential);
      expect(await twin(cipher).get(alice)).toEqual(credential);
      const stranger = twin(CredentialCipher.ephemeral());
      expect(await stranger.has(alice)).toBe(true);
      await expect(stranger.get(alice)).rejects.toBeInstanceOf(CredentialIntegrityError);
    });
  });
}
