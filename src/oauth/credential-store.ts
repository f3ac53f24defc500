/** Whose credentials: one set per tenant, user and OAuth provider. */
export interface CredentialKey {
  tenantId: string;
  userId: string;
  provider: string;
}

/** Tokens obtained from a provider. Secret as a whole: never logged, returned or put in an event. */
export interface StoredCredential {
  accessToken: string;
  refreshToken?: string;
  /** As the provider named it (`Bearer`, `bot`, …). */
  tokenType: string;
  /** Granted scopes as the provider reported them, when it did. */
  scope?: string;
  /** Epoch ms when the access token expires, when the provider said. */
  expiresAt?: number;
  /** Epoch ms when the tokens were obtained. */
  obtainedAt: number;
}

/**
 * Where connected accounts' tokens are kept, encrypted at rest. Implementations store only the
 * serialised ciphertext that `CredentialCipher.seal` produces (bound to the key, so a value copied
 * to another user's slot does not open) and may share one backend across replicas.
 */
export interface CredentialStore {
  /** Stores (or replaces) the credential of `key`. */
  put(key: CredentialKey, credential: StoredCredential): Promise<void>;

  /**
   * The credential of `key`, or null when there is none. Throws `CredentialIntegrityError` when
   * the stored ciphertext does not authenticate (tampered, or sealed with another key).
   */
  get(key: CredentialKey): Promise<StoredCredential | null>;

  /** Whether `key` has a credential, without decrypting it. */
  has(key: CredentialKey): Promise<boolean>;

  /** Removes the credential of `key`. Idempotent. */
  delete(key: CredentialKey): Promise<void>;
}
export const CredentialStore = Symbol('CredentialStore');

/** A stable, unambiguous string for a key: the map key of a store and the cipher's associated data. */
export function credentialKeyId(key: CredentialKey): string {
  return JSON.stringify([key.tenantId, key.userId, key.provider]);
}
