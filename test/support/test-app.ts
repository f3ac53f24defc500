import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../../src/bootstrap.js';
import type { Clock } from '../../src/common/clock.js';
import { AppConfig } from '../../src/config/app-config.js';

/** A free TCP port on loopback (so PUBLIC_URL can name it before the app starts). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  config: AppConfig;
  close(): Promise<void>;
}

/** Starts the whole service on a real loopback socket with the given environment (embedded defaults otherwise). */
export async function startTestApp(env: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<TestApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = new AppConfig({ NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: baseUrl, LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, { clock: options.clock, logger: false });
  await app.listen(port, '127.0.0.1');
  return { app, baseUrl, config, close: () => app.close() };
}
