import type { INestApplication } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/bootstrap.js';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FakeClock } from '../../src/common/clock.js';
import { AppConfig } from '../../src/config/app-config.js';
import { ConversationService } from '../../src/conversation/conversation.service.js';
import { SessionStore } from '../../src/conversation/store/session-store.js';
import { freePort } from './test-app.js';

export interface TestingApp {
  app: INestApplication;
  baseUrl: string;
  clock: FakeClock;
  conversations: ConversationService;
  store: SessionStore;
  close(): Promise<void>;
}

/**
 * The whole application on a loopback port with a fake clock, for specs that drive the service directly
 * (the development OAuth provider's token endpoint must be reachable over HTTP). `customize` may
 * override providers, e.g. to inject a failing interpreter.
 */
export async function startTestingApp(
  env: Record<string, string> = {},
  customize: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
): Promise<TestingApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const clock = new FakeClock(Date.now());
  const config = new AppConfig({ NODE_ENV: 'test', PORT: String(port), PUBLIC_URL: baseUrl, LOG_LEVEL: 'silent', ...env });
  const moduleRef = await customize(Test.createTestingModule({ imports: [AppModule.forRoot(config, { clock })] })).compile();
  const app = configureApp(
    moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false, forceCloseConnections: true }),
  );
  await app.listen(port, '127.0.0.1');
  return {
    app,
    baseUrl,
    clock,
    conversations: app.get(ConversationService),
    store: app.get(SessionStore),
    close: () => app.close(),
  };
}
