import { describe, expect, it } from '@jest/globals';
import { AppLogger } from './app-logger.js';
import { createRootLogger } from './root-logger.js';
import { RequestLogContext, runInRequestContext } from './request-context.js';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const root = createRootLogger(level, { write: (chunk: string) => void lines.push(JSON.parse(chunk) as Record<string, unknown>) });
  return { lines, logger: new AppLogger(root), root };
}

describe(AppLogger.name, () => {
  it('writes a message with its context', () => {
    const { lines, logger } = capture();
    logger.log('Listening on http://localhost:3000', 'Bootstrap');
    expect(lines).toEqual([{ level: 'info', time: expect.any(String), service: 'agent-builder', context: 'Bootstrap', msg: 'Listening on http://localhost:3000' }]);
  });

  it('merges an object message into the line and censors credentials in it', () => {
    const { lines, logger } = capture();
    logger.warn({ event: 'lease-lost', refreshToken: 'R-SECRET', nested: { client_secret: 'C-SECRET' } }, 'TurnRunner');
    expect(lines[0]).toMatchObject({ level: 'warn', context: 'TurnRunner', event: 'lease-lost', refreshToken: '[redacted]', nested: { client_secret: '[redacted]' } });
  });

  it("writes an Error under err with its type, message and stack, and reads Nest's (message, stack) call as one", () => {
    const { lines, logger } = capture();
    logger.error(new TypeError('bad input'), 'DomainExceptionFilter');
    logger.error('Unhandled', 'Error: Unhandled\n    at somewhere (file.js:1:1)', 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({ level: 'error', context: 'DomainExceptionFilter', err: { type: 'TypeError', message: 'bad input', stack: expect.stringContaining('bad input') } });
    expect(lines[1]).toMatchObject({ level: 'error', context: 'ExceptionsHandler', err: { message: 'Unhandled', stack: 'Error: Unhandled\n    at somewhere (file.js:1:1)' } });
  });

  it('maps verbose to trace and honours the level', () => {
    const { lines, logger } = capture('debug');
    logger.verbose('not shown', 'X');
    logger.debug('shown', 'X');
    expect(lines.map((line) => [line['level'], line['msg']])).toEqual([['debug', 'shown']]);
  });

  it("carries the request's bindings inside its context, built once on first use", () => {
    const { lines, logger, root } = capture();
    const context = new RequestLogContext(root, { req: { id: 'r-1', method: 'GET', url: '/v1/sessions/s-1' }, requestId: 'r-1', sessionId: 's-1' });
    runInRequestContext(context, () => {
      logger.log('one', 'A');
      logger.log('two', 'A');
    });
    logger.log('three', 'A');
    expect(lines.map((line) => [line['msg'], line['requestId'], line['sessionId']])).toEqual([
      ['one', 'r-1', 's-1'],
      ['two', 'r-1', 's-1'],
      ['three', undefined, undefined],
    ]);
    expect(context.logger).toBe(context.logger);
  });
});
