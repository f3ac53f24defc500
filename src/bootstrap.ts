import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import { describeApiBodies } from './conversation/dto/openapi-schemas.js';
import { AppModule, type AppOptions } from './app.module.js';
import { AppConfig } from './config/app-config.js';
import { corsOptions } from './http/cors.js';
import { ipRateLimit } from './http/ip-rate-limit.js';
import { RateLimits } from './http/rate-limits.js';
import { requestId } from './http/request-id.js';
import { securityHeaders } from './http/security-headers.js';
import { AppLogger } from './logging/app-logger.js';
import { requestLogging } from './logging/request-logging.js';
import { ROOT_LOGGER } from './logging/root-logger.js';
import { EvictingRedisError } from './redis/redis-memory-policy.js';

/** Largest accepted request body (a 4000-character message fits many times over). */
export const BODY_LIMIT = '16kb';

/**
 * Largest body of `POST /v1/chat`: the AI SDK's client sends the chat's whole history with every turn
 * (only the last message is read), which outgrows 16 KB after a few turns with their data parts.
 */
export const CHAT_BODY_LIMIT = '512kb';

/**
 * Creates the configured application (shared by `main.ts`, the e2e tests and the benchmarks),
 * without listening. `logger: false` keeps Nest's own messages out (tests); otherwise they go through
 * pino as JSON like everything else.
 */
export async function createApp(config: AppConfig, options: AppOptions & { logger?: false } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bodyParser: false,
    logger: options.logger === false ? false : undefined,
    bufferLogs: options.logger !== false,
    forceCloseConnections: true,
  });
  if (options.logger !== false) app.useLogger(app.get(AppLogger));
  return configureApp(app);
}

/**
 * HTTP settings shared by every way the app is created, in the order requests meet them: request id,
 * security headers, CORS, the per-IP rate limit (before any body is read), body parsers (16 KB; 512 KB for
 * the AI SDK chat route),
 * the API docs, then request logging and Nest's routes. (Requests refused before the logging middleware,
 * such as a 429 or an unreadable body, and the docs get no request line.)
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get(AppConfig);
  app.set('trust proxy', trustProxy(config.env.TRUST_PROXY));
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestId());
  app.use(securityHeaders());
  const cors = corsOptions(config);
  if (cors) app.enableCors(cors);
  app.use(ipRateLimit(app.get(RateLimits)));
  // Parsed first here, the chat's body is left alone by the general parser below.
  app.use('/v1/chat', express.json({ limit: CHAT_BODY_LIMIT }));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  // Form posts: only the development provider's consent and token endpoints take them.
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
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
  SwaggerModule.setup('docs', app, describeApiBodies(document), { jsonDocumentUrl: 'docs-json' });
  app.use(requestLogging(app.get(ROOT_LOGGER)));
  return app;
}

/** `TRUST_PROXY` as Express takes it: a boolean, a hop count, or a list of addresses and subnets. */
export function trustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
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
  try {
    await app.listen(config.env.PORT, config.env.HOST);
  } catch (error) {
    // A Redis that would evict the service's keys stops the start with a message naming the setting.
    if (!(error instanceof EvictingRedisError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  new Logger('Bootstrap').log(`Listening on ${config.publicUrl} (store: ${config.env.SESSION_STORE})`);
}
