import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DefaultChatTransport, readUIMessageStream, type UIMessage, type UIMessageChunk } from 'ai';
import type { SessionView } from '../../src/conversation/dto/session-view.js';
import { SessionStore } from '../../src/conversation/store/session-store.js';
import { ConversationClient, consent } from '../support/conversation-client.js';
import { step } from '../support/fake-openai-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startLlmApp, type LlmApp } from '../interpreter/initializers.js';
import { cuttableFetch, dataParts, TestChat, textOf, until } from './ai-sdk-client.js';

const ALICE = { 'x-user-id': 'alice', 'x-tenant-id': 'acme' };
const MALLORY = { 'x-user-id': 'mallory', 'x-tenant-id': 'acme' };
/** A user with no accounts connected yet (Alice's connections outlive her sessions). */
const BOB = { 'x-user-id': 'bob', 'x-tenant-id': 'acme' };
const LIMITS = { RATE_LIMIT_TURNS_PER_MINUTE: '100000', RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '0' };

async function newSession(baseUrl: string, headers: Record<string, string>): Promise<string> {
  const client = new ConversationClient(baseUrl, headers);
  return (await client.start()).sessionId;
}

/**
 * The AI SDK's own client classes (`AbstractChat` with `DefaultChatTransport`, `readUIMessageStream`)
 * against `/v1/chat`, the URLs the transport uses with only `api` set.
 */
