import { Logger, Module, type Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { CredentialCipher } from './credential-cipher.js';
import { CredentialStore } from './credential-store.js';
import { DevOauthServer } from './dev-oauth-server.js';
import { InMemoryCredentialStore } from './in-memory-credential-store.js';
import { OauthProviderRegistry } from './oauth-provider.registry.js';
import { OauthService } from './oauth.service.js';

const cipherProvider: Provider = {
  provide: CredentialCipher,
  inject: [AppConfig],
  useFactory: (config: AppConfig): CredentialCipher => {
    const secret = config.env.CREDENTIALS_KEY;
    if (secret) return CredentialCipher.fromSecret(secret);
    // The env schema already refuses production without a key; this is the second lock.
    if (config.isProduction) throw new Error('CREDENTIALS_KEY: is required in production');
    new Logger('OauthModule').warn(
      'CREDENTIALS_KEY is not set: credentials are encrypted with a random key and last until restart',
    );
    return CredentialCipher.ephemeral();
  },
};

/** The one place the credential backend is chosen (a Redis implementation will switch on config here). */
const credentialStoreProvider: Provider = {
  provide: CredentialStore,
  inject: [CredentialCipher],
  useFactory: (cipher: CredentialCipher): CredentialStore => new InMemoryCredentialStore(cipher),
};

/**
 * OAuth: providers, authorization URLs with state + PKCE, the code exchange and the credential store.
 * Expects `SessionStore`, `Clock` and `AppConfig` to be injectable where it is imported (a global
 * core module). The development provider's routes are in `DevOauthModule`.
 */
@Module({
  providers: [cipherProvider, credentialStoreProvider, OauthProviderRegistry, DevOauthServer, OauthService],
  exports: [OauthService, OauthProviderRegistry, CredentialStore, DevOauthServer],
})
export class OauthModule {}
