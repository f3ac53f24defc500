import { Logger, Module, type Provider } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { CallbackReceipts, InMemoryCallbackReceipts } from './callback-receipts.js';
import { CredentialCipher } from './credential-cipher.js';
import { CredentialStore } from './credential-store.js';
import { DevOauthServer } from './dev-oauth-server.js';
import { InMemoryCredentialStore } from './in-memory-credential-store.js';
import { OauthProviderRegistry } from './oauth-provider.registry.js';
import { OauthService } from './oauth.service.js';
import { RedisCallbackReceipts } from './redis-callback-receipts.js';
import { RedisCredentialStore } from './redis-credential-store.js';

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

/**
 * The one place the credential backend is chosen: Redis when sessions are in Redis (every replica
 * sees every connection), in memory otherwise. `RedisConnections` opens nothing unless asked.
 */
const credentialStoreProvider: Provider = {
  provide: CredentialStore,
  inject: [CredentialCipher, AppConfig, RedisConnections],
  useFactory: (cipher: CredentialCipher, config: AppConfig, connections: RedisConnections): CredentialStore => {
    if (config.env.SESSION_STORE !== 'redis') return new InMemoryCredentialStore(cipher);
    if (!config.env.CREDENTIALS_KEY) {
      new Logger('OauthModule').warn(
        'SESSION_STORE=redis without CREDENTIALS_KEY: credentials stored in Redis open only in this process and until restart',
      );
    }
    return new RedisCredentialStore(connections.command, cipher, config.env.REDIS_KEY_PREFIX);
  },
};

/** Receipts of taken OAuth states, beside the sessions: duplicates reaching another replica find them. */
const callbackReceiptsProvider: Provider = {
  provide: CallbackReceipts,
  inject: [AppConfig, Clock, RedisConnections],
  useFactory: (config: AppConfig, clock: Clock, connections: RedisConnections): CallbackReceipts =>
    config.env.SESSION_STORE === 'redis'
      ? new RedisCallbackReceipts(connections.command, config.env.REDIS_KEY_PREFIX)
      : new InMemoryCallbackReceipts(clock),
};

/**
 * OAuth: providers, authorization URLs with state + PKCE, the code exchange and the credential store.
 * Expects `SessionStore`, `Clock`, `AppConfig` and `RedisConnections` to be injectable where it is
 * imported (a global core module). The development provider's routes are in `DevOauthModule`.
 */
@Module({
  providers: [cipherProvider, credentialStoreProvider, callbackReceiptsProvider, OauthProviderRegistry, DevOauthServer, OauthService],
  exports: [OauthService, OauthProviderRegistry, CredentialStore, DevOauthServer],
})
export class OauthModule {}
