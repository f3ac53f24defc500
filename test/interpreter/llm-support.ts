import { expect } from '@jest/globals';
import { LlmMetrics } from '../../src/interpreter/openai/llm-metrics.js';
import { ConversationClient } from '../support/conversation-client.js';
import type { LlmApp } from './initializers.js';
import { realisticAnswer } from './scripted-model.js';
import type { RawTurn } from './turn-stream.js';

/** The reply the scripted model gives to `text`. */
export function replyTo(text: string): string {
  const answer = realisticAnswer(text);
  if (typeof answer === 'string') throw new Error('raw scripted answer');
  return String(answer['reply']);
}

/** The interpreter's counters inside the running app. */
export function llmMetrics(llm: LlmApp): LlmMetrics {
  return llm.app.app.get(LlmMetrics);
}

let clients = 0;

/** A client with its own user, and a started session. */
export async function startedClient(llm: LlmApp): Promise<ConversationClient> {
  const client = new ConversationClient(llm.app.baseUrl, { 'x-user-id': `llm-user-${++clients}`, 'x-tenant-id': 'acme' });
  await client.start();
  return client;
}

/**
 * The reply streamed: at least two `delta`s, all before the turn's first durable event, which is the
 * `message` they add up to, with the model's reply as its content.
 */
export function expectReplyStreamed(turn: RawTurn, reply: string): void {
  const types = turn.responses.map((response) => response.type);
  const firstDurable = types.findIndex((type) => type !== 'delta');
  expect(firstDurable).toBeGreaterThanOrEqual(2);
  expect(types.slice(firstDurable)).not.toContain('delta');
  const message = turn.responses[firstDurable]!;
  expect(message.type).toBe('message');
  const streamed = turn.responses.slice(0, firstDurable).map((response) => response.content).join('');
  expect(streamed).toBe(message.content);
  expect(message.content).toBe(reply);
}

/** The turn was answered without the model: no deltas, and no message carrying a model reply. */
export function expectNoModelReply(turn: RawTurn, reply: string): void {
  expect(turn.responses.filter((response) => response.type === 'delta')).toEqual([]);
  expect(turn.responses.map((response) => response.content)).not.toContain(reply);
}