describe('AI SDK chat route (/v1/chat)', () => {
  describe('with the rule-based interpreter', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp(LIMITS);
    });
    afterAll(() => app.close());

    it('builds an agent through the route: phase, requirements and OAuth prompts (with their URL) as data parts replaced in place', async () => {
      const sessionId = await newSession(app.baseUrl, ALICE);
      const chat = new TestChat({ id: sessionId, api: `${app.baseUrl}/v1/chat`, headers: ALICE });

      await chat.sendMessage({
        text: 'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel',
      });
      expect(chat.errors).toEqual([]);
      expect(chat.status).toBe('ready');
      const first = chat.reply!;
      expect(first.metadata).toMatchObject({ sessionId, phase: 'OAUTH_FLOW' });
      const parts = dataParts(first);
      // Two phase changes in the turn, one part: the latest.
      expect(parts.filter((part) => part.type === 'data-phase')).toEqual([
        expect.objectContaining({ id: 'phase', data: expect.objectContaining({ from: 'DISCOVERY', to: 'OAUTH_FLOW' }) }),
      ]);
      expect(parts.filter((part) => part.type === 'data-requirements')).toHaveLength(parts.some((part) => part.type === 'data-requirements') ? 1 : 0);
      const gmail = parts.find((part) => part.id === 'oauth_required-gmail')!;
      expect(gmail.data).toMatchObject({ integration: 'gmail', provider: 'google', url: expect.stringMatching(/^http/) });
      expect(textOf(first)).not.toBe('');

      // Consent in the "browser" for Gmail, then Slack (the callbacks resume the conversation).
      expect((await consent(gmail.data['url'] as string, 'allow')).status).toBe(303);
      const view = (await (await fetch(`${app.baseUrl}/v1/sessions/${sessionId}`, { headers: ALICE })).json()) as SessionView;
      expect((await consent(view.pendingOauth!.authorizationUrl, 'allow')).status).toBe(303);

      await chat.sendMessage({ text: 'only emails from my manager' });
      const third = chat.reply!;
      expect(textOf(third)).toContain('Shall I build it?');
      const requirements = dataParts(third).filter((part) => part.type === 'data-requirements');
      expect(requirements).toHaveLength(1);
      expect(JSON.stringify(requirements[0]!.data)).toContain('from my manager');
      expect(dataParts(third).find((part) => part.id === 'actions')!.data['actions']).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 'confirm' })]),
      );

      // A button is the action in the request body, beside the message the chat shows.
      await chat.sendMessage({ text: 'Build it' }, { body: { action: { type: 'confirm' } } });
      expect(chat.reply!.metadata).toMatchObject({ phase: 'TESTING' });
      expect(dataParts(chat.reply).map((part) => part.type)).toEqual(expect.arrayContaining(['data-draft', 'data-test_result']));

      await chat.sendMessage({ text: 'looks good, turn it on' });
      await chat.sendMessage({ text: 'Activate' }, { body: { action: { type: 'confirm' } } });
      expect(chat.reply!.metadata).toMatchObject({ phase: 'COMPLETE' });
      expect(chat.errors).toEqual([]);
      // One assistant message per turn, none doubled.
      expect(chat.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
    });

    it('answers with the protocol’s header and frames, ending with [DONE], readable by readUIMessageStream', async () => {
      const sessionId = await newSession(app.baseUrl, ALICE);
      const transport = new DefaultChatTransport<UIMessage>({ api: `${app.baseUrl}/v1/chat`, headers: BOB });
      const raw = await fetch(`${app.baseUrl}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...ALICE },
        body: JSON.stringify({ id: sessionId, trigger: 'submit-message', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hello' }] }] }),
      });
      expect(raw.status).toBe(200);
      expect(raw.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
      expect(raw.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const body = await raw.text();
      expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);

      const stream = await transport.sendMessages({
        chatId: await newSession(app.baseUrl, BOB),
        messages: [{ id: 'u2', role: 'user', parts: [{ type: 'text', text: 'I want an agent that posts a summary of my unread Gmail to #general on Slack every morning' }] }],
        trigger: 'submit-message',
        messageId: undefined,
        abortSignal: undefined,
      });
      let message: UIMessage | undefined;
      for await (const snapshot of readUIMessageStream({ stream: stream as ReadableStream<UIMessageChunk> })) message = snapshot;
      expect(dataParts(message).some((part) => part.type === 'data-oauth_required')).toBe(true);
    });

    it('queues a turn sent with multitask enqueue: a transient data-queued chunk, then the turn once the running one ends', async () => {
      const sessionId = await newSession(app.baseUrl, ALICE);
      const store = app.app.get<SessionStore>(SessionStore);
      const running = await store.acquireLease(sessionId, 10_000); // another turn of the session runs
      const raw = await fetch(`${app.baseUrl}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...ALICE },
        body: JSON.stringify({
          id: sessionId,
          trigger: 'submit-message',
          multitask: 'enqueue',
          messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hello' }] }],
        }),
      });
      expect(raw.status).toBe(200);
      const reader = raw.body!.getReader();
      const decoder = new TextDecoder();
      let body = '';
      while (!body.includes('data-queued')) {
        const { value, done } = await reader.read();
        if (done) break;
        body += decoder.decode(value, { stream: true });
      }
      expect(body).toContain('{"type":"data-queued","data":{"multitask":"enqueue"},"transient":true}');
      expect(body).not.toContain('"finish"');
      await store.releaseLease(sessionId, running!);
      for (let read = await reader.read(); !read.done; read = await reader.read()) body += decoder.decode(read.value, { stream: true });
      expect(body).toContain('"finishReason":"stop"');
      expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
      const view = (await (await fetch(`${app.baseUrl}/v1/sessions/${sessionId}`, { headers: ALICE })).json()) as SessionView;
      expect(view.version).toBe(1);
    });

    it('refuses another user on both routes, and says 204 to the owner when no turn runs', async () => {
      const sessionId = await newSession(app.baseUrl, ALICE);
      const intruder = new TestChat({ id: sessionId, api: `${app.baseUrl}/v1/chat`, headers: MALLORY });
      await intruder.sendMessage({ text: 'hello' });
      expect(intruder.status).toBe('error');
      expect(intruder.errors[0]?.message).toContain('No such session');
      const post = await fetch(`${app.baseUrl}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...MALLORY },
        body: JSON.stringify({ id: sessionId, trigger: 'submit-message', messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'hi' }] }] }),
      });
      expect([post.status, await post.json()]).toEqual([404, { statusCode: 404, code: 'SESSION_NOT_FOUND', message: 'No such session.' }]);
      const resume = await fetch(`${app.baseUrl}/v1/chat/${sessionId}/stream`, { headers: MALLORY });
      expect(resume.status).toBe(404);
      expect(await resume.json()).toMatchObject({ code: 'SESSION_NOT_FOUND' });
      expect((await fetch(`${app.baseUrl}/v1/chat/${sessionId}/stream`, { headers: ALICE })).status).toBe(204);
      expect(await new TestChat({ id: sessionId, api: `${app.baseUrl}/v1/chat`, headers: ALICE }).resumeStream()).toBeUndefined();
      // Nothing of the session changed.
      const view = await (await fetch(`${app.baseUrl}/v1/sessions/${sessionId}`, { headers: ALICE })).json();
      expect(view).toMatchObject({ phase: 'IDLE', version: expect.any(Number) });
    });

    it.each<[string, unknown]>([
      ['no messages', { id: 'x', trigger: 'submit-message', messages: [] }],
      ['the last message not the user’s', { id: 'x', trigger: 'submit-message', messages: [{ id: 'a', role: 'assistant', parts: [{ type: 'text', text: 'hi' }] }] }],
      ['an empty text', { id: 'x', trigger: 'submit-message', messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: '  ' }] }] }],
      ['a regenerate', { id: 'x', trigger: 'regenerate-message', messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'hi' }] }] }],
      ['an unknown field', { id: 'x', trigger: 'submit-message', tenantId: 'evil', messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'hi' }] }] }],
      ['an unknown action', { id: 'x', trigger: 'submit-message', action: { type: 'activate' }, messages: [{ id: 'u', role: 'user', parts: [] }] }],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_, body) => {
      const response = await fetch(`${app.baseUrl}/v1/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...ALICE }, body: JSON.stringify(body) });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.any(String) });
    });

    it('takes the whole history the client sends, past the 16 KB of the other routes', async () => {
      const sessionId = await newSession(app.baseUrl, ALICE);
      const history = Array.from({ length: 40 }, (_, index) => ({ id: `h${index}`, role: index % 2 ? 'assistant' : 'user', parts: [{ type: 'text', text: 'x'.repeat(1000) }] }));
      const response = await fetch(`${app.baseUrl}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...ALICE },
        body: JSON.stringify({ id: sessionId, trigger: 'submit-message', messages: [...history, { id: 'last', role: 'user', parts: [{ type: 'text', text: 'hello' }] }] }),
      });
      expect(response.status).toBe(200);
      await response.text();
    });
  });

  it('counts its turns against the same per-user turn limit as the SSE route', async () => {
    const limited = await startTestApp({ RATE_LIMIT_TURNS_PER_MINUTE: '2' });
    try {
      const sessionId = await newSession(limited.baseUrl, ALICE);
      const chat = new TestChat({ id: sessionId, api: `${limited.baseUrl}/v1/chat`, headers: ALICE });
      await chat.sendMessage({ text: 'hello' });
      const sse = await fetch(`${limited.baseUrl}/v1/sessions/${sessionId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...ALICE },
        body: JSON.stringify({ message: 'hello' }),
      });
      expect(sse.status).toBe(200);
      const refused = await fetch(`${limited.baseUrl}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...ALICE },
        body: JSON.stringify({ id: sessionId, trigger: 'submit-message', messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'hello' }] }] }),
      });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
      await chat.sendMessage({ text: 'hello' });
      expect(chat.status).toBe('error');
    } finally {
      await limited.close();
    }
  });

  describe('with a streaming model: resume and abort', () => {
    let llm: LlmApp;
    beforeAll(async () => {
      llm = await startLlmApp();
    });
    afterAll(() => llm.close());

    const REPLY = 'One moment: reading your description now.';
    const slowReply = (): void => {
      const pieces = ['{"reply":"One ', 'moment: ', 'reading ', 'your ', 'description ', 'now."', ',"intent":"unclear","patch":null}'];
      llm.model.enqueue(step.answer(pieces.join(''), { chunks: pieces, delayMs: 150 }));
    };
    const chatFor = async (options: { fetch?: typeof fetch } = {}): Promise<{ chat: TestChat; sessionId: string }> => {
      const sessionId = await newSession(llm.app.baseUrl, ALICE);
      return { chat: new TestChat({ id: sessionId, api: `${llm.app.baseUrl}/v1/chat`, headers: ALICE, ...options }), sessionId };
    };
    const streamedText = (chat: TestChat): string => textOf(chat.reply);

    it('streams the model’s reply as text deltas into one text part', async () => {
      const { chat } = await chatFor();
      slowReply();
      await chat.sendMessage({ text: 'banana' });
      expect(chat.errors).toEqual([]);
      expect(textOf(chat.reply).startsWith(REPLY)).toBe(true);
      expect(textOf(chat.reply).split(REPLY)).toHaveLength(2);
    });

    it('resumes after a disconnect: the replay from the turn’s start rebuilds the same message, no text doubled', async () => {
      const network = cuttableFetch();
      const { chat, sessionId } = await chatFor({ fetch: network.fetch });
      slowReply();
      const sending = chat.sendMessage({ text: 'banana' });
      await until(() => streamedText(chat).length > 0, 'the first delta');
      network.cut();
      await sending;
      expect(chat.status).toBe('error');
      const partial = chat.reply!;
      expect(REPLY.startsWith(textOf(partial))).toBe(true);
      expect(textOf(partial).length).toBeLessThan(REPLY.length);

      await chat.resumeStream();
      expect(chat.status).toBe('ready');
      expect(chat.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
      expect(chat.reply!.id).toBe(partial.id);
      const text = textOf(chat.reply);
      expect(text.startsWith(REPLY)).toBe(true);
      expect(text.split(REPLY)).toHaveLength(2);
      // The turn ran once and committed once, although the client went away in its middle.
      const view = (await (await fetch(`${llm.app.baseUrl}/v1/sessions/${sessionId}`, { headers: ALICE })).json()) as { version: number };
      expect(view.version).toBe(1);
      expect((await fetch(`${llm.app.baseUrl}/v1/chat/${sessionId}/stream`, { headers: ALICE })).status).toBe(204);
    });

    it('joins a running turn from a second client and refuses another user meanwhile', async () => {
      const { chat, sessionId } = await chatFor();
      slowReply();
      const sending = chat.sendMessage({ text: 'banana' });
      await until(() => streamedText(chat).length > 0, 'the first delta');
      expect((await fetch(`${llm.app.baseUrl}/v1/chat/${sessionId}/stream`, { headers: MALLORY })).status).toBe(404);
      const other = new TestChat({ id: sessionId, api: `${llm.app.baseUrl}/v1/chat`, headers: ALICE });
      await other.resumeStream();
      await sending;
      expect(other.errors).toEqual([]);
      expect(other.messages).toHaveLength(1);
      expect(textOf(other.reply)).toBe(textOf(chat.reply));
      expect(textOf(other.reply).split(REPLY)).toHaveLength(2);
    });

    it('keeps the turn after an abort (stop only hangs up), so resume still gets all of it once', async () => {
      const { chat } = await chatFor();
      slowReply();
      const sending = chat.sendMessage({ text: 'banana' });
      await until(() => streamedText(chat).length > 0, 'the first delta');
      await chat.stop();
      await sending;
      expect(chat.status).toBe('ready');
      await chat.resumeStream();
      expect(chat.status).toBe('ready');
      expect(chat.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
      expect(textOf(chat.reply).split(REPLY)).toHaveLength(2);
    });

    it('stops a turn with the stop route: its stream ends with the error, nothing is committed, and the chat goes on', async () => {
      const { chat, sessionId } = await chatFor();
      slowReply();
      const sending = chat.sendMessage({ text: 'banana' });
      await until(() => streamedText(chat).length > 0, 'the first delta');
      const stop = await fetch(`${llm.app.baseUrl}/v1/sessions/${sessionId}/stop`, { method: 'POST', headers: ALICE });
      expect(stop.status).toBe(202);
      await sending;
      expect(chat.status).toBe('error');
      expect(dataParts(chat.reply).find((part) => part.id === 'error')?.data).toMatchObject({ code: 'TURN_STOPPED' });
      const view = (await (await fetch(`${llm.app.baseUrl}/v1/sessions/${sessionId}`, { headers: ALICE })).json()) as { version: number; phase: string };
      expect(view).toMatchObject({ version: 0, phase: 'IDLE' });
      expect((await fetch(`${llm.app.baseUrl}/v1/chat/${sessionId}/stream`, { headers: ALICE })).status).toBe(204);

      chat.clearError();
      await chat.sendMessage({ text: 'banana' });
      expect(chat.status).toBe('ready');
      expect(textOf(chat.reply)).not.toBe('');
    });

    it('replays a retried turn under its Idempotency-Key without running it again', async () => {
      const { chat, sessionId } = await chatFor();
      const before = llm.model.requests.length;
      await chat.sendMessage({ text: 'banana' }, { headers: { 'idempotency-key': 'chat-key-1' } });
      const first = textOf(chat.reply);
      const asked = llm.model.requests.length;
      expect(asked).toBeGreaterThan(before);
      const retry = new TestChat({ id: sessionId, api: `${llm.app.baseUrl}/v1/chat`, headers: { ...ALICE, 'idempotency-key': 'chat-key-1' } });
      await retry.sendMessage({ text: 'banana' });
      expect(retry.errors).toEqual([]);
      expect(textOf(retry.reply)).toBe(first);
      expect(llm.model.requests.length).toBe(asked);
    });
  });
});
