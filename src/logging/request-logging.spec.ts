import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { requestId } from '../http/request-id.js';
import { AppLogger } from './app-logger.js';
import { requestLogging } from './request-logging.js';
import { createRootLogger } from './root-logger.js';
import { LogLines } from '../../test/support/log-lines.js';


const SESSION = '5b0c2f1e-0a3c-4c41-9a57-1f1a3d0d9c11';

describe(requestLogging.name, () => {
  const lines = new LogLines();
  const root = createRootLogger('info', lines);
  const logger = new AppLogger(root);
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(requestId());
    app.use(requestLogging(root));
    app.post('/v1/sessions/:id/messages', async (_req, res) => {
      // After an await, as in a turn: the request's context follows the continuation.
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.warn({ attempt: 2, token: 'TOKEN-SECRET-1' }, 'TurnRunner');
      logger.log('turn done', 'TurnRunner');
      res.status(200).send('ok');
    });
    app.get('/v1/oauth/callback', (_req, res) => void res.status(400).send('no'));
    app.get('/boom', (_req, res) => void res.status(503).send('down'));
    app.get('/health/live', (_req, res) => {
      logger.log('probe', 'HealthController');
      res.send('up');
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ofRequest = (id: string) => lines.all.filter((line) => line['requestId'] === id);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('writes one line per request on completion, and binds the request to Logger calls made meanwhile', async () => {
    const response = await fetch(`${base}/v1/sessions/${SESSION}/messages`, {
      method: 'POST',
      headers: { 'x-request-id': 'turn-1', authorization: 'Bearer AUTH-SECRET-2', cookie: 'sid=COOKIE-SECRET-3' },
    });
    expect(response.status).toBe(200);
    await response.text();
    await settle();

    const req = { id: 'turn-1', method: 'POST', url: `/v1/sessions/${SESSION}/messages` };
    const [warned, logged, completed] = ofRequest('turn-1');
    expect(ofRequest('turn-1')).toHaveLength(3);
    expect(warned).toEqual({
      level: 'warn',
      time: expect.any(String),
      service: 'agent-builder',
      req,
      requestId: 'turn-1',
      sessionId: SESSION,
      context: 'TurnRunner',
      attempt: 2,
      token: '[redacted]',
    });
    expect(logged).toMatchObject({ level: 'info', req, requestId: 'turn-1', sessionId: SESSION, context: 'TurnRunner', msg: 'turn done' });
    expect(completed).toEqual({
      level: 'info',
      time: expect.any(String),
      service: 'agent-builder',
      req,
      requestId: 'turn-1',
      sessionId: SESSION,
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
      msg: 'request completed',
    });
    expect(Object.keys(completed!)).toEqual(['level', 'time', 'service', 'req', 'requestId', 'sessionId', 'res', 'responseTime', 'msg']);
    for (const secret of ['TOKEN-SECRET-1', 'AUTH-SECRET-2', 'COOKIE-SECRET-3']) expect(lines.raw).not.toContain(secret);
  });

  it('hides query values but the harmless ones, and names no session outside /v1/sessions/:id', async () => {
    await (await fetch(`${base}/v1/oauth/callback?state=STATE-SECRET-4&code=CODE-SECRET-5&error=access_denied`, { headers: { 'x-request-id': 'cb-1' } })).text();
    await settle();
    const [line] = ofRequest('cb-1');
    expect(line).toMatchObject({ level: 'info', req: { url: '/v1/oauth/callback?state=[redacted]&code=[redacted]&error=access_denied' }, res: { statusCode: 400 } });
    expect(line).not.toHaveProperty('sessionId');
    expect(lines.raw).not.toContain('STATE-SECRET-4');
    expect(lines.raw).not.toContain('CODE-SECRET-5');
  });

  it('logs a 5xx at error level, and gives a request without X-Request-Id a generated one', async () => {
    await (await fetch(`${base}/boom`)).text();
    await settle();
    const line = lines.all.find((entry) => (entry['req'] as { url?: string } | undefined)?.url === '/boom')!;
    expect(line).toMatchObject({ level: 'error', res: { statusCode: 503 }, err: { message: 'failed with status code 503' }, msg: 'request errored' });
    expect(line['requestId']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes no line for probes, yet binds the request to their Logger calls', async () => {
    await (await fetch(`${base}/health/live`, { headers: { 'x-request-id': 'probe-1' } })).text();
    await settle();
    expect(ofRequest('probe-1')).toEqual([expect.objectContaining({ context: 'HealthController', msg: 'probe' })]);
  });

  it('binds nothing to Logger calls outside a request', () => {
    logger.log('outside', 'Bootstrap');
    const line = lines.all.at(-1)!;
    expect(line).toMatchObject({ level: 'info', context: 'Bootstrap', msg: 'outside' });
    expect(line).not.toHaveProperty('requestId');
    expect(line).not.toHaveProperty('req');
  });
});
