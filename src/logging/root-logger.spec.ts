import { describe, expect, it } from '@jest/globals';
import { createRootLogger, writeTrustedLine } from './root-logger.js';

function capture(level: string) {
  const lines: string[] = [];
  return { lines, root: createRootLogger(level, { write: (chunk: string) => void lines.push(chunk) }) };
}

describe(writeTrustedLine.name, () => {
  it('writes the very line pino writes for the same fields, time aside', () => {
    const { lines, root } = capture('info');
    const fields = { req: { id: 'r-1', method: 'GET', url: '/a?b=[redacted]' }, requestId: 'r-1', res: { statusCode: 200 }, responseTime: 3 };
    root.info(fields, 'request completed');
    writeTrustedLine(root, 'info', fields, 'request completed');
    const [byPino, byHand] = lines.map((line) => line.replace(/"time":"[^"]+"/, '"time":"T"'));
    expect(byHand).toBe(byPino);
    expect(lines[1]).toMatch(/^\{"level":"info","time":"\d{4}-\d\d-\d\dT[\d:.]+Z","service":"agent-builder",.*\}\n$/);
  });

  it('honours the level', () => {
    const { lines, root } = capture('warn');
    writeTrustedLine(root, 'info', {}, 'hidden');
    writeTrustedLine(root, 'warn', {}, 'shown');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['shown']);
  });
});

describe(createRootLogger.name, () => {
  it('censors credentials wherever a caller puts them', () => {
    const { lines, root } = capture('info');
    root.info({ req: { headers: { authorization: 'Bearer A', cookie: 'c=1' } }, code: 'C', tokens: { access_token: 'T', id_token: 'I' } });
    expect(JSON.parse(lines[0]!)).toMatchObject({
      req: { headers: { authorization: '[redacted]', cookie: '[redacted]' } },
      code: '[redacted]',
      tokens: { access_token: '[redacted]', id_token: '[redacted]' },
    });
  });
});
