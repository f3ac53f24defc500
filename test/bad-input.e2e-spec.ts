import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConversationClient } from './support/conversation-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ALICE = { 'x-user-id': 'alice', 'x-tenant-id': 'acme' };

/** Bad input answers per API.md with a clear error and changes nothing. */
describe('bad input', () => {
  let app: TestApp;
  let client: ConversationClient;

  beforeAll(async () => {
    app = await startTestApp();
    client = new ConversationClient(app.baseUrl, ALICE);
    await client.start();
    await client.send('I want an agent that posts a summary of my unread Gmail to #general on Slack every morning');
  });
  afterAll(() => app.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...ALICE, ...headers },
      body,
    });

  const cases: [string, string, number, string][] = [
    ['empty message', JSON.stringify({ message: '' }), 400, 'VALIDATION_FAILED'],
    ['blank message', JSON.stringify({ message: '   \n\t ' }), 400, 'VALIDATION_FAILED'],
    ['oversized message', JSON.stringify({ message: 'x'.repeat(4001) }), 400, 'VALIDATION_FAILED'],
    ['unknown field', JSON.stringify({ message: 'hi', tenantId: 'evil' }), 400, 'VALIDATION_FAILED'],
    ['unknown nested field', JSON.stringify({ action: { type: 'confirm', extra: 1 } }), 400, 'VALIDATION_FAILED'],
    ['malformed JSON', '{"message": "hi"', 400, 'VALIDATION_FAILED'],
    ['both message and action', JSON.stringify({ message: 'hi', action: { type: 'confirm' } }), 400, 'VALIDATION_FAILED'],
    ['neither message nor action', JSON.stringify({}), 400, 'VALIDATION_FAILED'],
    ['unknown action', JSON.stringify({ action: { type: 'activate' } }), 400, 'VALIDATION_FAILED'],
    ['non-string message', JSON.stringify({ message: 42 }), 400, 'VALIDATION_FAILED'],
    ['array body', JSON.stringify([{ message: 'hi' }]), 400, 'VALIDATION_FAILED'],
    ['unknown multitask strategy', JSON.stringify({ message: 'hi', multitask: 'rollback' }), 400, 'VALIDATION_FAILED'],
    ['body of 5 000 nested brackets (10 KB)', '['.repeat(5000) + ']'.repeat(5000), 400, 'VALIDATION_FAILED'],
    ['message nested 40 levels deep', JSON.stringify({ message: JSON.parse('['.repeat(40) + ']'.repeat(40)) }), 400, 'VALIDATION_FAILED'],
    ['body over 16 KB', JSON.stringify({ message: 'x'.repeat(20_000) }), 413, 'PAYLOAD_TOO_LARGE'],
  ];

  it.each(cases)('%s → %i %s, nothing changed', async (_, body, status, code) => {
    const before = await client.session();
    const response = await post(body);
    expect(response.status).toBe(status);
    const error = (await response.json()) as Record<string, unknown>;
    expect(error).toEqual({ statusCode: status, code, message: expect.any(String) });
    expect(JSON.stringify(error)).not.toMatch(/\bat .+\.(ts|js):\d+/); // never a stack trace
    expect(await client.session()).toEqual(before);
  });

  it('refuses a deeply nested chat body (the AI SDK route, 512 KB limit) with a 400, not a stack overflow', async () => {
    const response = await fetch(`${app.baseUrl}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...ALICE },
      body: `{"id":"${client.sessionId}","messages":[${'['.repeat(5000)}${']'.repeat(5000)}]}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.stringContaining('nested too deeply') });
  });

  it('names the field path of what is wrong', async () => {
    const response = await post(JSON.stringify({ action: { type: 'confirm', extra: 1 } }));
    expect(await response.json()).toMatchObject({ message: expect.stringContaining('action.extra') });
    const strategy = await post(JSON.stringify({ message: 'hi', multitask: 'rollback' }));
    expect(await strategy.json()).toMatchObject({ message: expect.stringContaining('multitask: must be one of reject, enqueue, interrupt') });
  });

  it('refuses an events query that is not a seq, or an unknown query parameter, before any stream opens', async () => {
    for (const search of ['?lastEventId=abc', '?lastEventId=-1', '?since=3']) {
      const response = await fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}/events${search}`, { headers: ALICE });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.any(String) });
    }
  });

  it('documents the turn and chat requests and the events query in OpenAPI from the classes that validate them', async () => {
    const document = (await (await fetch(`${app.baseUrl}/docs-json`)).json()) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { name: string; in: string }[] }>>;
    };
    const turn = document.paths['/v1/sessions/{id}/messages']!['post']!;
    expect(turn.requestBody).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/TurnRequest' } } } });
    expect(document.components.schemas['TurnRequest']!.properties).toMatchObject({
      message: { maxLength: 4000 },
      action: expect.any(Object),
      multitask: { enum: ['reject', 'enqueue', 'interrupt'], default: 'reject' },
    });
    expect(JSON.stringify(document.components.schemas['TurnAction'])).toContain('"retry"');
    expect(document.paths['/v1/chat']!['post']!.requestBody).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ChatRequest' } } } });
    expect(document.paths['/v1/chat/{id}/stream']!['get']).toBeDefined();
    expect(document.paths['/v1/sessions/{id}/events']!['get']!.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'lastEventId', in: 'query' })]),
    );
  });

  it('accepts exactly 4000 characters after trimming', async () => {
    const response = await post(JSON.stringify({ message: `  ${'a'.repeat(4000)}  ` }), { accept: 'application/json' });
    expect(response.status).toBe(200);
  });

  it('answers 404 for an unknown session, like a missing one', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '..%2F..%2Fetc']) {
      const response = await fetch(`${app.baseUrl}/v1/sessions/${id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...ALICE },
        body: JSON.stringify({ message: 'hi' }),
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ statusCode: 404, code: 'SESSION_NOT_FOUND', message: 'No such session.' });
    }
  });

  it("answers another tenant's or user's session exactly like a missing one, and changes nothing", async () => {
    const before = await client.session();
    const missing = await fetch(`${app.baseUrl}/v1/sessions/00000000-0000-4000-8000-000000000000`, { headers: ALICE });
    const missingBody = await missing.json();
    for (const intruder of [
      { 'x-user-id': 'alice', 'x-tenant-id': 'globex' },
      { 'x-user-id': 'mallory', 'x-tenant-id': 'acme' },
    ]) {
      const read = await fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}`, { headers: intruder });
      expect([read.status, await read.json()]).toEqual([404, missingBody]);
      const turn = await fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...intruder },
        body: JSON.stringify({ message: 'yes' }),
      });
      expect(turn.status).toBe(404);
      const events = await fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}/events`, { headers: intruder });
      expect(events.status).toBe(404);
      const deleted = await fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}`, { method: 'DELETE', headers: intruder });
      expect(deleted.status).toBe(404);
      const list = await fetch(`${app.baseUrl}/v1/sessions`, { headers: intruder });
      expect(((await list.json()) as { sessions: unknown[] }).sessions).toEqual([]);
    }
    expect(await client.session()).toEqual(before);
  });

  it('rejects identity headers that are not plain ids', async () => {
    const response = await fetch(`${app.baseUrl}/v1/sessions`, { method: 'POST', headers: { 'x-user-id': 'a b<script>' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers unknown routes in the error shape', async () => {
    const response = await fetch(`${app.baseUrl}/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: expect.any(String) });
  });

  it('answers 409 to stop when no turn is in flight', async () => {
    const response = await fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}/stop`, { method: 'POST', headers: ALICE });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'NO_TURN_IN_FLIGHT' });
  });
});
