import { type CredentialCipher, openCredential, sealCredential } from './credential-cipher.js';
import { type CredentialKey, type CredentialStore, type StoredCredential, credentialKeyId } from './credential-store.js';

/** The embedded credential store: sealed strings in a Map, lost when the process ends. */
export class InMemoryCredentialStore implements CredentialStore {
  constructor(
    private readonly cipher: CredentialCipher,
    /** Key id → sealed value; pass one in to look at what is stored. */
    private readonly sealed: Map<string, string> = new Map(),
  ) {}

  async put(key: CredentialKey, credential: StoredCredential): Promise<void> {
    this.sealed.set(credentialKeyId(key), sealCredential(this.cipher, key, credential));
  }

  async get(key: CredentialKey): Promise<StoredCredential | null> {
    const value = this.sealed.get(credentialKeyId(key));
    return value === undefined ? null : openCredential(this.cipher, key, value);
  }

  async has(key: CredentialKey): Promise<boolean> {
    return this.sealed.has(credentialKeyId(key));
  }

  async delete(key: CredentialKey): Promise<void> {
    this.sealed.delete(credentialKeyId(key));
  }
}
