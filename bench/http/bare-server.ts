import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Body, Controller, Headers, Module, Param, Post, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';
import { BODY_LIMIT } from '../../src/bootstrap.js';
import { SseWriter } from '../../src/common/sse-writer.js';
import { report, runChild } from '../lib/child.js';
import { serveServerStats } from './server-stats.js';

/**
 * The floor the service is held against: a bare NestJS 12 app (Express 5, the same JSON body parser)
 * whose POST streams, for each turn of the mix, the very frames the service answered that turn with
 * (recorded by a calibration pass) through the same `SseWriter` (a tick's frames in one write, as the service's), and does nothing
 * else: no identity, no session, no interpretation, no store.
 */
const framesByStep: string[][] = (JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as string[]).map((body) =>
  body.split(/(?<=\n\n)/).filter((frame) => frame.length > 0),
);

@Controller('v1/sessions/:id/messages')
class BareTurnController {
  @Post()
  turn(@Param('id') _sessionId: string, @Body() _body: unknown, @Headers('x-bench-step') step: string | undefined, @Res() res: Response): void {
    const frames = framesByStep[Number(step) % framesByStep.length] ?? framesByStep[0]!;
    const writer = new SseWriter(res);
    writer.open();
    for (const frame of frames) writer.write(frame);
    writer.end();
  }
}

@Module({ controllers: [BareTurnController] })
class BareModule {}

runChild(async () => {
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { bodyParser: false, logger: false, forceCloseConnections: true });
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.disable('x-powered-by');
  app.set('etag', false);
  await app.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1');
  serveServerStats(() => app.close());
  report({ type: 'ready' });
});
