import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, type AppOptions } from './app.module.js';
import { AppConfig } from './config/app-config.js';

/** Largest accepted request body (a 4000-character message fits many times over). */
export const BODY_LIMIT = '16kb';

/**
 * Creates the configured application (shared by `main.ts`, the e2e tests and the benchmarks),
 * without listening.
 */
export async function createApp(config: AppConfig, options: AppOptions & { logger?: false } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bodyParser: false,
    logger: options.logger === false ? false : undefined,
    forceCloseConnections: true,
  });
  return configureApp(app);
}

/** HTTP settings shared by every way the app is created (body limits, headers, OpenAPI). */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.useBodyParser('json', { limit: BODY_LIMIT });
  // Form posts: only the development provider's consent and token endpoints take them.
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  app.disable('x-powered-by');
  app.set('etag', false);
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Agent builder conversation API')
      .setDescription('Build an automation agent by chatting. Each turn streams ChatResponse events over SSE.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

export async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = AppConfig.fromProcessEnv();
  } catch (error) {
    // Invalid configuration stops the start with a message naming the variable.
    console.error((error as Error).message);
    process.exit(1);
  }
  const app = await createApp(config);
  await app.listen(config.env.PORT, config.env.HOST);
  new Logger('Bootstrap').log(`Listening on ${config.publicUrl} (store: ${config.env.SESSION_STORE})`);
}
