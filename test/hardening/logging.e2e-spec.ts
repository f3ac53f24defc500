import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { SignJWT } from 'jose';
import { AppLogger } from '../../src/logging/app-logger.js';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/bootstrap.js';
import { AppConfig } from '../../src/config/app-config.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { freePort } from '../support/test-app.js';
import { LogLines } from '../support/log-lines.js';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const MESSAGE = 'Summarize my unread Gmail every morning ZEBRA-PAYLOAD-7731';

describe('JSON logs', () => {
  const lines = new LogLines();
  let app: NestExpressApplication;
  let baseUrl: string;
  let token: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const config = new AppConfig({ NODE_ENV: 'test', PORT: String(port), PUBLIC_URL: baseUrl, LOG_LEVEL: 'info', AUTH_JWT_SECRET: SECRET });
    const failing: Interpreter = {
      interpret: async () => {
        throw new Error('model endpoint unreachable');
      },
    };
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, { logDestination: lines })] })
      .overrideProvider(Interpreter)
      .useValue(failing)
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true, forceCloseConnections: true });
    app.useLogger(app.get(AppLogger));
    configureApp(app);
    await app.listen(port, '127.0.0.1');
    token = await new SignJWT({ tenant_id: 'acme' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('liz')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
  });
  afterAll(() => app.close());

  it('logs each request with its request id and session id, and no message text, token, code or state', async () => {
    const auth = { authorization: `Bearer ${token}`, cookie: 'sid=COOKIE-VALUE-991' };
    const started = await fetch(`${baseUrl}/v1/sessions`, { method: 'POST', headers: { ...auth, 'x-request-id': 'trace-start-1' } });
    const { sessionId } = (await started.json()) as { sessionId: string };
    const turn = await fetch(`${baseUrl}/v1/sessions/${sessionId}/messages`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'x-request-id': 'trace-turn-1' },
      body: JSON.stringify({ message: MESSAGE }),
    });
    expect(turn.status).toBe(200);
    await turn.text();
    const callback = await fetch(`${baseUrl}/v1/oauth/callback?state=STATE-SECRET-123&code=CODE-SECRET-456`, {
      headers: { 'x-request-id': 'trace-callback-1' },
    });
    expect(callback.status).toBe(400);
    await callback.text();
    await new Promise((resolve) => setTimeout(resolve, 50));

    const ofRequest = (id: string) => lines.all.filter((line) => line['requestId'] === id);
    const turnLines = ofRequest('trace-turn-1');
    // The interpreter's warning, logged while handling the turn, and the request line.
    expect(turnLines.map((line) => line['level'])).toEqual(expect.arrayContaining(['warn', 'info']));
    for (const line of turnLines) expect(line['sessionId']).toBe(sessionId);
    const completed = turnLines.find((line) => line['res'] !== undefined)!;
    expect(completed).toMatchObject({
      level: 'info',
      service: 'agent-builder',
      req: { method: 'POST', url: `/v1/sessions/${sessionId}/messages` },
      res: { statusCode: 200 },
    });
    expect(ofRequest('trace-start-1')).toHaveLength(1);
    expect(ofRequest('trace-callback-1')[0]).toMatchObject({ req: { url: '/v1/oauth/callback?state=[redacted]&code=[redacted]' } });

    for (const secret of ['ZEBRA-PAYLOAD-7731', token, token.split('.')[2]!, 'STATE-SECRET-123', 'CODE-SECRET-456', 'COOKIE-VALUE-991', SECRET]) {
      expect(lines.raw).not.toContain(secret);
    }
  });

  it('does not log probes and scrapes', async () => {
    const before = lines.all.length;
    await (await fetch(`${baseUrl}/health/live`)).text();
    await (await fetch(`${baseUrl}/metrics`)).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines.all.slice(before).filter((line) => line['req'] !== undefined)).toEqual([]);
  });
});
