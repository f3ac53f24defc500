import { Module } from '@nestjs/common';
import { DevOauthProviderController } from './dev-oauth-provider.controller.js';
import { OauthModule } from './oauth.module.js';

/**
 * The development provider's routes (`/dev/oauth/*`). Import it in the application module only
 * outside production: `imports: [...(config.isProduction ? [] : [DevOauthModule])]`.
 */
@Module({ imports: [OauthModule], controllers: [DevOauthProviderController] })
export class DevOauthModule {}
