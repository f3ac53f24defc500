/**
 * The phrasing table's correction conversations over HTTP against the whole service, with each
 * interpreter: every turn posted, connections allowed at the development provider as a person would,
 * and the end state read from `GET /v1/sessions/:id`, as the outside measure reads it. The OpenAI
 * interpreter runs with the real SDK against the loopback fake model (see wire-answer.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConversationClient } from '../../support/conversation-client.js';
import { connectAll, say } from '../drive.js';
import { openAiInterpreter, ruleBasedInterpreter, type InterpreterInitializer, type ScenarioApp } from '../initializers.js';
import { CORRECTIONS } from './corrections.js';
import { CORRECTIONS_FLOOR } from './floors.js';
import { Scoreboard } from './scoring.js';
import { wireAnswer } from './wire-answer.js';

const report: string[] = [];
afterAll(() => console.log(report.join('\n')));

describe.each<InterpreterInitializer>([ruleBasedInterpreter, openAiInterpreter])('phrasing corrections over HTTP ($name)', (init) => {
  let app: ScenarioApp;
  beforeAll(async () => {
    app = await init.start();
    app.script?.((input) => wireAnswer(input));
  });
  afterAll(() => app.close());

  it(`ends the ${CORRECTIONS.length} correction conversations right (as in process)`, async () => {
    const board = new Scoreboard();
    let right = 0;
    let user = 0;
    for (const talk of CORRECTIONS) {
      const client = new ConversationClient(app.baseUrl, { 'x-user-id': `${init.name}-phrasing-${++user}`, 'x-tenant-id': 'phrasing' });
      await client.start();
      const replies: string[] = [];
      for (const text of talk.turns) {
        const turn = await say(client, text);
        replies.push(...turn.responses.filter((r) => r.type === 'message').map((r) => r.content ?? ''));
        await connectAll(client);
      }
      const view = await client.session();
      if (board.add(`${talk.name}: ${JSON.stringify(talk.turns)}`, talk.expect, { requirements: view.context.requirements, replies: replies.join('\n') })) {
        right += 1;
      }
    }
    report.push(`${init.name} over HTTP: corrections ${right}/${CORRECTIONS.length} right (${((100 * right) / CORRECTIONS.length).toFixed(1)} %)`);
    if (process.env['PHRASING_FAILURES'] === '1') report.push(...board.failures.map((line) => `  x ${line}`));
    expect(right / CORRECTIONS.length).toBeGreaterThanOrEqual(CORRECTIONS_FLOOR);
  }, 300_000);
});
