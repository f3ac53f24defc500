import { expect, it } from '@jest/globals';
import { describeWithRedis, testKeyPrefix } from '../contracts/redis-test-env.js';
import type { AppProcess } from '../support/app-process.js';
import { ConversationClient } from '../support/conversation-client.js';
import { useStubLlmReplicas } from './stub-llm-replicas.js';

/**
 * Issue 14, fault 4: the stop button reaches the replica running the turn. S runs the turn (its model
 * call hangs at a stub until stopped); the stop request lands on F.
 */
describeWithRedis('Stop across replicas', (redisUrl) => {
  const prefix = `${testKeyPrefix()}stop:`;
  const headers = { 'x-user-id': 'stop-user', 'x-tenant-id': 'stop-tenant' };
  const replicas = useStubLlmReplicas(redisUrl, prefix);

  const stopOn = (app: AppProcess, sessionId: string): Promise<Response> =>
    fetch(`${app.baseUrl}/v1/sessions/${sessionId}/stop`, { method: 'POST', headers });

  it('a stop sent to another replica stops the turn: 202, the turn ends TURN_STOPPED, nothing committed', async () => {
    const onS = new ConversationClient(replicas.s.baseUrl, headers);
    await onS.start();
    const before = await onS.session();
    replicas.llm.mode = 'hang';
    const reachedModel = replicas.llm.nextRequest();
    const turn = onS.send('hello, this turn waits for the model');
    await reachedModel;

    const stop = await stopOn(replicas.f, onS.sessionId);
    expect(stop.status).toBe(202);
    expect(await stop.json()).toEqual({ stopping: true });
    const result = await turn;
    expect(result.status).toBe(200);
    expect(result.responses.find((event) => event.type === 'error')?.data).toMatchObject({ code: 'TURN_STOPPED' });
    expect(result.responses.at(-1)?.type).toBe('done');
    expect(await onS.session()).toEqual(before);

    // No turn runs now, on any replica: 409 from both.
    for (const app of [replicas.s, replicas.f]) {
      const none = await stopOn(app, onS.sessionId);
      expect(none.status).toBe(409);
      expect(await none.json()).toMatchObject({ code: 'NO_TURN_IN_FLIGHT' });
    }
  });

  it('a DELETE on another replica stops the turn, which answers SESSION_NOT_FOUND (not VERSION_CONFLICT)', async () => {
    const onS = new ConversationClient(replicas.s.baseUrl, headers);
    await onS.start();
    replicas.llm.mode = 'hang';
    const reachedModel = replicas.llm.nextRequest();
    const turn = onS.send('hello, this turn waits for the model');
    await reachedModel;
    const deleted = await fetch(`${replicas.f.baseUrl}/v1/sessions/${onS.sessionId}`, { method: 'DELETE', headers });
    expect(deleted.status).toBe(204);
    const result = await turn;
    const code = result.error?.code ?? result.responses.find((event) => event.type === 'error')?.data?.['code'];
    expect(code).toBe('SESSION_NOT_FOUND');
  });
});
