import { describe, expect, it } from '@jest/globals';
import { readUIMessageStream, uiMessageChunkSchema, type UIMessage, type UIMessageChunk } from 'ai';
import type { ChatResponse } from '../conversation/chat-response.js';
import { ConversationPhase } from '../conversation/state.js';
import { type UiMessageChunk, UiMessageStreamAdapter } from './ui-message-chunks.js';

// Compile-time: every chunk this service sends is one of the `ai` package's own.
const assignable = (chunk: UiMessageChunk): UIMessageChunk => chunk;

let seq = 0;
function event(type: ChatResponse['type'], fields: Partial<ChatResponse> = {}): ChatResponse {
  const durable = type !== 'delta';
  return {
    sessionId: 's-1',
    seq: durable ? ++seq : seq,
    type,
    phase: ConversationPhase.REQUIREMENTS,
    content: null,
    actions: [],
    oauthUrl: null,
    data: null,
    ...fields,
  };
}

/** The chunks of a whole turn, as the `ai` package's own reader builds the assistant message from them. */
async function messageFrom(events: ChatResponse[]): Promise<{ chunks: UiMessageChunk[]; message: UIMessage }> {
  const adapter = new UiMessageStreamAdapter();
  const chunks = [adapter.start('m-1', 's-1'), ...events.flatMap((item) => adapter.toChunks(item))];
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(assignable(chunk));
      controller.close();
    },
  });
  let message: UIMessage | undefined;
  for await (const snapshot of readUIMessageStream({ stream, terminateOnError: false })) message = snapshot;
  return { chunks, message: message! };
}

describe(UiMessageStreamAdapter.name, () => {
  it('sends chunks the ai package’s own schema accepts', async () => {
    const { chunks } = await messageFrom([
      event('delta', { content: 'Hel' }),
      event('delta', { content: 'lo' }),
      event('message', { content: 'Hello', actions: [{ type: 'confirm', label: 'Yes' }] }),
      event('expiring', { data: { expiresAt: '2026-01-01T00:00:00.000Z' } }),
      event('error', { data: { code: 'TURN_STOPPED', message: 'Stopped.', retryable: false } }),
      event('done'),
    ]);
    for (const chunk of chunks) {
      const parsed = await uiMessageChunkSchema().validate!(chunk);
      expect(parsed).toMatchObject({ success: true });
    }
  });

  it('streams deltas as one text part that the following message only closes: no text doubled', async () => {
    const { message } = await messageFrom([
      event('delta', { content: 'One ' }),
      event('delta', { content: 'moment.' }),
      event('message', { content: 'One moment.' }),
      event('message', { content: 'What should trigger the agent?' }),
      event('done'),
    ]);
    expect(message.id).toBe('m-1');
    expect(message.parts.filter((part) => part.type === 'text').map((part) => part.text)).toEqual(['One moment.', 'What should trigger the agent?']);
  });

  it('keeps one data part per id, replaced in place by the latest: phase, requirements, actions, each OAuth prompt', async () => {
    const { message } = await messageFrom([
      event('phase', { data: { from: 'IDLE', to: 'DISCOVERY', reason: 'described' }, phase: ConversationPhase.DISCOVERY }),
      event('requirements', { data: { requirements: { v: 1 }, missing: ['trigger'] } }),
      event('phase', { data: { from: 'DISCOVERY', to: 'OAUTH_FLOW', reason: 'found' }, phase: ConversationPhase.OAUTH_FLOW }),
      event('oauth_required', {
        oauthUrl: 'https://idp.example/authorize?state=a',
        data: { integration: 'gmail', provider: 'google' },
        actions: [{ type: 'oauth', label: 'Connect Gmail', value: 'https://idp.example/authorize?state=a' }],
      }),
      event('oauth_required', { oauthUrl: 'https://slack.example/authorize', data: { integration: 'slack', provider: 'slack' } }),
      event('requirements', { data: { requirements: { v: 2 }, missing: [] } }),
      event('message', { content: 'Connect Gmail first.', actions: [{ type: 'skip', label: 'Skip' }] }),
      event('done'),
    ]);
    const data = message.parts.filter((part) => part.type.startsWith('data-')) as { type: string; id: string; data: Record<string, unknown> }[];
    expect(data.map((part) => part.id)).toEqual(['phase', 'requirements', 'oauth_required-gmail', 'oauth_required-slack', 'actions']);
    expect(data[0]!.data).toMatchObject({ to: 'OAUTH_FLOW', phase: 'OAUTH_FLOW' });
    expect(data[1]!.data).toEqual({ requirements: { v: 2 }, missing: [] });
    expect(data[2]!.data).toMatchObject({ integration: 'gmail', url: 'https://idp.example/authorize?state=a' });
    expect(data[4]!.data).toEqual({ actions: [{ type: 'skip', label: 'Skip' }] });
  });

  it('sends the expiry warning as a transient part (not kept in the message)', async () => {
    const adapter = new UiMessageStreamAdapter();
    expect(adapter.toChunks(event('expiring', { data: { expiresAt: 'soon' } }))).toEqual([
      { type: 'data-expiring', data: { expiresAt: 'soon' }, transient: true },
    ]);
    const { message } = await messageFrom([event('expiring', { data: { expiresAt: 'soon' } }), event('done')]);
    expect(message.parts.some((part) => part.type === 'data-expiring')).toBe(false);
  });

  it('ends a failed turn with its code as data, an error chunk, then finish with reason error', () => {
    const adapter = new UiMessageStreamAdapter();
    const chunks = [
      ...adapter.toChunks(event('delta', { content: 'Half' })),
      ...adapter.toChunks(event('error', { data: { code: 'TURN_STOPPED', message: 'The turn was stopped.', retryable: false } })),
      ...adapter.toChunks(event('done')),
    ];
    expect(chunks.map((chunk) => chunk.type)).toEqual(['text-start', 'text-delta', 'text-end', 'data-error', 'error', 'finish']);
    expect(chunks[4]).toEqual({ type: 'error', errorText: 'The turn was stopped.' });
    expect(chunks[5]).toMatchObject({ finishReason: 'error', messageMetadata: { sessionId: 's-1' } });
  });
});
